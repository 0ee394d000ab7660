#include "ledger/rules.hpp"

#include <algorithm>

#include "duban/error.hpp"
#include "ledger/calendar.hpp"
#include "text/utf8.hpp"

namespace duban::ledger {
namespace {

constexpr std::size_t kPathQuote = 1024;

// Instance ids and nominal dates do not depend on holidays: a calendar that
// treats unknown years as plain working weeks settles them for any year.
const WorkCalendar& id_calendar() {
  static const WorkCalendar calendar(builtin_calendar_data(), CalendarOptions{true});
  return calendar;
}

bool unknown_year(const Error& e) { return e.code() == Errc::range && e.klass() == ErrClass::time; }

Date first_day(int year) { return std::chrono::year{year} / 1 / 1; }
Date last_day(int year) { return std::chrono::year{year} / 12 / 31; }

}  // namespace

PlanRules::PlanRules(PlanId id, Plan plan, const Directory& directory, std::shared_ptr<const WorkCalendar> calendar)
    : id_(id),
      plan_(std::move(plan)),
      calendar_(std::move(calendar)),
      graph_(plan_, directory),
      speakers_(plan_.tasks.size()),
      dues_(plan_.tasks.size()) {}

bool PlanRules::has_task(TaskId task) const noexcept {
  return task >= 1 && static_cast<std::size_t>(task) <= plan_.tasks.size();
}

const Task& PlanRules::task(TaskId task) const { return plan_.tasks.at(static_cast<std::size_t>(task - 1)); }

std::string PlanRules::label(TaskId task, std::string_view instance) const {
  const Task& t = this->task(task);
  std::string out = "task " + quote(t.key) + " (" + t.title + ")";
  if (!instance.empty()) out = "instance " + quote(instance) + " of " + out;
  return out;
}

const std::vector<std::uint8_t>& PlanRules::roles_of(UnitId unit) {
  auto it = roles_.find(unit);
  if (it != roles_.end()) return it->second;
  std::vector<std::uint8_t> bits(plan_.tasks.size(), 0);
  if (graph_.has_unit(unit)) {
    for (const Assignment& a : graph_.tasks_of(unit, TaskQuery{std::nullopt, true})) {
      auto& b = bits[static_cast<std::size_t>(a.task - 1)];
      b |= 1;
      if (a.role == Role::lead) b |= 2;
    }
  }
  return roles_.emplace(unit, std::move(bits)).first->second;
}

bool PlanRules::holds_role(UnitId unit, TaskId task) {
  return has_task(task) && (roles_of(unit)[static_cast<std::size_t>(task - 1)] & 1) != 0;
}

bool PlanRules::leads(UnitId unit, TaskId task) {
  return has_task(task) && (roles_of(unit)[static_cast<std::size_t>(task - 1)] & 2) != 0;
}

bool PlanRules::speaks_for(UnitId unit, TaskId task) {
  if (!has_task(task)) return false;
  auto& slot = speakers_[static_cast<std::size_t>(task - 1)];
  if (!slot) {
    const auto all = graph_.units_of(task, UnitQuery{std::nullopt, GroupMode::expand});
    std::vector<UnitId> units;
    if (!all.empty()) {
      const auto strongest = std::min_element(all.begin(), all.end(), [](const Assignment& a, const Assignment& b) {
                               return static_cast<int>(a.role) < static_cast<int>(b.role);
                             })->role;
      for (const Assignment& a : all) {
        if (a.role == strongest) units.push_back(a.unit);
      }
    }
    std::sort(units.begin(), units.end());
    slot = std::move(units);
  }
  return std::binary_search(slot->begin(), slot->end(), unit);
}

const std::vector<Occurrence>& PlanRules::occurrences(TaskId task) {
  auto it = occurrences_.find(task);
  if (it != occurrences_.end()) return it->second;
  std::vector<Occurrence> out;
  const Task& t = this->task(task);
  if (t.deadline.recurrence && plan_.year > 0) {
    const Date from = first_day(plan_.year);
    const Date to = last_day(plan_.year);
    // A recurrence the calendar layer refuses (day 40) has no instances:
    // one bad task must not stop the checks and states of all the others.
    try {
      out = expand(*t.deadline.recurrence, t.key, from, to, *calendar_);
    } catch (const Error& e) {
      if (!unknown_year(e)) return occurrences_.emplace(task, std::move(out)).first->second;
      // A year without a calendar: the stated days, unshifted, as the
      // progress view keeps them (provisional).
      try {
        out = expand(*t.deadline.recurrence, t.key, from, to, id_calendar(), ExpandOptions{Roll::none});
      } catch (const Error&) {
        out.clear();
      }
      for (Occurrence& o : out) o.due = o.nominal;
    }
  }
  return occurrences_.emplace(task, std::move(out)).first->second;
}

std::string PlanRules::instance_problem(TaskId task, std::string_view instance) {
  const Task& t = this->task(task);
  if (!t.deadline.recurrence) return "task " + quote(t.key) + " is not a recurring task: it has no instances";
  const std::string prefix = t.key + "@";
  if (!instance.starts_with(prefix) || instance.size() == prefix.size()) {
    return "instance " + quote(instance) + " is not one of task " + quote(t.key) + "'s (they are named " +
           quote(prefix + "PERIOD") + ")";
  }
  if (plan_.year <= 0) return {};
  for (const Occurrence& o : occurrences(task)) {
    if (o.id == instance) return {};
  }
  return "task " + quote(t.key) + " has no instance " + quote(instance) + " in " + std::to_string(plan_.year);
}

std::optional<Date> PlanRules::due(TaskId task, std::string_view instance) {
  if (!instance.empty()) {
    for (const Occurrence& o : occurrences(task)) {
      if (o.id == instance) return o.due;
    }
    return std::nullopt;
  }
  auto& slot = dues_[static_cast<std::size_t>(task - 1)];
  if (!slot) {
    const Task& t = this->task(task);
    DueContext context;
    context.plan_year = plan_.year;
    context.assigned = plan_.issued ? *plan_.issued : first_day(plan_.year > 0 ? plan_.year : 1);
    // As for instances: a deadline the calendar layer refuses has no due
    // date here rather than failing every check of the plan.
    std::optional<Date> due;
    try {
      if (auto d = resolve(t.deadline, *calendar_, context)) due = d->effective;
    } catch (const Error& e) {
      if (unknown_year(e)) {
        context.shift = Roll::none;
        try {
          if (auto d = resolve(t.deadline, id_calendar(), context)) due = d->nominal;
        } catch (const Error&) {
          due.reset();
        }
      }
    }
    slot = due;
  }
  return *slot;
}

Date PlanRules::shifted(Date date) const {
  try {
    return calendar_->roll(date, Roll::following);
  } catch (const Error& e) {
    if (!unknown_year(e)) throw;
    return date;
  }
}

std::string ledger_name(const storage::Storage& s) { return "ledger " + quote(s.path(), kPathQuote); }

std::string actor_name(const Directory& directory, const Actor& actor) {
  std::string out;
  if (actor.unit == 0) {
    out = "the host application";
  } else if (const Unit* unit = directory.find(actor.unit)) {
    out = unit->name;
  } else {
    out = "unit " + std::to_string(actor.unit);
  }
  if (!actor.user.empty()) out += " (user " + quote(actor.user) + ")";
  return out;
}

void invalid(std::string_view where, const std::string& what) {
  throw Error(Errc::inval, ErrClass::argument, where.empty() ? what : std::string(where) + ": " + what);
}

void refuse(std::string_view where, const std::string& actor, const std::string& action, const std::string& rule) {
  const std::string what = "refused: " + actor + " may not " + action + ": " + rule;
  throw Error(Errc::perm, ErrClass::argument, where.empty() ? what : std::string(where) + ": " + what);
}

void require_acting_unit(std::string_view where, const Directory& directory, const Actor& actor,
                         const std::string& action) {
  if (actor.unit == 0) invalid(where, "no unit is given to " + action + " (the acting unit is required)");
  const Unit* unit = directory.find(actor.unit);
  if (unit == nullptr) invalid(where, "unit " + std::to_string(actor.unit) + " is not in the directory");
  if (unit->is_group()) {
    refuse(where, actor_name(directory, actor), action, "a group cannot act; one of its units must");
  }
}

void require_coordinator(std::string_view where, Ledger::Rules& rules, const Directory& directory, const Actor& actor,
                         const std::string& action, const std::string& rule) {
  if (rules.coordinator && actor.unit == *rules.coordinator) return;
  const std::string office =
      rules.coordinator ? "the coordinating office (" + actor_name(directory, Actor{*rules.coordinator, {}}) + ")"
                        : std::string("the coordinating office");
  std::string why = "only " + office + " may " + rule;
  if (!rules.coordinator) why += ", and the ledger has none set";
  refuse(where, actor_name(directory, actor), action, why);
}

std::string stored_date(std::string_view where, const Date& date, const char* what) {
  const int year = static_cast<int>(date.year());
  if (!date.ok() || year < 1 || year > 9999) {
    throw Error(Errc::range, ErrClass::argument,
                (where.empty() ? std::string() : std::string(where) + ": ") + what +
                    " is not a date a ledger can hold (years 1 to 9999, days that exist)");
  }
  return format_date(date);
}

void require_text(std::string_view where, std::string_view text, const char* what) {
  const std::size_t bad = text::find_invalid_utf8(text);
  if (bad == std::string_view::npos) return;
  throw Error(Errc::encoding, ErrClass::text,
              (where.empty() ? std::string() : std::string(where) + ": ") + what + " is not UTF-8 (byte " +
                  std::to_string(bad) + ")");
}

}  // namespace duban::ledger

namespace duban {

void Ledger::Rules::refresh(storage::Storage& s) {
  auto now = s.setting("revision");
  if (revision_ && now == *revision_ && hasher_) return;
  invalidate();
  if (auto c = s.setting("coordinator")) {
    try {
      coordinator = std::stoll(*c);
    } catch (const std::exception&) {
      throw Error(Errc::corrupt, ErrClass::storage,
                  ledger::ledger_name(s) + " is damaged: its coordinating office is " + quote(*c) + ", not a unit id");
    }
  }
  algorithm = ledger::stored_algorithm(s.setting("hash_algorithm"), ledger::ledger_name(s));
  hasher_ = std::make_unique<ledger::Hasher>(algorithm);
  revision_ = std::move(now);
}

void Ledger::Rules::invalidate() noexcept {
  revision_.reset();
  directory_.reset();
  plans_.clear();
  hasher_.reset();
  calendar_.reset();
  coordinator.reset();
}

ledger::Hasher& Ledger::Rules::hasher(storage::Storage& s) {
  if (!hasher_) refresh(s);
  return *hasher_;
}

std::shared_ptr<const WorkCalendar> Ledger::Rules::calendar(storage::Storage& s) {
  if (!calendar_) calendar_ = ledger::stored_calendar(s);
  return calendar_;
}

}  // namespace duban

namespace duban {

const Directory& Ledger::Rules::directory(storage::Storage& s) {
  if (!directory_) directory_ = ledger::stored_directory(s);
  return *directory_;
}

ledger::PlanRules& Ledger::Rules::plan(storage::Storage& s, PlanId id) {
  auto it = plans_.find(id);
  if (it != plans_.end()) return *it->second;
  auto plan = s.load_plan(id);
  if (!plan)
    throw Error(Errc::notfound, ErrClass::storage, ledger::ledger_name(s) + " has no plan " + std::to_string(id));
  auto rules = std::make_unique<ledger::PlanRules>(id, std::move(*plan), directory(s), calendar(s));
  return *plans_.emplace(id, std::move(rules)).first->second;
}

}  // namespace duban
