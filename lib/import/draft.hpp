// A plan as read, before the rules that need the whole task settle it: the
// common ground of the text and table importers. finish() applies the role
// rules of FORMATS.md §2, reads deadlines, resolves units against the
// directory (adding the unknown ones) and gives every task a unique key.
#pragma once

#include <string>
#include <vector>

#include "duban/import.hpp"
#include "import/annotation.hpp"

namespace duban::importer {

struct DraftMention {
  Mention mention;
  int line = 0;
};

struct DraftTask {
  Task task;  // all but responsibilities, deadline and key
  int number_value = 0;  // the task's number as a value (0 when none)
  int scope_value = 0;   // its category's (or section's) number as a value
  std::vector<DraftMention> mentions;
  std::vector<std::string> deadline_phrases;
  int deadline_line = 0;
  bool first_is_lead = false;
  bool responsible_is_lead = false;
};

struct Draft {
  Plan plan;  // front matter, sections, categories; tasks come from `tasks`
  std::vector<DraftTask> tasks;
  std::vector<Diagnostic> diagnostics;
};

ImportResult finish(Draft draft, const ImportOptions& options);

}  // namespace duban::importer
