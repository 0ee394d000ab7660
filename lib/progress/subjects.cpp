// What is watched: every task of a plan, each recurring task followed by its
// instances for the plan year, due dates settled on the calendar.
//
// A due date in a year with no published calendar does not fail the whole
// plan: a 2026 plan's 年终总结 is due in January 2027 long before the 2027
// notice appears. Such a date is settled on the same calendar with the
// weekends-only fallback, kept unshifted and marked provisional, so the
// evaluation can say so instead of guessing silently.
#include <memory>

#include "duban/error.hpp"
#include "duban/progress.hpp"

namespace duban {
namespace {

bool unknown_year(const Error& e) { return e.code() == Errc::range && e.klass() == ErrClass::time; }

// The calendar with the weekends-only fallback, built only when needed.
class Fallback {
 public:
  explicit Fallback(const WorkCalendar& calendar) : calendar_(calendar) {}
  const WorkCalendar& get() {
    if (calendar_.options().weekends_only_fallback) return calendar_;
    if (!fallback_) {
      CalendarOptions options = calendar_.options();
      options.weekends_only_fallback = true;
      fallback_ = std::make_unique<WorkCalendar>(calendar_.data(), options);
    }
    return *fallback_;
  }

 private:
  const WorkCalendar& calendar_;
  std::unique_ptr<WorkCalendar> fallback_;
};

std::optional<Due> settle(const Task& task, const WorkCalendar& calendar, Fallback& fallback,
                          const DueContext& context, bool& provisional) {
  try {
    return resolve(task.deadline, calendar, context);
  } catch (const Error& e) {
    if (!unknown_year(e)) throw Error(e.code(), e.klass(), "task " + quote(task.key) + ": " + e.what());
  }
  const auto guess = resolve(task.deadline, fallback.get(), context);
  if (!guess) return guess;
  provisional = true;
  return Due{guess->nominal, guess->nominal};
}

void add_instances(const Task& task, TaskId id, int year, Date as_of, const WorkCalendar& calendar,
                   Fallback& fallback, const SubjectOptions& options, std::vector<Subject>& out) {
  const Date first = std::chrono::year{year} / 1 / 1;
  const Date last = std::chrono::year{year} / 12 / 31;
  const ExpandOptions expand_options{options.shift};
  std::vector<Occurrence> occurrences;
  bool guessed = false;
  try {
    occurrences = expand(*task.deadline.recurrence, task.key, first, last, calendar, expand_options);
  } catch (const Error& e) {
    if (!unknown_year(e)) throw;
    occurrences = expand(*task.deadline.recurrence, task.key, first, last, fallback.get(), expand_options);
    guessed = true;
  }
  for (const Occurrence& o : occurrences) {
    if (!options.all_instances && as_of < o.period_first) continue;
    Subject s;
    s.task = id;
    s.instance = o.id;
    s.period = o.period;
    s.due = Due{o.nominal, o.due};
    if (guessed) {
      // Only the instances the real calendar cannot settle are provisional.
      try {
        const auto exact =
            expand(*task.deadline.recurrence, task.key, o.period_last, o.period_last, calendar, expand_options);
        if (!exact.empty()) s.due = Due{exact.front().nominal, exact.front().due};
      } catch (const Error& e) {
        if (!unknown_year(e)) throw;
        s.provisional = true;
        s.due = Due{o.nominal, o.nominal};
      }
    }
    out.push_back(std::move(s));
  }
}

}  // namespace

std::vector<Subject> subjects_of(const Plan& plan, const WorkCalendar& calendar, Date as_of,
                                 const SubjectOptions& options) {
  if (!as_of.ok()) throw Error(Errc::inval, ErrClass::argument, "subjects_of: as_of is not a date");
  const int year = plan.year != 0 ? plan.year : static_cast<int>(as_of.year());
  Date start = std::chrono::year{year} / 1 / 1;
  if (plan.issued) start = *plan.issued;
  if (options.start) start = *options.start;
  if (!start.ok()) throw Error(Errc::inval, ErrClass::argument, "subjects_of: the start is not a date");

  Fallback fallback(calendar);
  const DueContext context{start, year, options.shift};
  std::vector<Subject> out;
  out.reserve(plan.tasks.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    const TaskId id = static_cast<TaskId>(i) + 1;
    Subject s;
    s.task = id;
    s.due = settle(task, calendar, fallback, context, s.provisional);
    s.recurring = task.deadline.recurrence.has_value();
    s.start = start;
    s.milestones = task.deadline.milestones;
    out.push_back(std::move(s));
    if (task.deadline.recurrence) add_instances(task, id, year, as_of, calendar, fallback, options, out);
  }
  return out;
}

}  // namespace duban
