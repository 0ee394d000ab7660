// A deadline as text: for the tool's task lists, and in Chinese for the
// 台账, whose readers are the offices.
#include "duban/export.hpp"

namespace duban {
namespace {

std::string_view every_zh(Every every) noexcept {
  switch (every) {
    case Every::week: return "每周";
    case Every::month: return "每月";
    case Every::quarter: return "每季度";
    case Every::half_year: return "每半年";
    case Every::year: return "每年";
    case Every::none: break;
  }
  return "";
}

constexpr std::string_view kWeekdays[] = {"一", "二", "三", "四", "五", "六", "日"};

std::string recurrence_zh(const Recurrence& r) {
  std::string out(every_zh(r.every));
  if (r.next_period) out += "（次期）";
  if (r.every == Every::week && r.day >= 1 && r.day <= 7) {
    out += "周" + std::string(kWeekdays[r.day - 1]) + "前";
  } else if (r.workday > 0) {
    out += "第" + std::to_string(r.workday) + "个工作日前";
  } else if (r.workday == -1) {
    out += "最后一个工作日前";
  } else if (r.workday < 0) {
    out += "倒数第" + std::to_string(-r.workday) + "个工作日前";
  } else if (r.day > 0) {
    out += std::to_string(r.day) + "日前";
  } else {
    out += "末前";
  }
  return out;
}

}  // namespace

std::string due_text(const Deadline& d) {
  if (d.due) return format_date(*d.due) + (d.text.empty() ? "" : "（" + d.text + "）");
  if (!d.text.empty()) return d.text;
  if (d.recurrence) return recurrence_zh(*d.recurrence);
  if (d.ongoing) return "持续推进";
  return "";
}

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
