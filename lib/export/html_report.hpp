// The monthly report's parts (monthly_report_html in export.hpp): one page
// object that every section appends to, and the lookups the sections share.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "duban/export.hpp"

namespace duban::render {

class MonthPage {
 public:
  // The snapshot must outlive the page. Throws Errc::range for a month
  // outside 1..12 and Errc::inval for a snapshot whose parts disagree.
  MonthPage(const Snapshot& snapshot, unsigned month);

  const Snapshot& snapshot() const noexcept { return s_; }
  int year() const noexcept { return year_; }
  unsigned month() const noexcept { return month_; }
  Date first_day() const noexcept { return first_; }
  Date last_day() const noexcept { return last_; }
  bool in_month(Date d) const noexcept { return first_ <= d && d <= last_; }

  // Escaped text, appended.
  MonthPage& text(std::string_view s);
  // Markup, appended as is.
  MonthPage& raw(std::string_view s);
  std::string take() { return std::move(html_); }

  const Task& task(TaskId id) const;
  // "7 落实财政帮扶资金", and for an instance "3 建立月度报告制度（2025-09期）".
  std::string item_title(TaskId task, std::string_view instance) const;
  // The task's lead units as written, joined with 、; else its first role's.
  std::string leads(TaskId task) const;
  bool leads_include(TaskId task, UnitId unit) const;  // among the units leads() names
  std::string unit_name(UnitId unit) const;
  // The ledger's state of the item, or null when it has no events.
  const ItemState* state(TaskId task, std::string_view instance) const;
  // The report event behind a report entry, or null.
  const Event* report(EventId id) const;
  // The latest report that counts for the subject, or null.
  const ReportEntry* latest(std::size_t item) const;

 private:
  const Snapshot& s_;
  unsigned month_;
  int year_;
  Date first_{};
  Date last_{};
  std::string html_;
  std::map<std::pair<TaskId, std::string>, const ItemState*, std::less<>> states_;
  std::map<EventId, const Event*> reports_;

  // The holders leads() names: the leads, else the first role present.
  std::vector<const Responsibility*> lead_holders(TaskId task) const;
};

// Markup shared by the sections: a light or a status as a badge.
std::string light_badge(Light light);
std::string status_badge(Status status);
// 2025-10-31, or — for none.
std::string date_cell(const std::optional<Date>& date);

// The stylesheet (inline: the page must open with no network).
std::string report_css();

// The sections, in page order. Each starts with its <h2>.
void write_summary(MonthPage& page);
void write_light_charts(MonthPage& page);
void write_overdue(MonthPage& page);
void write_returned(MonthPage& page);
void write_unit_reports(MonthPage& page);
void write_upcoming(MonthPage& page);
void write_assessment(MonthPage& page);

}  // namespace duban::render
