// A run: the input's summary (kept from an earlier run, or made now),
// every item scored for every unit and the plan, then the roll-up —
// vetoes, groups, base, bonus, total, grade — the ranking with its stated
// tie-breaks, and the plan's task and category scores.
#include <algorithm>
#include <cmath>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using namespace scoring;

UnitScore roll_up(const Assessor::Impl& impl, const Earlier& scores, std::uint32_t slot) {
  const Scheme& s = impl.scheme;
  const int p = s.precision;
  UnitScore us;
  if (slot < impl.slots()) {
    const UnitInfo& u = impl.units[impl.assessed[slot]];
    us.unit = u.id;
    us.name = u.name;
  } else {
    us.name = impl.plan_title;
  }
  us.items.reserve(impl.items.size());
  for (const CompiledItem& c : impl.items) {
    const Tally& t = scores[c.index][slot];
    us.items.push_back({t.score, t.applicable, false});
  }
  // Vetoes first: they decide what the groups hold.
  bool zero_total = false;
  std::optional<std::size_t> grade_cap;
  for (const CompiledItem& c : impl.items) {
    if (c.item->rule.kind != RuleKind::veto || !scores[c.index][slot].hit) continue;
    const Rule& r = c.item->rule;
    VetoHit hit{c.item->id, r.effect, {}};
    switch (r.effect) {
      case VetoEffect::zero_group:
        hit.target = s.groups[c.veto_group].name;
        for (const CompiledItem& other : impl.items) {
          if (other.group != c.veto_group || other.item->rule.kind == RuleKind::veto) continue;
          us.items[other.index].score = 0;
          us.items[other.index].vetoed = true;
        }
        break;
      case VetoEffect::zero_total:
        zero_total = true;
        break;
      case VetoEffect::cap_grade:
        hit.target = s.grades[c.veto_grade].name;
        grade_cap = std::max(grade_cap.value_or(0), c.veto_grade);
        break;
    }
    us.vetoes.push_back(std::move(hit));
  }
  us.groups.assign(s.groups.size(), GroupScore{});
  double applicable_points = 0;
  double applicable_score = 0;
  double base = 0;
  double bonus = 0;
  for (const CompiledItem& c : impl.items) {
    const ItemScore& is = us.items[c.index];
    GroupScore& g = us.groups[c.group];
    g.score += is.score;
    g.points += c.item->points;
    g.vetoed = g.vetoed || is.vetoed;
    if (c.item->rule.kind == RuleKind::deduction) us.deductions += scores[c.index][slot].lost;
    if (s.groups[c.group].bonus) {
      bonus += is.score;
    } else {
      base += is.score;
      if (is.applicable) {
        applicable_points += c.item->points;
        applicable_score += is.score;
      }
    }
  }
  for (GroupScore& g : us.groups) g.score = round_to(g.score, p);
  if (s.not_applicable == NotApplicable::rescale && applicable_points > 0) {
    base = applicable_score * s.total / applicable_points;
  }
  if (s.bonus_cap > 0) bonus = std::min(bonus, s.bonus_cap);
  us.base = round_to(base, p);
  us.bonus = round_to(bonus, p);
  us.deductions = round_to(us.deductions, p);
  us.total = zero_total ? 0.0 : round_to(us.base + us.bonus, p);
  std::optional<std::size_t> grade;
  for (std::size_t g = 0; g < s.grades.size(); ++g) {
    if (us.total + 1e-9 >= s.grades[g].min) {
      grade = g;
      break;
    }
  }
  if (grade_cap && (!grade || *grade < *grade_cap)) grade = grade_cap;
  if (grade) us.grade = s.grades[*grade].name;
  return us;
}

// Negative when a ranks before b on this key, positive after, 0 tied.
int compare_key(const Assessor::Impl& impl, const std::string& key, const UnitScore& a, const UnitScore& b,
                std::size_t ia, std::size_t ib) {
  const auto desc = [](double x, double y) { return x > y ? -1 : x < y ? 1 : 0; };
  if (key == "base") return desc(a.base, b.base);
  if (key == "bonus") return desc(a.bonus, b.bonus);
  if (key == "deductions") return -desc(a.deductions, b.deductions);
  if (key == "name") return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  if (key == "directory") return ia < ib ? -1 : ia > ib ? 1 : 0;
  if (key.starts_with("group:")) {
    for (std::size_t g = 0; g < impl.scheme.groups.size(); ++g) {
      if (impl.scheme.groups[g].name == key.substr(6)) return desc(a.groups[g].score, b.groups[g].score);
    }
  }
  if (key.starts_with("item:")) {
    for (const CompiledItem& c : impl.items) {
      if (c.item->id == key.substr(5)) return desc(a.items[c.index].score, b.items[c.index].score);
    }
  }
  return 0;
}

void rank(const Assessor::Impl& impl, Assessment& result) {
  const auto& units = result.units;
  // The totals side by side: sorting ten thousand units reads them often,
  // and each UnitScore is a few hundred bytes apart from the next.
  std::vector<double> totals(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) totals[i] = units[i].total;
  const auto compare = [&](std::size_t a, std::size_t b) {
    if (totals[a] != totals[b]) return totals[a] > totals[b] ? -1 : 1;
    for (const std::string& key : impl.scheme.tie_break) {
      if (const int c = compare_key(impl, key, units[a], units[b], a, b)) return c;
    }
    return 0;
  };
  result.ranking.resize(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) result.ranking[i] = i;
  std::stable_sort(result.ranking.begin(), result.ranking.end(),
                   [&](std::size_t a, std::size_t b) { return compare(a, b) < 0; });
  for (std::size_t k = 0; k < result.ranking.size(); ++k) {
    const std::size_t i = result.ranking[k];
    const bool tied = k > 0 && compare(result.ranking[k - 1], i) == 0;
    result.units[i].rank = tied ? result.units[result.ranking[k - 1]].rank : static_cast<int>(k + 1);
  }
}

// Items scored on one task alone count towards that task's score.
bool counts_for_task(const Assessor::Impl& impl, const CompiledItem& c) {
  const RuleKind k = c.item->rule.kind;
  if (!c.single_task || k == RuleKind::completion || k == RuleKind::veto) return false;
  return !impl.scheme.groups[c.group].bonus && c.item->points > 0;
}

// Each completion item's task shares and the items scored on one task
// alone become result.tasks and result.categories. One item alone gives
// its shares as they are; several are added up task by task, in scheme
// order, in a table by task laid out only then (a million tasks' table is
// 24 MB to clear), and the categories from that.
void task_rollup(const Assessor::Impl& impl, const Earlier& scores, std::vector<TaskShares> lists,
                 Assessment& result) {
  const int p = impl.scheme.precision;
  const std::uint32_t plan = impl.slots();
  const std::size_t none = impl.category_title.size();
  std::vector<const CompiledItem*> single;
  for (const CompiledItem& c : impl.items) {
    if (counts_for_task(impl, c)) single.push_back(&c);
  }
  std::erase_if(lists, [](const TaskShares& l) { return l.tasks.empty(); });
  std::vector<double> earned(none + 1, 0.0);
  std::vector<double> possible(none + 1, 0.0);
  if (lists.size() == 1 && single.empty()) {
    result.tasks = std::move(lists.front().tasks);
    earned = std::move(lists.front().earned);
    possible = std::move(lists.front().possible);
  } else if (!lists.empty() || !single.empty()) {
    std::vector<TaskScore> by_task(impl.task_key.size());
    for (const TaskShares& list : lists) {
      for (const TaskScore& ts : list.tasks) {
        TaskScore& sum = by_task[static_cast<std::size_t>(ts.task - 1)];
        sum.possible += ts.possible;
        sum.earned += ts.earned;
      }
    }
    for (const CompiledItem* c : single) {
      TaskScore& sum = by_task[static_cast<std::size_t>(c->single_task - 1)];
      sum.possible += c->item->points;
      sum.earned += scores[c->index][plan].score;
    }
    for (std::size_t t = 0; t < by_task.size(); ++t) {
      // A task's figures are shares of items' points (60 points over 3,000
      // tasks is 0.02 each): kept as computed, not rounded to the scheme's
      // precision, which would turn small shares into noise.
      if (by_task[t].possible <= 0) continue;
      by_task[t].task = static_cast<TaskId>(t + 1);
      result.tasks.push_back(by_task[t]);
      const int cat = impl.task_category[t];
      const std::size_t at = cat >= 0 ? static_cast<std::size_t>(cat) : none;
      earned[at] += by_task[t].earned;
      possible[at] += by_task[t].possible;
    }
  }
  for (std::size_t c = 0; c <= none; ++c) {
    if (possible[c] <= 0) continue;
    result.categories.push_back({c < none ? static_cast<int>(c) : -1, round_to(earned[c], p), round_to(possible[c], p)});
  }
}

}  // namespace

Assessment Assessor::run(const AssessmentInput& input, Date as_of, const AssessOptions& options) const {
  return run(std::make_shared<const AssessmentInput>(input), as_of, options);
}

Assessment Assessor::run(std::shared_ptr<const AssessmentInput> input, Date as_of,
                         const AssessOptions& options) const {
  if (!input) throw Error(Errc::misuse, ErrClass::argument, "Assessor::run: no input");
  const Impl& impl = *impl_;
  auto data = std::make_shared<RunData>();
  const auto entry = summary(*input, as_of);
  data->summary = entry->summary;
  data->areas = impl.areas.empty() ? input->areas : impl.areas;
  const Context ctx{impl, *input, as_of, *data, impl.scheme.precision};
  const std::uint32_t slots = impl.slots() + 1;
  Earlier scores(impl.items.size(), std::vector<Tally>(slots));
  std::vector<TaskShares> shares(impl.items.size());  // by completion item
  for (const CompiledItem& c : impl.items) {
    const bool judges_tasks = c.item->rule.kind == RuleKind::completion;
    const Sink sink{scores[c.index], kNone, nullptr, judges_tasks ? &shares[c.index] : nullptr};
    score_item(ctx, c, sink, scores);
  }

  Assessment result;
  result.as_of = as_of;
  result.scheme_name = impl.scheme.name;
  result.scheme_version = impl.scheme.version;
  result.units.reserve(impl.slots());
  for (std::uint32_t slot = 0; slot < impl.slots(); ++slot) result.units.push_back(roll_up(impl, scores, slot));
  result.plan = roll_up(impl, scores, impl.slots());
  rank(impl, result);
  task_rollup(impl, scores, std::move(shares), result);
  if (options.digest) result.digest = run_digest(impl, *input, as_of);

  auto state = std::make_shared<Assessment::State>();
  state->impl = impl_;
  state->input = std::move(input);
  state->data = std::move(data);
  state->as_of = as_of;
  state->scores = std::move(scores);
  result.state = std::move(state);
  return result;
}

Assessment assess(const Plan& plan, const Directory& directory, const Scheme& scheme, const AssessmentInput& input,
                  Date as_of, std::shared_ptr<const WorkCalendar> calendar) {
  const ResponsibilityGraph graph(plan, directory);
  return Assessor(plan, directory, graph, std::move(calendar), scheme).run(input, as_of);
}

}  // namespace duban
