// One text for a deadline, shared by the tool's task lists and the 台账, so
// a coordinator reads the same words in both.
#include "duban/export.hpp"

namespace duban {

std::string due_summary(const Deadline& d) {
  std::string out;
  if (d.due) {
    out = format_date(*d.due);
  } else if (d.recurrence) {
    out = "every " + std::string(to_string(d.recurrence->every));
    if (d.recurrence->day != 0) out += " on day " + std::to_string(d.recurrence->day);
  } else if (d.ongoing) {
    out = "ongoing";
  }
  if (!d.text.empty()) out += out.empty() ? d.text : "（" + d.text + "）";
  return out;
}

}  // namespace duban
