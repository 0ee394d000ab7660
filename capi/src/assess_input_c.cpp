// duban/assess.h, inputs: duban::AssessmentInput from a file, a text or a
// ledger, and laid over one another.
#include <memory>
#include <string>

#include "assess_handles.hpp"
#include "calendar_handle.hpp"
#include "duban/graph.hpp"
#include "duban/ledger.hpp"
#include "guard.hpp"
#include "values.hpp"

using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

std::unique_ptr<duban_assess_input> make_input(duban::AssessmentInput input, const duban_plan& plan) {
  auto handle = std::make_unique<duban_assess_input>();
  handle->input = std::make_shared<const duban::AssessmentInput>(std::move(input));
  handle->plan = plan.plan;
  handle->directory = plan.directory;
  return handle;
}

}  // namespace

extern "C" {

int duban_assess_input_parse(duban_assess_input** out, const duban_plan* plan, const duban_calendar* cal,
                             const char* json, size_t len, const char* origin) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_plan& p = require(plan, "plan");
    const auto name = duban::capi::optional_text_in(origin, "origin", "inputs");
    const auto text = duban::capi::text_in(json, len, name);
    const auto calendar = duban::capi::calendar_or_builtin(cal);
    return make_input(duban::parse_assessment_input(text, *p.plan, *p.directory, *calendar, name), p);
  });
}

int duban_assess_input_load(duban_assess_input** out, const duban_plan* plan, const duban_calendar* cal,
                            const char* path) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_plan& p = require(plan, "plan");
    const std::string file(duban::capi::text_in(path, DUBAN_NTS, "path"));
    const auto calendar = duban::capi::calendar_or_builtin(cal);
    return make_input(duban::load_assessment_input(file, *p.plan, *p.directory, *calendar), p);
  });
}

int duban_assess_input_from_db(duban_assess_input** out, duban_db* db, const duban_plan* plan,
                               const duban_calendar* cal, duban_date as_of) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Ledger& ledger = *require(db, "db").ledger;
    const duban_plan& p = require(plan, "plan");
    if (p.id == 0) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "the plan was not loaded from a ledger (use duban_plan_load), so its record cannot be read");
    }
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    const auto calendar = duban::capi::calendar_or_builtin(cal);
    const duban::ResponsibilityGraph graph(*p.plan, *p.directory);
    return make_input(duban::assessment_input(ledger, p.id, *p.plan, graph, *calendar, day), p);
  });
}

int duban_assess_input_merge(duban_assess_input** out, const duban_assess_input* base,
                             const duban_assess_input* more) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_assess_input& a = require(base, "base");
    const duban_assess_input& b = require(more, "more");
    if (!duban::capi::same_basis(a.plan, a.directory, b.plan, b.directory)) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "the two inputs were read against different plans or directories");
    }
    duban::AssessmentInput merged = *a.input;
    duban::merge(merged, *b.input);
    auto handle = std::make_unique<duban_assess_input>();
    handle->input = std::make_shared<const duban::AssessmentInput>(std::move(merged));
    handle->plan = a.plan;
    handle->directory = a.directory;
    return handle;
  });
}

size_t duban_assess_input_count(const duban_assess_input* input, duban_input_part_t part) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] {
    const duban::AssessmentInput& in = *require(input, "input").input;
    switch (duban::capi::enum_int(part)) {
      case DUBAN_INPUT_TASKS: return in.tasks.size();
      case DUBAN_INPUT_REPORTS: return in.reports.size();
      case DUBAN_INPUT_INDICATORS: return in.indicators.size();
      case DUBAN_INPUT_BASELINES: return in.baselines.size();
      case DUBAN_INPUT_EVENTS: return in.events.size();
      case DUBAN_INPUT_VALUES: return in.values.size();
      case DUBAN_INPUT_AREAS: return in.areas.size();
      default:
        throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                           "part " + std::to_string(duban::capi::enum_int(part)) +
                               " is not a duban_input_part_t value");
    }
  });
}

void duban_assess_input_free(duban_assess_input* input) noexcept { delete input; }

}  // extern "C"
