// A plan's rows: the plan, its sections and categories, its tasks, and per
// task the responsibilities, targets, milestones and dependencies, each list
// keyed by its 1-based position so that loading gives back the same order.
#include "ledger/sqlite/sqlite_storage.hpp"

namespace duban::storage::sqlite {
namespace {

// Model indices count from 0 with -1 for none; stored positions count from 1
// with NULL for none, so that they can be foreign keys.
std::optional<std::int64_t> position_of(int index) {
  if (index < 0) return std::nullopt;
  return static_cast<std::int64_t>(index) + 1;
}

// The ledger stores every field of these structs. Naming the fields here
// turns a field added to the model into a build error at this spot, so the
// schema cannot silently fall behind (the round-trip test would notice only
// if its sample set the new field).
[[maybe_unused]] void every_field_is_stored(const Plan& plan, const Section& section, const Category& category,
                                            const Task& task, const Responsibility& responsibility,
                                            const Target& target, const Deadline& deadline,
                                            const Recurrence& recurrence, const Milestone& milestone) {
  { [[maybe_unused]] const auto& [a, b, c, d, e, f, g, h] = plan; }
  { [[maybe_unused]] const auto& [a, b] = section; }
  { [[maybe_unused]] const auto& [a, b, c] = category; }
  { [[maybe_unused]] const auto& [a, b, c, d, e, f, g, h, i, j, k, l, m] = task; }
  { [[maybe_unused]] const auto& [a, b, c, d, e] = responsibility; }
  { [[maybe_unused]] const auto& [a, b, c, d, e, f, g] = target; }
  { [[maybe_unused]] const auto& [a, b, c, d, e, f, g, h] = deadline; }
  { [[maybe_unused]] const auto& [a, b, c, d, e] = recurrence; }
  { [[maybe_unused]] const auto& [a, b, c] = milestone; }
}

std::string task_where(const Plan& plan, const Task& task) {
  return "plan " + quote(plan.title) + ", task " + quote(task.key);
}

}  // namespace

std::optional<PlanId> SqliteStorage::find_same_plan(const Plan& plan) {
  Operation operation(connection_, "look up plan " + quote(plan.title));
  Statement find(connection_,
                 "SELECT id FROM plans WHERE year = ?1 AND CASE WHEN ?2 <> '' THEN doc_number = ?2 "
                 "ELSE doc_number = '' AND title = ?3 AND issuer = ?4 END ORDER BY id LIMIT 1");
  find.bind_int(1, plan.year).bind_text(2, plan.doc_number).bind_text(3, plan.title).bind_text(4, plan.issuer);
  if (!find.step()) return std::nullopt;
  return find.integer(0);
}

void SqliteStorage::delete_plan(PlanId id) {
  Operation operation(connection_, "delete plan " + std::to_string(id));
  // Sections, categories, tasks and everything under them go by cascade.
  Statement drop(connection_, "DELETE FROM plans WHERE id = ?1");
  drop.bind_int(1, id);
  drop.run();
}

PlanId SqliteStorage::insert_plan(const Plan& plan, std::optional<PlanId> id) {
  Operation operation(connection_, "save plan " + quote(plan.title));
  Statement head(connection_,
                 "INSERT INTO plans (id, title, doc_number, issuer, issued, year) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  head.bind_int(1, id).bind_text(2, plan.title).bind_text(3, plan.doc_number).bind_text(4, plan.issuer);
  if (plan.issued) {
    head.bind_text(5, storable_date(*plan.issued, "plan " + quote(plan.title) + ", issue date"));
  }
  head.bind_int(6, plan.year);
  head.run();
  const PlanId plan_id = id ? *id : sqlite3_last_insert_rowid(connection_.get());

  Statement section(connection_, "INSERT INTO sections (plan_id, position, number, title) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < plan.sections.size(); ++i) {
    const Section& s = plan.sections[i];
    section.bind_int(1, plan_id)
        .bind_int(2, static_cast<std::int64_t>(i) + 1)
        .bind_text(3, s.number)
        .bind_text(4, s.title);
    section.run();
  }

  Statement category(connection_,
                     "INSERT INTO categories (plan_id, position, number, title, section) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (std::size_t i = 0; i < plan.categories.size(); ++i) {
    const Category& c = plan.categories[i];
    category.bind_int(1, plan_id)
        .bind_int(2, static_cast<std::int64_t>(i) + 1)
        .bind_text(3, c.number)
        .bind_text(4, c.title)
        .bind_int(5, position_of(c.section));
    category.run();
  }

  Statement task(connection_,
                 "INSERT INTO tasks (plan_id, position, task_key, number, title, body, kind, section, category, "
                 "open_ended, line, due, due_defaulted, ongoing, recurrence_every, recurrence_day, "
                 "recurrence_workday, recurrence_next_period, recurrence_month, within_days, within_workdays, "
                 "deadline_text) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
                 "?21, ?22)");
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& t = plan.tasks[i];
    const Deadline& d = t.deadline;
    task.bind_int(1, plan_id)
        .bind_int(2, static_cast<std::int64_t>(i) + 1)
        .bind_text(3, t.key)
        .bind_text(4, t.number)
        .bind_text(5, t.title)
        .bind_text(6, t.body)
        .bind_int(7, static_cast<int>(t.kind))
        .bind_int(8, position_of(t.section))
        .bind_int(9, position_of(t.category))
        .bind_bool(10, t.open_ended)
        .bind_int(11, t.line)
        .bind_bool(13, d.defaulted)
        .bind_bool(14, d.ongoing)
        .bind_bool(21, d.within_workdays)
        .bind_text(22, d.text);
    if (d.due) task.bind_text(12, storable_date(*d.due, task_where(plan, t) + ", due date"));
    if (const auto& r = d.recurrence) {
      task.bind_int(15, static_cast<int>(r->every))
          .bind_int(16, r->day)
          .bind_int(17, r->workday)
          .bind_bool(18, r->next_period)
          .bind_int(19, r->month);
    }
    if (d.within_days) task.bind_int(20, *d.within_days);
    task.run();
  }

  // After every task, so that a dependency may name a later task.
  Statement responsibility(connection_,
                           "INSERT INTO responsibilities (plan_id, task, position, unit_id, name, role, collective) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Statement target(connection_,
                   "INSERT INTO targets (plan_id, task, position, phrase, metric, op, value, unit, scope, baseline) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  Statement milestone(connection_,
                      "INSERT INTO milestones (plan_id, task, position, due, phrase, weight) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  Statement dependency(connection_,
                       "INSERT INTO dependencies (plan_id, task, position, depends_on) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& t = plan.tasks[i];
    const auto task_id = static_cast<std::int64_t>(i) + 1;
    for (std::size_t k = 0; k < t.responsibilities.size(); ++k) {
      const Responsibility& r = t.responsibilities[k];
      responsibility.bind_int(1, plan_id)
          .bind_int(2, task_id)
          .bind_int(3, static_cast<std::int64_t>(k) + 1)
          .bind_int(4, r.unit)
          .bind_text(5, r.name)
          .bind_int(6, static_cast<int>(r.role))
          .bind_bool(7, r.collective);
      responsibility.run();
    }
    for (std::size_t k = 0; k < t.targets.size(); ++k) {
      const Target& g = t.targets[k];
      target.bind_int(1, plan_id)
          .bind_int(2, task_id)
          .bind_int(3, static_cast<std::int64_t>(k) + 1)
          .bind_text(4, g.text)
          .bind_text(5, g.metric)
          .bind_int(6, static_cast<int>(g.op))
          .bind_real(7, g.value)
          .bind_text(8, g.unit)
          .bind_text(9, g.scope)
          .bind_text(10, g.baseline);
      target.run();
    }
    for (std::size_t k = 0; k < t.deadline.milestones.size(); ++k) {
      const Milestone& m = t.deadline.milestones[k];
      milestone.bind_int(1, plan_id)
          .bind_int(2, task_id)
          .bind_int(3, static_cast<std::int64_t>(k) + 1)
          .bind_text(4, storable_date(m.date, task_where(plan, t) + ", milestone " + std::to_string(k + 1)))
          .bind_text(5, m.text)
          .bind_real(6, m.weight);
      milestone.run();
    }
    for (std::size_t k = 0; k < t.depends_on.size(); ++k) {
      dependency.bind_int(1, plan_id)
          .bind_int(2, task_id)
          .bind_int(3, static_cast<std::int64_t>(k) + 1)
          .bind_text(4, t.depends_on[k]);
      dependency.run();
    }
  }
  return plan_id;
}

std::optional<Plan> SqliteStorage::load_plan(PlanId id) {
  Operation operation(connection_, "load plan " + std::to_string(id));
  Statement head(connection_, "SELECT title, doc_number, issuer, issued, year FROM plans WHERE id = ?1");
  head.bind_int(1, id);
  if (!head.step()) return std::nullopt;
  Plan plan;
  plan.title = head.text(0);
  plan.doc_number = head.text(1);
  plan.issuer = head.text(2);
  if (!head.is_null(3)) plan.issued = stored_date(head.text(3), "the issue date");
  plan.year = head.int32(4);

  // A stored position becomes a model index; NULL becomes -1. Positions out
  // of order or out of range mean the rows were edited outside duban.
  const auto index_of = [&](const Statement& row, int column, std::size_t count, const char* what) -> int {
    if (row.is_null(column)) return -1;
    const std::int64_t position = row.integer(column);
    if (position < 1 || static_cast<std::size_t>(position) > count) {
      corrupt(std::string(what) + " position " + std::to_string(position) + " does not exist");
    }
    return static_cast<int>(position - 1);
  };
  const auto expect_next = [&](const Statement& row, std::size_t have, const char* what) {
    if (row.integer(0) != static_cast<std::int64_t>(have) + 1) {
      corrupt(std::string(what) + " positions are not 1, 2, 3, …");
    }
  };

  Statement sections(connection_, "SELECT position, number, title FROM sections WHERE plan_id = ?1 ORDER BY position");
  sections.bind_int(1, id);
  while (sections.step()) {
    expect_next(sections, plan.sections.size(), "section");
    plan.sections.push_back({sections.text(1), sections.text(2)});
  }

  Statement categories(connection_,
                       "SELECT position, number, title, section FROM categories WHERE plan_id = ?1 ORDER BY position");
  categories.bind_int(1, id);
  while (categories.step()) {
    expect_next(categories, plan.categories.size(), "category");
    plan.categories.push_back(
        {categories.text(1), categories.text(2), index_of(categories, 3, plan.sections.size(), "section")});
  }

  Statement tasks(connection_,
                  "SELECT position, task_key, number, title, body, kind, section, category, open_ended, line, due, "
                  "due_defaulted, ongoing, recurrence_every, recurrence_day, recurrence_workday, "
                  "recurrence_next_period, recurrence_month, within_days, within_workdays, deadline_text "
                  "FROM tasks WHERE plan_id = ?1 ORDER BY position");
  tasks.bind_int(1, id);
  while (tasks.step()) {
    expect_next(tasks, plan.tasks.size(), "task");
    Task t;
    t.key = tasks.text(1);
    t.number = tasks.text(2);
    t.title = tasks.text(3);
    t.body = tasks.text(4);
    t.kind = stored_enum(tasks.integer(5), TaskKind::task, TaskKind::measure, "task kind");
    t.section = index_of(tasks, 6, plan.sections.size(), "section");
    t.category = index_of(tasks, 7, plan.categories.size(), "category");
    t.open_ended = tasks.integer(8) != 0;
    t.line = tasks.int32(9);
    Deadline& d = t.deadline;
    if (!tasks.is_null(10)) d.due = stored_date(tasks.text(10), "a due date");
    d.defaulted = tasks.integer(11) != 0;
    d.ongoing = tasks.integer(12) != 0;
    if (!tasks.is_null(13)) {
      Recurrence r;
      r.every = stored_enum(tasks.integer(13), Every::none, Every::year, "recurrence period");
      r.day = tasks.int32(14);
      r.workday = tasks.int32(15);
      r.next_period = tasks.integer(16) != 0;
      r.month = tasks.int32(17);
      d.recurrence = r;
    }
    if (!tasks.is_null(18)) d.within_days = tasks.int32(18);
    d.within_workdays = tasks.integer(19) != 0;
    d.text = tasks.text(20);
    plan.tasks.push_back(std::move(t));
  }

  const auto task_at = [&](const Statement& row) -> Task& {
    return plan.tasks[static_cast<std::size_t>(index_of(row, 0, plan.tasks.size(), "task"))];
  };

  Statement responsibilities(connection_,
                             "SELECT task, position, unit_id, name, role, collective FROM responsibilities "
                             "WHERE plan_id = ?1 ORDER BY task, position");
  responsibilities.bind_int(1, id);
  while (responsibilities.step()) {
    Responsibility r;
    r.position = responsibilities.int32(1);
    r.unit = responsibilities.integer(2);
    r.name = responsibilities.text(3);
    r.role = stored_enum(responsibilities.integer(4), Role::lead, Role::support, "role");
    r.collective = responsibilities.integer(5) != 0;
    task_at(responsibilities).responsibilities.push_back(std::move(r));
  }

  Statement targets(connection_,
                    "SELECT task, phrase, metric, op, value, unit, scope, baseline FROM targets "
                    "WHERE plan_id = ?1 ORDER BY task, position");
  targets.bind_int(1, id);
  while (targets.step()) {
    Target g;
    g.text = targets.text(1);
    g.metric = targets.text(2);
    g.op = stored_enum(targets.integer(3), TargetOp::unspecified, TargetOp::approx, "target operator");
    if (!targets.is_null(4)) g.value = targets.real(4);
    g.unit = targets.text(5);
    g.scope = targets.text(6);
    g.baseline = targets.text(7);
    task_at(targets).targets.push_back(std::move(g));
  }

  Statement milestones(connection_,
                       "SELECT task, due, phrase, weight FROM milestones WHERE plan_id = ?1 ORDER BY task, position");
  milestones.bind_int(1, id);
  while (milestones.step()) {
    Milestone m;
    m.date = stored_date(milestones.text(1), "a milestone date");
    m.text = milestones.text(2);
    m.weight = milestones.real(3);
    task_at(milestones).deadline.milestones.push_back(std::move(m));
  }

  Statement dependencies(connection_,
                         "SELECT task, depends_on FROM dependencies WHERE plan_id = ?1 ORDER BY task, position");
  dependencies.bind_int(1, id);
  while (dependencies.step()) task_at(dependencies).depends_on.push_back(dependencies.text(1));

  return plan;
}

std::vector<PlanSummary> SqliteStorage::plans() {
  Operation operation(connection_, "list its plans");
  Statement rows(connection_,
                 "SELECT p.id, p.title, p.doc_number, p.issuer, p.year, p.created, "
                 "(SELECT count(*) FROM tasks t WHERE t.plan_id = p.id) FROM plans p ORDER BY p.id");
  std::vector<PlanSummary> out;
  while (rows.step()) {
    out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3), rows.int32(4), rows.text(5),
                   rows.integer(6)});
  }
  return out;
}

std::optional<PlanId> SqliteStorage::latest_plan() {
  Operation operation(connection_, "find its latest plan");
  Statement latest(connection_, "SELECT id FROM plans ORDER BY year DESC, id DESC LIMIT 1");
  if (!latest.step()) return std::nullopt;
  return latest.integer(0);
}

}  // namespace duban::storage::sqlite
