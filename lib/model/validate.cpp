// Plan validation: every finding says what is wrong and where, so a person
// can fix the source document or file without guessing.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "duban/error.hpp"
#include "duban/plan.hpp"
#include "text/normalize.hpp"

namespace duban {
namespace {

std::string task_where(const Task& t) {
  return "task " + (t.key.empty() ? (t.number.empty() ? std::string("?") : t.number) : t.key);
}

struct Sink {
  std::vector<Diagnostic>& out;
  void error(int line, std::string where, std::string message) const {
    out.push_back({Severity::error, line, std::move(where), std::move(message)});
  }
  void warning(int line, std::string where, std::string message) const {
    out.push_back({Severity::warning, line, std::move(where), std::move(message)});
  }
};

bool blank(std::string_view s) { return text::trim(s).empty(); }

void check_structure(const Plan& plan, const Sink& sink) {
  if (blank(plan.title)) sink.error(0, "plan", "title is empty");
  if (plan.year <= 0) sink.error(0, "plan", "plan year is missing");
  for (std::size_t i = 0; i < plan.sections.size(); ++i) {
    if (blank(plan.sections[i].title)) {
      sink.error(0, "section " + plan.sections[i].number, "section title is empty");
    }
  }
  const int nsec = static_cast<int>(plan.sections.size());
  const int ncat = static_cast<int>(plan.categories.size());
  for (const Category& c : plan.categories) {
    const std::string where = "category " + c.number;
    if (blank(c.title)) sink.error(0, where, "category title is empty");
    if (c.section < -1 || c.section >= nsec) {
      sink.error(0, where, "refers to section index " + std::to_string(c.section) + ", which does not exist");
    }
  }
  for (const Task& t : plan.tasks) {
    const std::string where = task_where(t);
    if (blank(t.title)) sink.error(t.line, where, "task title is empty");
    if (t.section < -1 || t.section >= nsec) {
      sink.error(t.line, where, "refers to section index " + std::to_string(t.section) + ", which does not exist");
    }
    if (t.category < -1 || t.category >= ncat) {
      sink.error(t.line, where,
                 "refers to category index " + std::to_string(t.category) + ", which does not exist");
    } else if (t.category >= 0 && plan.categories[static_cast<std::size_t>(t.category)].section != t.section) {
      sink.error(t.line, where, "its category belongs to another section");
    }
    for (const Milestone& m : t.deadline.milestones) {
      if (!(m.weight >= 0 && m.weight <= 1)) {
        sink.error(t.line, where, "milestone " + format_date(m.date) + " has weight outside 0..1");
      }
    }
  }
}

void check_numbers_and_keys(const Plan& plan, const Sink& sink) {
  // Numbers restart per category (or per section for tasks outside one), so
  // uniqueness is per that scope and per kind.
  std::map<std::tuple<int, int, int, std::string>, const Task*> numbers;
  std::unordered_map<std::string, const Task*> keys;
  for (const Task& t : plan.tasks) {
    if (blank(t.key)) {
      sink.error(t.line, task_where(t), "task key is empty");
    } else if (const auto [it, fresh] = keys.emplace(t.key, &t); !fresh) {
      sink.error(t.line, task_where(t), "task key " + quote(t.key) + " is used twice");
    }
    if (t.number.empty()) continue;
    const auto scope = std::make_tuple(t.category, t.category >= 0 ? -1 : t.section,
                                       static_cast<int>(t.kind), t.number);
    if (const auto [it, fresh] = numbers.emplace(scope, &t); !fresh) {
      const std::string in = t.category >= 0
                                 ? "category " + plan.categories[static_cast<std::size_t>(t.category)].number
                                 : std::string("its section");
      sink.error(t.line, task_where(t),
                 "duplicate task number " + quote(t.number) + " in " + in + " (also task " + it->second->key + ")");
    }
  }
}

void check_units(const Plan& plan, const Directory& directory, const Sink& sink) {
  for (const Task& t : plan.tasks) {
    for (std::size_t i = 0; i < t.responsibilities.size(); ++i) {
      const Responsibility& r = t.responsibilities[i];
      const std::string where = task_where(t) + ", responsibilities[" + std::to_string(i) + "]";
      if (blank(r.name) && r.unit == 0) {
        sink.error(t.line, where, "unit name is empty");
      } else if (r.unit == 0) {
        sink.error(t.line, where, "unknown unit " + quote(r.name));
      } else if (directory.find(r.unit) == nullptr) {
        sink.error(t.line, where, "unit id " + std::to_string(r.unit) + " is not in the directory");
      }
      if (r.position != static_cast<int>(i) + 1) {
        sink.error(t.line, where, "position " + std::to_string(r.position) + " should be " + std::to_string(i + 1));
      }
    }
  }
}

void check_dependencies(const Plan& plan, const Sink& sink) {
  const std::size_t n = plan.tasks.size();
  std::vector<std::vector<std::size_t>> next(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Task& t = plan.tasks[i];
    for (const auto& dep : t.depends_on) {
      const int j = plan.find_task(dep);
      if (j < 0) {
        sink.error(t.line, task_where(t), "depends on task " + quote(dep) + ", which does not exist");
      } else {
        next[i].push_back(static_cast<std::size_t>(j));
      }
    }
  }
  // Iterative three-colour DFS; a grey successor closes a cycle whose
  // members are the grey path from it to here.
  enum : char { white, grey, black };
  std::vector<char> colour(n, white);
  std::vector<std::size_t> path;
  std::set<std::set<std::size_t>> reported;
  for (std::size_t root = 0; root < n; ++root) {
    if (colour[root] != white) continue;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    colour[root] = grey;
    path.push_back(root);
    while (!stack.empty()) {
      auto& [v, edge] = stack.back();
      if (edge < next[v].size()) {
        const std::size_t w = next[v][edge++];
        if (colour[w] == white) {
          colour[w] = grey;
          path.push_back(w);
          stack.emplace_back(w, 0);
        } else if (colour[w] == grey) {
          auto from = std::find(path.begin(), path.end(), w);
          std::set<std::size_t> members(from, path.end());
          if (reported.insert(members).second) {
            std::string cycle;
            for (auto it = from; it != path.end(); ++it) cycle += plan.tasks[*it].key + " → ";
            cycle += plan.tasks[w].key;
            sink.error(plan.tasks[w].line, task_where(plan.tasks[w]), "dependency cycle: " + cycle);
          }
        }
      } else {
        colour[v] = black;
        path.pop_back();
        stack.pop_back();
      }
    }
  }
}

}  // namespace

std::vector<Diagnostic> resolve_units(Plan& plan, const Directory& directory) {
  std::vector<Diagnostic> out;
  for (Task& t : plan.tasks) {
    for (std::size_t i = 0; i < t.responsibilities.size(); ++i) {
      Responsibility& r = t.responsibilities[i];
      r.position = static_cast<int>(i) + 1;
      if (blank(r.name)) {
        if (r.unit != 0 && directory.find(r.unit) != nullptr) r.name = directory.at(r.unit).name;
        continue;
      }
      if (const auto id = directory.lookup(r.name)) {
        r.unit = *id;
        if (directory.at(*id).is_group()) r.collective = true;
      } else {
        r.unit = 0;
        out.push_back({Severity::error, t.line, task_where(t) + ", responsibilities[" + std::to_string(i) + "]",
                       "unknown unit " + quote(r.name)});
      }
    }
  }
  return out;
}

std::vector<Diagnostic> validate(const Plan& plan, const Directory& directory) {
  std::vector<Diagnostic> out;
  const Sink sink{out};
  check_structure(plan, sink);
  check_numbers_and_keys(plan, sink);
  check_units(plan, directory, sink);
  check_dependencies(plan, sink);
  return out;
}

void check(const Plan& plan, const Directory& directory) {
  const auto diagnostics = validate(plan, directory);
  if (!has_errors(diagnostics)) return;
  std::string message;
  std::size_t shown = 0;
  std::size_t errors = 0;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    ++errors;
    if (shown < 5) {
      message += (shown == 0 ? "" : "; ") + d.where + ": " + d.message;
      ++shown;
    }
  }
  if (errors > shown) message += "; and " + std::to_string(errors - shown) + " more";
  throw Error(Errc::inval, ErrClass::graph, "invalid plan: " + message);
}

}  // namespace duban
