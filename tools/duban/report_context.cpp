#include "report_context.hpp"

#include <chrono>

#include "duban/error.hpp"

namespace duban::tool {

void add_item_options(CLI::App& sub, ItemArgs& args, bool required) {
  auto* task = sub.add_option("--task", args.task, "Task key (see `duban tasks`)");
  if (required) task->required();
  auto* instance = sub.add_option("--instance", args.instance, "An instance of a recurring task: 3@2025-03");
  auto* period = sub.add_option("--period", args.period, "The instance's period: 2025-03, 2025-Q1, 2025");
  instance->excludes(period);
}

Desk open_desk(const LedgerArgs& args, bool read_only) {
  Ledger ledger = open_existing(args.db, read_only);
  PlanId id = 0;
  if (args.plan) {
    id = *args.plan;
  } else if (auto latest = ledger.latest_plan()) {
    id = *latest;
  } else {
    throw Error(
        Errc::notfound, ErrClass::argument,
        args.db + ": the ledger holds no plan yet (load one with `duban plan load FILE.json --db " + args.db + "`)");
  }
  Directory directory = ledger.load_directory();
  Plan plan = ledger.load_plan(id);
  return Desk{std::move(ledger), std::move(directory), id, std::move(plan)};
}

ItemRef Desk::item(const ItemArgs& args) const {
  const int index = plan.find_task(args.task);
  if (index < 0) {
    throw Error(Errc::notfound, ErrClass::argument,
                "--task: plan " + std::to_string(plan_id) + " has no task " + quote(args.task) +
                    " (see `duban tasks --db DB`)");
  }
  ItemRef out{plan_id, index + 1, args.instance};
  if (!args.period.empty()) out.instance = args.task + "@" + args.period;
  return out;
}

UnitId Desk::unit(const std::string& name, const char* option) const {
  if (const auto id = directory.lookup(name)) return *id;
  throw Error(Errc::notfound, ErrClass::argument,
              std::string(option) + ": unknown unit " + quote(name) + " (see `duban units --db DB`)");
}

std::string Desk::unit_name(UnitId id) const {
  if (id == 0) return "host";
  const Unit* u = directory.find(id);
  return u ? u->name : "unit " + std::to_string(id);
}

Date date_arg(const std::string& text, const char* option) {
  if (text.empty()) {
    // The office's day: China Standard Time, UTC+8, no daylight saving.
    const auto now = std::chrono::system_clock::now() + std::chrono::hours{8};
    return Date{std::chrono::floor<std::chrono::days>(now)};
  }
  try {
    return parse_date(text);
  } catch (const Error& e) {
    throw CLI::ValidationError(option, e.what());
  }
}

std::string item_label(const Desk& desk, const ItemRef& item) {
  const Task& t = desk.task(item.task);
  std::string out = "task " + t.key + " (" + t.title + ")";
  if (!item.instance.empty()) out = "instance " + item.instance + " of " + out;
  return out;
}

std::string number_text(double value) {
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string progress_text(ReportStatus status, const std::optional<double>& percent) {
  std::string out(to_string(status));
  if (percent) out += " " + number_text(*percent) + "%";
  return out;
}

}  // namespace duban::tool
