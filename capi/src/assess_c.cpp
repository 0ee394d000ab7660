// duban/assess.h, assessors and results: duban::Assessor and the
// duban::Assessment it returns.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "assess_handles.hpp"
#include "calendar_handle.hpp"
#include "duban/graph.hpp"
#include "guard.hpp"
#include "plan_handle.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

const duban_assessment& result_of(const duban_assessment* result) { return require(result, "result"); }

// A unit's scores; unit 0 is the plan. Errc::notfound for a unit that was
// not assessed.
const duban::UnitScore& unit_of(const duban_assessment& r, std::int64_t unit) {
  if (unit == 0) return r.result.plan;
  const auto it = r.index.find(unit);
  if (it == r.index.end()) {
    throw duban::Error(duban::Errc::notfound, duban::ErrClass::argument,
                       "unit " + std::to_string(unit) +
                           " was not assessed (it holds no task, or the scheme's units leave it out)");
  }
  return r.result.units[it->second];
}

template <typename T>
std::size_t index_in(const std::vector<T>& rows, std::size_t index, const char* what) {
  if (index >= rows.size()) {
    throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                       std::string(what) + " " + std::to_string(index) + " is not below the count, " +
                           std::to_string(rows.size()));
  }
  return index;
}

duban::AssessOptions assess_options(const duban_assess_options* opts) {
  duban::AssessOptions options;
  if (opts == nullptr) return options;
  duban::capi::check_version(opts->version, DUBAN_ASSESS_OPTIONS_VERSION, "duban_assess_options");
  options.digest = opts->digest != 0;
  return options;
}

duban::ResultJsonOptions json_options(const duban_result_json_options* opts) {
  duban::ResultJsonOptions options;
  if (opts == nullptr) return options;
  duban::capi::check_version(opts->version, DUBAN_RESULT_JSON_OPTIONS_VERSION, "duban_result_json_options");
  if (opts->indent < -1 || opts->indent > 16) {
    throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                       "duban_result_json_options.indent " + std::to_string(opts->indent) +
                           " is not -1 (one line) or 0..16");
  }
  options.indent = opts->indent;
  options.explanations = opts->explanations != 0;
  return options;
}

enum class TreeAs { json, text };

// A unit's explanation tree into `out`. The unit is looked up first so a
// unit not assessed gets the C API's message, whichever form is asked for.
void fill_tree(duban_buf* out, const duban_assessment* result, std::int64_t unit, TreeAs as) {
  auto& target = require(out, "out");
  const duban_assessment& r = result_of(result);
  (void)unit_of(r, unit);
  duban::capi::fill(target, as == TreeAs::json ? duban::to_json(duban::explanation(r.result, unit))
                                               : duban::explain(r.result, unit));
}

std::unique_ptr<duban_assessment> make_result(const duban_assessor& a, duban::Assessment result) {
  auto handle = std::make_unique<duban_assessment>();
  handle->result = std::move(result);
  handle->plan = a.plan;
  handle->total = a.assessor->scheme().total;
  handle->bonus_cap = a.assessor->scheme().bonus_cap;
  handle->index.reserve(handle->result.units.size());
  for (std::size_t i = 0; i < handle->result.units.size(); ++i) handle->index.emplace(handle->result.units[i].unit, i);
  return handle;
}

}  // namespace

extern "C" {

int duban_assess_options_init(duban_assess_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_ASSESS_OPTIONS_VERSION, "duban_assess_options", duban_assess_options DUBAN_ASSESS_OPTIONS_INIT);
  });
}

int duban_result_json_options_init(duban_result_json_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_RESULT_JSON_OPTIONS_VERSION, "duban_result_json_options", duban_result_json_options DUBAN_RESULT_JSON_OPTIONS_INIT);
  });
}

int duban_assessor_new(duban_assessor** out, const duban_plan* plan, const duban_directory* dir,
                       const duban_calendar* cal, const duban_scheme* scheme) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_plan& p = require(plan, "plan");
    const duban::Scheme& s = *require(scheme, "scheme").scheme;
    // With `dir`, the plan's names resolved against it instead, as
    // duban_graph_new does.
    std::unique_ptr<duban_plan> rebound;
    if (dir != nullptr) rebound = duban::capi::make_plan(p.source, dir->dir, p.id, p.source_name);
    const duban_plan& basis = rebound ? *rebound : p;
    auto handle = std::make_unique<duban_assessor>();
    handle->plan = basis.plan;
    handle->directory = basis.directory;
    const duban::ResponsibilityGraph graph(*handle->plan, *handle->directory);
    handle->assessor = std::make_shared<const duban::Assessor>(*handle->plan, *handle->directory, graph,
                                                               duban::capi::calendar_or_builtin(cal), s);
    return handle;
  });
}

void duban_assessor_free(duban_assessor* assessor) noexcept { delete assessor; }

int duban_assessor_units(duban_idarray* out, const duban_assessor* assessor) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const std::vector<duban::UnitId> units = require(assessor, "assessor").assessor->units();
    duban::capi::fill(target, std::vector<std::int64_t>(units.begin(), units.end()));
  });
}

int duban_assessor_run(duban_assessment** out, const duban_assessor* assessor, const duban_assess_input* input,
                       duban_date as_of, const duban_assess_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_assessor& a = require(assessor, "assessor");
    const duban::AssessOptions options = assess_options(opts);
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    std::shared_ptr<const duban::AssessmentInput> facts;
    if (input == nullptr) {
      facts = std::make_shared<const duban::AssessmentInput>();
    } else {
      if (!duban::capi::same_basis(input->plan, input->directory, a.plan, a.directory)) {
        throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                           "the input was read against another plan or directory than the assessor's: its task "
                           "and unit ids would name other tasks and units");
      }
      facts = input->input;
    }
    return make_result(a, a.assessor->run(facts, day, options));
  });
}

void duban_assessment_free(duban_assessment* result) noexcept { delete result; }

int duban_assessment_as_of(duban_date* out, const duban_assessment* result) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    target = duban::capi::date_out(result_of(result).result.as_of);
  });
}

const char* duban_assessment_scheme_name(const duban_assessment* result, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(result_of(result).result.scheme_name, len_out); });
}

const char* duban_assessment_scheme_version(const duban_assessment* result, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(result_of(result).result.scheme_version, len_out); });
}

const char* duban_assessment_digest(const duban_assessment* result, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(result_of(result).result.digest, len_out); });
}

int duban_assessment_points(double* total_out, double* bonus_cap_out, const duban_assessment* result) noexcept {
  if (total_out != nullptr) *total_out = 0;
  if (bonus_cap_out != nullptr) *bonus_cap_out = 0;
  return guard(__func__, [&] {
    const duban_assessment& r = result_of(result);
    if (total_out != nullptr) *total_out = r.total;
    if (bonus_cap_out != nullptr) *bonus_cap_out = r.bonus_cap;
  });
}

size_t duban_assessment_unit_count(const duban_assessment* result) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return result_of(result).result.units.size(); });
}

int duban_assessment_units(duban_idarray* out, const duban_assessment* result) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::Assessment& r = result_of(result).result;
    std::vector<std::int64_t> ids;
    ids.reserve(r.units.size());
    for (const duban::UnitScore& u : r.units) ids.push_back(u.unit);
    duban::capi::fill(target, ids);
  });
}

int duban_assessment_ranking(duban_idarray* out, const duban_assessment* result) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::Assessment& r = result_of(result).result;
    std::vector<std::int64_t> ids;
    ids.reserve(r.ranking.size());
    for (std::size_t i : r.ranking) ids.push_back(r.units.at(i).unit);
    duban::capi::fill(target, ids);
  });
}

const char* duban_assessment_unit_name(const duban_assessment* result, int64_t unit, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(unit_of(result_of(result), unit).name, len_out); });
}

int duban_assessment_unit_scores(double* total_out, double* base_out, double* bonus_out, double* deductions_out,
                                 const duban_assessment* result, int64_t unit) noexcept {
  for (double* p : {total_out, base_out, bonus_out, deductions_out}) {
    if (p != nullptr) *p = 0;
  }
  return guard(__func__, [&] {
    const duban::UnitScore& u = unit_of(result_of(result), unit);
    if (total_out != nullptr) *total_out = u.total;
    if (base_out != nullptr) *base_out = u.base;
    if (bonus_out != nullptr) *bonus_out = u.bonus;
    if (deductions_out != nullptr) *deductions_out = u.deductions;
  });
}

const char* duban_assessment_unit_grade(const duban_assessment* result, int64_t unit, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(unit_of(result_of(result), unit).grade, len_out); });
}

int duban_assessment_unit_rank(const duban_assessment* result, int64_t unit) noexcept {
  return guard(__func__, [&] { return unit_of(result_of(result), unit).rank; });
}

int duban_assessment_unit_vetoes(duban_buf* out, size_t* count_out, const duban_assessment* result,
                                 int64_t unit) noexcept {
  if (count_out != nullptr) *count_out = 0;
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::UnitScore& u = unit_of(result_of(result), unit);
    auto vetoes = nlohmann::ordered_json::array();
    for (const duban::VetoHit& v : u.vetoes) {
      vetoes.push_back({{"item", v.item}, {"effect", std::string(duban::to_string(v.effect))}, {"target", v.target}});
    }
    duban::capi::fill(target, vetoes.dump());
    if (count_out != nullptr) *count_out = u.vetoes.size();
  });
}

size_t duban_assessment_task_count(const duban_assessment* result) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return result_of(result).result.tasks.size(); });
}

int duban_assessment_task_score(int64_t* task_out, double* earned_out, double* possible_out,
                                const duban_assessment* result, size_t index) noexcept {
  if (task_out != nullptr) *task_out = 0;
  if (earned_out != nullptr) *earned_out = 0;
  if (possible_out != nullptr) *possible_out = 0;
  return guard(__func__, [&] {
    const auto& tasks = result_of(result).result.tasks;
    const duban::TaskScore& t = tasks[index_in(tasks, index, "task index")];
    if (task_out != nullptr) *task_out = t.task;
    if (earned_out != nullptr) *earned_out = t.earned;
    if (possible_out != nullptr) *possible_out = t.possible;
  });
}

size_t duban_assessment_category_count(const duban_assessment* result) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return result_of(result).result.categories.size(); });
}

int duban_assessment_category_score(double* earned_out, double* possible_out, const duban_assessment* result,
                                    size_t index) noexcept {
  if (earned_out != nullptr) *earned_out = 0;
  if (possible_out != nullptr) *possible_out = 0;
  return guard(__func__, [&] {
    const auto& categories = result_of(result).result.categories;
    const duban::CategoryScore& c = categories[index_in(categories, index, "category index")];
    if (earned_out != nullptr) *earned_out = c.earned;
    if (possible_out != nullptr) *possible_out = c.possible;
  });
}

const char* duban_assessment_category_title(const duban_assessment* result, size_t index, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const duban_assessment& r = result_of(result);
    const auto& categories = r.result.categories;
    const int category = categories[index_in(categories, index, "category index")].category;
    static const std::string none;
    if (category < 0) return duban::capi::text_out(none, len_out);
    return duban::capi::text_out(r.plan->categories.at(static_cast<std::size_t>(category)).title, len_out);
  });
}

int duban_assessment_to_json(duban_buf* out, const duban_assessment* result,
                             const duban_result_json_options* opts) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban_assessment& r = result_of(result);
    duban::capi::fill(target, duban::to_json(r.result, json_options(opts)));
  });
}

int duban_assessment_explanation(duban_buf* out, const duban_assessment* result, int64_t unit) noexcept {
  return guard(__func__, [&] { fill_tree(out, result, unit, TreeAs::json); });
}

int duban_assessment_explain(duban_buf* out, const duban_assessment* result, int64_t unit) noexcept {
  return guard(__func__, [&] { fill_tree(out, result, unit, TreeAs::text); });
}

}  // extern "C"
