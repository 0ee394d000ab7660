// duban history — every event of a task (and its instances), as of a date
// if asked, then the state they add up to.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "report_context.hpp"

namespace duban::tool {
namespace {

using Json = nlohmann::ordered_json;

std::string actor_text(const Desk& desk, const Actor& actor) {
  std::string out = desk.unit_name(actor.unit);
  if (!actor.user.empty()) out += "（" + actor.user + "）";
  return out;
}

// What an event says beyond who and when, in one cell.
std::string detail(const Event& e) {
  std::string out;
  const auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += " ";
    out += part;
  };
  switch (e.kind) {
    case EventKind::report:
      add(progress_text(e.status, e.percent));
      for (const Indicator& v : e.indicators) add(to_string(v));
      if (e.ref) add("corrects #" + std::to_string(*e.ref));
      break;
    case EventKind::closure_approved:
    case EventKind::closure_returned:
    case EventKind::extension_approved:
    case EventKind::extension_refused:
      if (e.ref) add("on #" + std::to_string(*e.ref));
      break;
    case EventKind::extension_requested:
      if (e.due) add("due " + format_date(*e.due));
      if (e.until) add("→ " + format_date(*e.until));
      break;
    default:
      break;
  }
  if (!e.evidence.empty()) {
    std::string refs;
    for (const std::string& r : e.evidence) refs += (refs.empty() ? "" : "、") + r;
    add("[" + refs + "]");
  }
  return out;
}

std::string one_line(std::string text) {
  for (std::size_t at; (at = text.find('\n')) != std::string::npos;) text.replace(at, 1, " / ");
  return text;
}

std::string opt_date(const std::optional<Date>& d) { return d ? format_date(*d) : "-"; }

void print_text(const Desk& desk, const std::vector<Event>& events, const ItemState& st) {
  for (const Event& e : events) {
    std::cout << "#" << e.id << "\t" << format_date(e.date) << "\t" << to_string(e.kind) << "\t"
              << (e.item.instance.empty() ? "-" : e.item.instance) << "\t" << actor_text(desk, e.actor) << "\t"
              << detail(e) << "\t" << one_line(e.text);
    if (e.superseded_by) std::cout << "\t(superseded by #" << *e.superseded_by << ")";
    std::cout << "\n";
  }
  std::cout << "state: closure " << to_string(st.closure);
  if (st.submitted) std::cout << " (submitted " << format_date(*st.submitted) << ")";
  if (st.closure == ClosureState::closed) std::cout << " (closed " << format_date(*st.decided) << ")";
  if (st.closure == ClosureState::returned) {
    std::cout << " (returned " << format_date(*st.decided) << ": " << one_line(st.return_reason) << ")";
  }
  std::cout << "; due " << opt_date(st.original_due);
  if (st.current_due != st.original_due) std::cout << ", extended to " << opt_date(st.current_due);
  if (st.latest) {
    const ReportEntry& r = st.reports[*st.latest];
    std::cout << "; latest report #" << r.id << " " << format_date(r.date) << " " << progress_text(r.status, r.percent);
  } else {
    std::cout << "; no report from its lead";
  }
  std::cout << "\n";
}

Json event_json(const Desk& desk, const Event& e) {
  Json j;
  j["id"] = e.id;
  j["kind"] = to_string(e.kind);
  j["date"] = format_date(e.date);
  j["recorded"] = e.recorded;
  j["instance"] = e.item.instance.empty() ? Json(nullptr) : Json(e.item.instance);
  j["unit"] = e.actor.unit == 0 ? Json(nullptr) : Json(desk.unit_name(e.actor.unit));
  j["user"] = e.actor.user;
  j["text"] = e.text;
  j["ref"] = e.ref ? Json(*e.ref) : Json(nullptr);
  if (e.kind == EventKind::report) {
    j["status"] = to_string(e.status);
    j["percent"] = e.percent ? Json(*e.percent) : Json(nullptr);
    Json values = Json::array();
    for (const Indicator& v : e.indicators)
      values.push_back({{"metric", v.metric}, {"value", v.value}, {"unit", v.unit}});
    j["values"] = std::move(values);
    j["superseded_by"] = e.superseded_by ? Json(*e.superseded_by) : Json(nullptr);
  }
  if (!e.evidence.empty() || e.kind == EventKind::report || e.kind == EventKind::closure_submitted) {
    j["evidence"] = e.evidence;
  }
  if (e.kind == EventKind::extension_requested) {
    j["due"] = e.due ? Json(format_date(*e.due)) : Json(nullptr);
    j["until"] = e.until ? Json(format_date(*e.until)) : Json(nullptr);
  }
  return j;
}

Json state_json(const Desk& desk, const ItemState& st) {
  const auto date = [](const std::optional<Date>& d) { return d ? Json(format_date(*d)) : Json(nullptr); };
  Json j;
  j["closure"] = to_string(st.closure);
  j["submission"] = st.submission ? Json(*st.submission) : Json(nullptr);
  j["submitted_by"] = st.submitted_by != 0 ? Json(desk.unit_name(st.submitted_by)) : Json(nullptr);
  j["submitted"] = date(st.submitted);
  j["decided"] = date(st.decided);
  j["done"] = date(st.done);
  j["return_reason"] = st.return_reason;
  j["original_due"] = date(st.original_due);
  j["current_due"] = date(st.current_due);
  if (st.latest) {
    const ReportEntry& r = st.reports[*st.latest];
    j["latest_report"] = {{"id", r.id},
                          {"date", format_date(r.date)},
                          {"unit", desk.unit_name(r.unit)},
                          {"status", to_string(r.status)},
                          {"percent", r.percent ? Json(*r.percent) : Json(nullptr)}};
  } else {
    j["latest_report"] = nullptr;
  }
  Json extensions = Json::array();
  for (const ExtensionEntry& x : st.extensions) {
    extensions.push_back({{"request", x.request},
                          {"requested", format_date(x.requested)},
                          {"until", format_date(x.until)},
                          {"decision", to_string(x.decision)},
                          {"decided", date(x.decided)},
                          {"reason", x.reason}});
  }
  j["extensions"] = std::move(extensions);
  return j;
}

}  // namespace

void add_history_command(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    ItemArgs item;
    std::string as_of;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "history", "The events of a task in chain order (id, date, kind, instance, unit, detail, text), then its state");
  add_ledger_options(*cmd, args->ledger);
  add_item_options(*cmd, args->item);
  cmd->add_option("--as-of", args->as_of, "Only what was known on this day, YYYY-MM-DD");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args] {
    const Desk desk = open_desk(args->ledger, true);
    const ItemRef item = desk.item(args->item);
    HistoryQuery query;
    if (!args->as_of.empty()) query.as_of = date_arg(args->as_of, "--as-of");
    if (!args->item.instance.empty() || !args->item.period.empty()) query.instance = item.instance;
    const auto events = desk.ledger.history(item.plan, item.task, query);
    const ItemState st = desk.ledger.state(item, query.as_of);
    if (args->json) {
      const Task& t = desk.task(item.task);
      Json out;
      out["plan"] = desk.plan_id;
      out["task"] = t.key;
      out["title"] = t.title;
      out["instance"] = item.instance.empty() ? Json(nullptr) : Json(item.instance);
      out["as_of"] = query.as_of ? Json(format_date(*query.as_of)) : Json(nullptr);
      Json list = Json::array();
      for (const Event& e : events) list.push_back(event_json(desk, e));
      out["events"] = std::move(list);
      out["state"] = state_json(desk, st);
      std::cout << out.dump(2) << "\n";
      return;
    }
    print_text(desk, events, st);
  });
}

}  // namespace duban::tool
