// The progress facts file (docs/progress.md): what a caller knows about
// progress before the progress ledger exists, or to try "what if". Read
// strictly, like the plan and calendar files: an unknown field, task or
// decision is an error naming the file and the field.
#include <fstream>
#include <sstream>

#include "duban/error.hpp"
#include "json/reader.hpp"
#include "progress/checks.hpp"

namespace duban {
namespace {

using json::Node;

constexpr std::string_view version_key = "duban_progress";
constexpr long long format_version = 1;

Date date_field(const Node& n) {
  try {
    return parse_date(n.string());
  } catch (const Error& e) {
    n.fail(e.what());
  }
}

ProgressPoint read_point(const Node& n) {
  n.only({"date", "percent"});
  return {date_field(n.required("date")), n.required("percent").number()};
}

Extension read_extension(const Node& n) {
  n.only({"requested", "until", "decision", "decided", "note"});
  Extension e;
  e.requested = date_field(n.required("requested"));
  e.until = date_field(n.required("until"));
  if (auto d = n.optional("decision")) {
    const std::string text = d->string();
    const auto decision = decision_from_string(text);
    if (!decision) d->fail("unknown decision " + quote(text) + " (pending, approved or refused)");
    e.decision = *decision;
  }
  if (auto d = n.optional("decided")) e.decided = date_field(*d);
  e.note = n.string_or("note", "");
  return e;
}

ItemFacts read_facts(const Node& n, std::string_view origin) {
  ItemFacts f;
  if (auto d = n.optional("done")) f.done = date_field(*d);
  if (auto p = n.optional("progress")) {
    for (std::size_t i = 0; i < p->size(); ++i) f.progress.push_back(read_point(p->at(i)));
  }
  if (auto x = n.optional("extensions")) {
    for (std::size_t i = 0; i < x->size(); ++i) f.extensions.push_back(read_extension(x->at(i)));
  }
  progress::check_facts(f, std::string(origin) + ": " + n.path());
  return f;
}

// The task a key names, or an error at `n`.
const Task& task_named(const Plan& plan, const Node& n, const std::string& key) {
  const int i = plan.find_task(key);
  if (i < 0) n.fail("no task with key " + quote(key) + " in the plan");
  return plan.tasks[static_cast<std::size_t>(i)];
}

}  // namespace

ProgressFacts parse_progress_facts(std::string_view text, const Plan& plan, std::string_view origin) {
  const json::Json doc = json::parse(text, origin);
  if (!doc.is_object()) {
    throw Error(Errc::inval, ErrClass::argument,
                std::string(origin) + ": expected a JSON object, found " + doc.type_name());
  }
  const auto version = doc.find(version_key);
  if (version == doc.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
      version->get<long long>() > format_version) {
    throw Error(Errc::inval, ErrClass::argument,
                std::string(origin) + ": not a progress facts file (expected \"" + std::string(version_key) +
                    "\": " + std::to_string(format_version) + ")");
  }
  for (const auto& item : doc.items()) {
    if (item.key() != version_key && item.key() != "items") {
      throw Error(Errc::inval, ErrClass::argument,
                  std::string(origin) + ": unknown field \"" + item.key() + "\"");
    }
  }
  ProgressFacts facts;
  const auto items_it = doc.find("items");
  if (items_it == doc.end() || items_it->is_null()) return facts;
  const Node items(*items_it, std::string(origin), "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Node n = items.at(i);
    n.only({"task", "instance", "done", "progress", "extensions"});
    const auto task = n.optional("task");
    const auto instance = n.optional("instance");
    if (task.has_value() == instance.has_value()) n.fail("give either \"task\" or \"instance\"");
    if (task) {
      const std::string key = task->string();
      const Task& t = task_named(plan, *task, key);
      const TaskId id = plan.find_task(t.key) + 1;
      if (facts.tasks.contains(id)) task->fail("task " + quote(key) + " is listed twice");
      facts.tasks.emplace(id, read_facts(n, origin));
    } else {
      const std::string id = instance->string();
      const auto at = id.rfind('@');
      if (at == std::string::npos || at == 0 || at + 1 == id.size()) {
        instance->fail(quote(id) + " is not an instance id (KEY@PERIOD, e.g. 3@2025-03)");
      }
      const Task& t = task_named(plan, *instance, id.substr(0, at));
      if (!t.deadline.recurrence) instance->fail("task " + quote(t.key) + " has no recurrence");
      if (facts.instances.contains(id)) instance->fail("instance " + quote(id) + " is listed twice");
      facts.instances.emplace(id, read_facts(n, origin));
    }
  }
  return facts;
}

ProgressFacts load_progress_facts(const std::string& path, const Plan& plan) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, ErrClass::storage, path + ": cannot open the file for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(Errc::io, ErrClass::storage, path + ": cannot read the file");
  return parse_progress_facts(text.str(), plan, path);
}

}  // namespace duban
