// Binding a scheme to a plan: the checks that need the plan (tasks,
// categories, units, metrics), the unit and task indices, and the
// responsibility table by task and by unit, laid out once for every run.
#include <algorithm>
#include <set>

#include "assess/doc.hpp"
#include "assess/engine.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using scoring::CompiledItem;
using scoring::kNone;

class Binder {
 public:
  Binder(const Scheme& scheme) : scheme_(scheme) {}

  [[noreturn]] void fail(int line, const std::string& field, const std::string& message) const {
    throw Error(Errc::inval, ErrClass::argument, scoring::located(scheme_.origin, line, field, message));
  }
  [[noreturn]] void item_fail(std::size_t g, std::size_t i, const std::string& field, const std::string& message) const {
    const Item& it = scheme_.groups[g].items[i];
    std::string path = "groups[" + std::to_string(g) + "].items[" + std::to_string(i) + "]";
    if (!field.empty()) path += "." + field;
    fail(it.line, path, message);
  }

 private:
  const Scheme& scheme_;
};

int find_category(const Plan& plan, const std::string& name) {
  for (std::size_t c = 0; c < plan.categories.size(); ++c) {
    if (plan.categories[c].title == name || plan.categories[c].number == name) return static_cast<int>(c);
  }
  return -1;
}

std::optional<Date> plan_due(const Task& task, const Plan& plan, const WorkCalendar& calendar) {
  DueContext context;
  context.assigned = plan.issued;
  context.plan_year = plan.year;
  try {
    if (auto due = resolve(task.deadline, calendar, context)) return due->effective;
  } catch (const Error& e) {
    // A due date in a year with no published calendar stays as stated:
    // on-time work is still on time, and lateness is counted when asked.
    if (e.code() != Errc::range) throw;
    if (task.deadline.due) return task.deadline.due;
  }
  return std::nullopt;
}

}  // namespace

std::uint32_t Assessor::Impl::sparse_index(UnitId id) const noexcept {
  if (auto it = index_by_sparse_id.find(id); it != index_by_sparse_id.end()) return it->second;
  return kNone;
}

std::string Assessor::Impl::task_label(std::uint32_t task) const {
  return "task " + task_key[task] + " " + task_title[task];
}

Assessor::Assessor(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                   std::shared_ptr<const WorkCalendar> calendar, Scheme scheme) {
  if (!calendar) throw Error(Errc::misuse, ErrClass::argument, "Assessor: no calendar given");
  auto impl = std::make_shared<Impl>();
  impl->scheme = std::move(scheme);
  impl->calendar = std::move(calendar);
  const Scheme& s = impl->scheme;
  const Binder bind(s);
  impl->plan_title = plan.title;
  impl->plan_doc_number = plan.doc_number;
  impl->plan_year = plan.year;
  impl->areas = s.areas;

  // Tasks.
  const std::size_t n_tasks = plan.tasks.size();
  impl->task_key.reserve(n_tasks);
  impl->task_title.reserve(n_tasks);
  impl->task_category.reserve(n_tasks);
  impl->plan_due.reserve(n_tasks);
  for (const Task& t : plan.tasks) {
    impl->task_key.push_back(t.key);
    impl->task_title.push_back(t.title);
    impl->task_category.push_back(t.category);
    impl->plan_due.push_back(plan_due(t, plan, *impl->calendar));
  }
  for (const Category& c : plan.categories) impl->category_title.push_back(c.title);

  // Who holds what, through groups: the graph's rule (strongest role wins).
  std::vector<std::vector<Assignment>> rows(n_tasks);
  std::set<UnitId> holding;
  for (std::size_t t = 0; t < n_tasks; ++t) {
    rows[t] = graph.units_of(static_cast<TaskId>(t + 1));
    std::erase_if(rows[t], [](const Assignment& a) { return a.collective; });
    for (const Assignment& a : rows[t]) holding.insert(a.unit);
  }

  // The units: every unit holding a task, and every unit the scheme lists.
  std::set<UnitId> listed;
  for (const std::string& name : s.units) {
    const auto id = directory.lookup(name);
    if (!id) bind.fail(0, "scheme.units", "unknown unit " + quote(name));
    if (directory.at(*id).is_group()) {
      bind.fail(0, "scheme.units", quote(name) + " is a group: list its member units");
    }
    listed.insert(*id);
  }
  UnitId max_id = 0;
  for (const Unit& u : directory.units()) {
    if (u.is_group() || (!holding.contains(u.id) && !listed.contains(u.id))) continue;
    scoring::UnitInfo info;
    info.id = u.id;
    info.name = u.name;
    bool assessed = true;
    if (!s.units.empty()) {
      assessed = listed.contains(u.id);
    } else if (!s.unit_kinds.empty()) {
      assessed = std::find(s.unit_kinds.begin(), s.unit_kinds.end(), u.kind) != s.unit_kinds.end();
    }
    if (assessed) {
      info.slot = static_cast<std::uint32_t>(impl->assessed.size());
      impl->assessed.push_back(static_cast<std::uint32_t>(impl->units.size()));
    }
    max_id = std::max(max_id, u.id);
    impl->units.push_back(std::move(info));
  }
  // Directory ids are small and dense; a vector turns every lookup in the
  // scoring loops into one load.
  if (max_id >= 0 && static_cast<std::size_t>(max_id) < 16 * impl->units.size() + (1u << 20)) {
    impl->index_by_id.assign(static_cast<std::size_t>(max_id) + 1, kNone);
    for (std::size_t i = 0; i < impl->units.size(); ++i) {
      impl->index_by_id[static_cast<std::size_t>(impl->units[i].id)] = static_cast<std::uint32_t>(i);
    }
  } else {
    for (std::size_t i = 0; i < impl->units.size(); ++i) {
      impl->index_by_sparse_id.emplace(impl->units[i].id, static_cast<std::uint32_t>(i));
    }
  }

  impl->unit_slot.reserve(impl->units.size());
  for (const scoring::UnitInfo& u : impl->units) impl->unit_slot.push_back(u.slot);

  // The responsibility table, by task and by unit (task order within a unit).
  impl->task_begin.assign(n_tasks + 1, 0);
  std::vector<std::uint32_t> per_unit(impl->units.size() + 1, 0);
  for (std::size_t t = 0; t < n_tasks; ++t) {
    impl->task_begin[t] = static_cast<std::uint32_t>(impl->holders.size());
    for (const Assignment& a : rows[t]) {
      const std::uint32_t u = impl->unit_index(a.unit);
      if (u == kNone) continue;
      impl->holders.push_back({u, a.role});
      ++per_unit[u + 1];
    }
  }
  impl->task_begin[n_tasks] = static_cast<std::uint32_t>(impl->holders.size());
  rows.clear();
  for (std::size_t u = 1; u < per_unit.size(); ++u) per_unit[u] += per_unit[u - 1];
  impl->unit_begin = per_unit;
  impl->held.resize(impl->holders.size());
  for (std::uint32_t t = 0; t < n_tasks; ++t) {
    for (std::uint32_t k = impl->task_begin[t]; k < impl->task_begin[t + 1]; ++k) {
      const scoring::Holder& h = impl->holders[k];
      impl->held[per_unit[h.unit]++] = {t, h.role};
    }
  }

  // Metrics: the plan's targets.
  for (std::size_t t = 0; t < n_tasks; ++t) {
    for (const Target& target : plan.tasks[t].targets) {
      if (target.metric.empty()) continue;
      scoring::MetricInfo& m = impl->metrics[target.metric];
      if (std::find(m.tasks.begin(), m.tasks.end(), t) == m.tasks.end()) m.tasks.push_back(static_cast<std::uint32_t>(t));
      if (!m.target && target.value) m.target = target.value;
      if (m.scope.empty()) m.scope = target.scope;
    }
  }

  // Items.
  std::vector<std::string> ids;
  for (std::size_t gi = 0; gi < s.groups.size(); ++gi) {
    const Group& group = s.groups[gi];
    int group_category = -1;
    if (!group.category.empty()) {
      group_category = find_category(plan, group.category);
      if (group_category < 0) {
        bind.fail(group.line, "groups[" + std::to_string(gi) + "].category",
                  "no category " + quote(group.category) + " in the plan");
      }
    }
    for (std::size_t ii = 0; ii < group.items.size(); ++ii) {
      const Item& item = group.items[ii];
      const Rule& r = item.rule;
      const Selector& sel = item.select;
      CompiledItem c;
      c.item = &item;
      c.group = gi;
      c.index = impl->items.size();
      c.weights = scoring::Weights(item.roles ? *item.roles : s.roles);

      // Tasks.
      std::vector<std::uint32_t> chosen;
      bool explicit_tasks = false;
      if (!sel.tasks.empty()) {
        explicit_tasks = true;
        for (const std::string& key : sel.tasks) {
          const int t = plan.find_task(key);
          if (t < 0) bind.item_fail(gi, ii, "select.tasks", "no task with key " + quote(key) + " in the plan");
          chosen.push_back(static_cast<std::uint32_t>(t));
        }
        if (sel.tasks.size() == 1) c.single_task = static_cast<TaskId>(chosen.front() + 1);
      } else if (!sel.category.empty()) {
        explicit_tasks = true;
        const int cat = find_category(plan, sel.category);
        if (cat < 0) bind.item_fail(gi, ii, "select.category", "no category " + quote(sel.category) + " in the plan");
        for (std::size_t t = 0; t < n_tasks; ++t) {
          if (plan.tasks[t].category == cat) chosen.push_back(static_cast<std::uint32_t>(t));
        }
      } else if (sel.all) {
        explicit_tasks = true;
        for (std::size_t t = 0; t < n_tasks; ++t) chosen.push_back(static_cast<std::uint32_t>(t));
      } else if (group_category >= 0) {
        for (std::size_t t = 0; t < n_tasks; ++t) {
          if (plan.tasks[t].category == group_category) chosen.push_back(static_cast<std::uint32_t>(t));
        }
      } else {
        for (std::size_t t = 0; t < n_tasks; ++t) chosen.push_back(static_cast<std::uint32_t>(t));
      }
      const bool task_rule = r.kind == RuleKind::completion || r.kind == RuleKind::timeliness;
      const bool event_rule =
          r.kind == RuleKind::deduction || r.kind == RuleKind::bonus || (r.kind == RuleKind::veto && !r.events.empty());
      // Events are judged by unit unless the item names tasks itself: a
      // deduction in the 组织领导 group is not only for that category's tasks.
      if (task_rule || (event_rule && explicit_tasks)) {
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        c.task_mask.assign(n_tasks, 0);
        c.task_bits.assign((n_tasks + 63) / 64, 0);
        for (std::uint32_t t : chosen) {
          c.task_mask[t] = 1;
          c.task_bits[t >> 6] |= std::uint64_t{1} << (t & 63);
        }
        c.tasks = chosen;
      }

      // Units.
      if (!sel.units.empty()) {
        c.unit_mask.assign(impl->units.size(), 0);
        for (const std::string& name : sel.units) {
          const auto id = directory.lookup(name);
          if (!id) bind.item_fail(gi, ii, "select.units", "unknown unit " + quote(name));
          for (UnitId member : directory.expand(*id)) {
            const std::uint32_t u = impl->unit_index(member);
            if (u != kNone) c.unit_mask[u] = 1;
          }
        }
      }

      // A formula, a veto predicate or bands on a source judge the units
      // holding the tasks the item names (and only those).
      const bool unit_rule = r.kind == RuleKind::formula || (r.kind == RuleKind::veto && r.events.empty()) ||
                             (r.kind == RuleKind::bands && sel.metric.empty());
      if (unit_rule && explicit_tasks) {
        std::vector<std::uint8_t> holds(impl->units.size(), 0);
        std::vector<std::int8_t> roles(impl->units.size(), -1);
        for (std::uint32_t t : chosen) {
          for (std::uint32_t k = impl->task_begin[t]; k < impl->task_begin[t + 1]; ++k) {
            const scoring::Holder& h = impl->holders[k];
            if (sel.role && h.role != *sel.role) continue;
            if (!c.unit_mask.empty() && !c.unit_mask[h.unit]) continue;
            holds[h.unit] = 1;
            const auto role = static_cast<std::int8_t>(h.role);
            if (roles[h.unit] < 0 || role < roles[h.unit]) roles[h.unit] = role;
          }
        }
        c.unit_mask = std::move(holds);
        // Bands weigh a unit's loss by its role, as the indicator rules do.
        if (r.kind == RuleKind::bands) c.metric_role = std::move(roles);
      }

      // Indicators.
      if (!sel.metric.empty()) {
        c.metric = sel.metric;
        if (auto it = impl->metrics.find(sel.metric); it != impl->metrics.end()) c.metric_info = it->second;
        if (explicit_tasks && !sel.tasks.empty()) c.metric_info.tasks = chosen;
        const std::string scope = r.scope.empty() ? c.metric_info.scope : r.scope;
        c.per_area = scope == "县均" || scope == "每县";
        c.target = r.target ? r.target : c.metric_info.target;
        if (r.kind == RuleKind::ratio && !c.target) {
          bind.item_fail(gi, ii, "select.metric",
                         "no target for metric " + quote(sel.metric) + " in the plan: give target in the item");
        }
        if (c.metric_info.tasks.empty() && c.unit_mask.empty()) {
          bind.item_fail(gi, ii, "select.metric",
                         "metric " + quote(sel.metric) + " is no task's target: name the task (select.tasks) or the "
                         "units (select.units)");
        }
        c.metric_role.assign(impl->units.size(), -1);
        if (c.metric_info.tasks.empty()) {
          for (std::size_t u = 0; u < impl->units.size(); ++u) {
            if (c.unit_mask[u]) c.metric_role[u] = 0;  // judged, with weight 1
          }
        } else {
          for (std::uint32_t t : c.metric_info.tasks) {
            for (std::uint32_t k = impl->task_begin[t]; k < impl->task_begin[t + 1]; ++k) {
              const scoring::Holder& h = impl->holders[k];
              if (sel.role && h.role != *sel.role) continue;
              if (!c.unit_mask.empty() && !c.unit_mask[h.unit]) continue;
              const auto role = static_cast<std::int8_t>(h.role);
              if (c.metric_role[h.unit] <= 0 || role < c.metric_role[h.unit]) c.metric_role[h.unit] = role;
            }
          }
        }
      }

      // Sources.
      for (const NamedSource& in : r.inputs) {
        const auto ref = scoring::parse_source(in.source);
        if ((ref->kind == scoring::SourceKind::ratio) && !(impl->metrics.contains(ref->name) &&
                                                          impl->metrics.at(ref->name).target)) {
          bind.item_fail(gi, ii, "inputs." + in.name, "metric " + quote(ref->name) + " has no target in the plan");
        }
        c.inputs.push_back(*ref);
      }
      if (r.kind == RuleKind::bands) {
        c.band_source = r.source.empty() ? scoring::SourceRef{scoring::SourceKind::indicator, sel.metric}
                                         : *scoring::parse_source(r.source);
      }
      if (r.kind == RuleKind::veto) {
        c.veto_group = gi;
        for (std::size_t g = 0; g < s.groups.size(); ++g) {
          if (!r.group.empty() && s.groups[g].name == r.group) c.veto_group = g;
        }
        for (std::size_t g = 0; g < s.grades.size(); ++g) {
          if (s.grades[g].name == r.grade) c.veto_grade = g;
        }
      }
      impl->items.push_back(std::move(c));
    }
  }
  // The items point into impl->scheme, which stays where it is from here on.
  impl_ = std::move(impl);
}

const Scheme& Assessor::scheme() const noexcept { return impl_->scheme; }

std::vector<UnitId> Assessor::units() const {
  std::vector<UnitId> out;
  for (std::uint32_t u : impl_->assessed) out.push_back(impl_->units[u].id);
  return out;
}

}  // namespace duban
