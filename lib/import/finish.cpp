// Settling a draft into a plan: roles, deadlines, units, keys.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "duban/error.hpp"
#include "import/deadline_phrase.hpp"
#include "import/draft.hpp"
#include "import/unit_names.hpp"

namespace duban::importer {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Name → unit, through the directory, adding (and reporting) unknown names.
class Units {
 public:
  Units(Directory& directory, std::vector<Diagnostic>& diagnostics)
      : directory_(directory), diagnostics_(diagnostics) {}

  struct Resolved {
    UnitId id = 0;
    bool collective = false;
  };

  std::optional<Resolved> resolve(const std::string& name, int line, const std::string& where) {
    if (const auto it = cache_.find(name); it != cache_.end()) return it->second;
    Resolved r;
    if (const auto id = directory_.lookup(name)) {
      r.id = *id;
      r.collective = directory_.at(*id).is_group();
    } else {
      Unit u;
      u.name = name;
      u.kind = guess_kind(name);
      try {
        r.id = directory_.add(std::move(u));
      } catch (const Error& e) {
        diagnostics_.push_back({Severity::warning, line, where, "unit " + quote(name) + " left out: " + e.what()});
        return std::nullopt;
      }
      r.collective = directory_.at(r.id).is_group();
      diagnostics_.push_back(
          {Severity::info, line, where,
           "unit " + quote(name) + " is not in the directory: added as " +
               (r.collective ? std::string("a group (a collective reference)")
                             : "a unit of kind " + std::string(to_string(directory_.at(r.id).kind)))});
    }
    cache_.emplace(name, r);
    return r;
  }

 private:
  Directory& directory_;
  std::vector<Diagnostic>& diagnostics_;
  std::unordered_map<std::string, Resolved> cache_;
};

Role settle(Said said, bool has_lead) {
  switch (said) {
    case Said::lead: return Role::lead;
    case Said::support: return Role::support;
    case Said::responsible: return Role::responsible;
    case Said::responsible_label: return has_lead ? Role::support : Role::responsible;
  }
  return Role::responsible;
}

void assign_keys(std::vector<DraftTask>& tasks, std::vector<Diagnostic>& diagnostics) {
  std::unordered_set<int> values;
  values.reserve(tasks.size());
  bool continuous = true;
  for (const DraftTask& t : tasks) {
    if (t.task.kind != TaskKind::task) continue;
    if (t.number_value <= 0 || !values.insert(t.number_value).second) continuous = false;
  }
  std::unordered_set<std::string> used;
  used.reserve(tasks.size());
  std::unordered_map<std::string, int> repeats;  // next suffix per key: no re-probing
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    DraftTask& t = tasks[i];
    std::string key;
    const std::string n = t.number_value > 0 ? std::to_string(t.number_value) : std::to_string(i + 1);
    if (t.task.kind == TaskKind::measure) {
      key = "m" + n;
    } else if (continuous) {
      key = n;
    } else {
      key = (t.scope_value > 0 ? std::to_string(t.scope_value) + "." : std::string()) + n;
    }
    if (!used.insert(key).second) {
      const std::string base = key;
      int& k = repeats.try_emplace(base, 1).first->second;
      do {
        key = base + "-" + std::to_string(++k);
      } while (!used.insert(key).second);
      diagnostics.push_back({Severity::warning, t.task.line, "task " + key,
                             "number " + quote(t.task.number) + " is used twice here: keyed " + quote(key)});
    }
    t.task.key = std::move(key);
  }
}

}  // namespace

ImportResult finish(Draft draft, const ImportOptions& options) {
  ImportResult result;
  if (options.directory != nullptr) result.directory = *options.directory;
  result.plan = std::move(draft.plan);
  if (options.year > 0) result.plan.year = options.year;
  const int plan_year = result.plan.year;
  std::vector<Diagnostic>& diags = draft.diagnostics;
  if (plan_year <= 0) {
    diags.push_back({Severity::warning, 0, "plan",
                     "no plan year in the title or the issue date: give the year (--year); deadlines that need it "
                     "are left undated"});
  }
  if (result.plan.title.empty()) diags.push_back({Severity::warning, 0, "plan", "no title found"});
  if (draft.tasks.empty()) diags.push_back({Severity::warning, 0, "plan", "no tasks found"});

  assign_keys(draft.tasks, diags);
  Units units(result.directory, diags);
  result.plan.tasks.reserve(draft.tasks.size());
  struct Entry {
    Responsibility r;
    int line;
  };
  std::vector<Entry> entries_scratch;  // reused: one task's list at a time
  for (DraftTask& dt : draft.tasks) {
    Task t = std::move(dt.task);
    const std::string where = (t.kind == TaskKind::measure ? "measure " : "task ") + t.key;

    bool has_lead = false;
    for (const DraftMention& m : dt.mentions) has_lead = has_lead || m.mention.said == Said::lead;
    std::vector<Entry>& entries = entries_scratch;
    entries.clear();
    for (DraftMention& m : dt.mentions) {
      Entry e{{}, m.line};
      e.r.name = std::move(m.mention.name);
      e.r.role = settle(m.mention.said, has_lead);
      t.open_ended = t.open_ended || m.mention.open_ended;
      entries.push_back(std::move(e));
    }
    if (!has_lead && !entries.empty()) {
      if (dt.responsible_is_lead) {
        for (Entry& e : entries) {
          if (e.r.role == Role::responsible) e.r.role = Role::lead;
        }
      } else if (dt.first_is_lead || options.first_is_lead) {
        entries.front().r.role = Role::lead;
        for (std::size_t i = 1; i < entries.size(); ++i) {
          if (entries[i].r.role == Role::responsible) entries[i].r.role = Role::support;
        }
      }
    }
    // Resolve, then merge repeats (a lead listed again among 责任单位): the
    // first place and the strongest role count.
    t.responsibilities.reserve(entries.size());
    for (Entry& e : entries) {
      const auto r = units.resolve(e.r.name, e.line, where);
      if (!r) continue;
      const auto same = std::find_if(t.responsibilities.begin(), t.responsibilities.end(),
                                     [&](const Responsibility& x) { return x.unit == r->id; });
      if (same != t.responsibilities.end()) {
        same->role = static_cast<Role>(std::min(static_cast<int>(same->role), static_cast<int>(e.r.role)));
        continue;
      }
      e.r.unit = r->id;
      e.r.collective = r->collective;
      e.r.position = static_cast<int>(t.responsibilities.size()) + 1;
      t.responsibilities.push_back(std::move(e.r));
    }
    if (t.responsibilities.empty()) {
      diags.push_back({t.kind == TaskKind::measure ? Severity::info : Severity::warning, t.line, where,
                       "no responsible unit is named for " + quote(t.title, 60)});
    }

    if (!dt.deadline_phrases.empty()) {
      std::string phrase;
      for (const std::string& p : dt.deadline_phrases) {
        if (!phrase.empty()) phrase += "；";
        phrase += p;
      }
      DeadlineReading reading = read_deadline(phrase, plan_year);
      t.deadline = std::move(reading.deadline);
      if (reading.unclear) {
        diags.push_back({Severity::warning, dt.deadline_line ? dt.deadline_line : t.line, where,
                         "deadline " + quote(t.deadline.text) + " is unclear (" + reading.why +
                             "): its text is kept" + (t.deadline.due ? std::string() : ", with no date")});
      }
    } else {
      t.deadline.defaulted = true;
      if (plan_year > 0) t.deadline.due = Date{year{plan_year}, month{12}, day{31}};
    }
    result.plan.tasks.push_back(std::move(t));
  }
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  result.diagnostics = std::move(diags);
  return result;
}

}  // namespace duban::importer
