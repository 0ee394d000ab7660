// The monthly report's item tables: what is overdue or flagged, what the
// coordinating office returned, and what falls due next.
#include <algorithm>
#include <chrono>

#include "export/html_report.hpp"
#include "export/report_words.hpp"

namespace duban::render {
namespace {

bool is_done(Status st) { return st == Status::done_on_time || st == Status::done_late; }

std::string workdays_words(int workdays) {
  return workdays < 0 ? std::string("—") : std::to_string(workdays) + "个工作日";
}

// The latest report that counts: date, percent or status, narrative.
void latest_cell(MonthPage& page, std::size_t item) {
  const ReportEntry* r = page.latest(item);
  page.raw("<td class=\"progress\">");
  if (!r) {
    page.raw("<span class=\"muted\">暂无报送</span></td>");
    return;
  }
  page.raw("<span class=\"when\">").text(format_date(r->date)).raw("</span> ");
  if (r->percent) {
    page.raw("<span class=\"pct\">").text(short_number(*r->percent) + "%").raw("</span> ");
  } else {
    page.raw("<span class=\"pct\">").text(report_status_words(r->status)).raw("</span> ");
  }
  if (const Event* e = page.report(r->id); e && !e->text.empty()) page.raw("<br>").text(e->text);
  page.raw("</td>");
}

// The date that counts, and why it is not the plan's: an extension, or the
// plan's day falling on a rest day (遇节假日顺延).
void due_cell(MonthPage& page, std::size_t item) {
  const ItemStatus& st = page.snapshot().status.items[item];
  const auto& stated = page.snapshot().status.subjects[item].due;
  page.raw("<td class=\"date\">").text(date_cell(st.due));
  if (st.original_due && st.due && *st.original_due != *st.due) {
    page.raw("<br><span class=\"muted\">原定").text(format_date(*st.original_due)).raw("，已延期</span>");
  } else if (stated && st.due && stated->nominal != *st.due) {
    page.raw("<br><span class=\"muted\">原定").text(format_date(stated->nominal)).raw("，遇休息日顺延</span>");
  }
  page.raw("</td>");
}

void item_cells(MonthPage& page, std::size_t item) {
  const Subject& subject = page.snapshot().status.subjects[item];
  page.raw("<td class=\"item\">").text(page.item_title(subject.task, subject.instance)).raw("</td><td class=\"unit\">")
      .text(page.leads(subject.task))
      .raw("</td>");
}

std::string reasons_words(const StatusReport& report, std::size_t item) {
  std::string out;
  for (const Reason& r : report.reasons_of(item)) {
    if (r.light < Light::yellow) continue;
    out += (out.empty() ? "" : "；") + reason_words(report, r);
  }
  return out;
}

}  // namespace

void write_overdue(MonthPage& page) {
  const StatusReport& report = page.snapshot().status;
  std::vector<std::size_t> overdue;
  std::vector<std::size_t> flagged;
  for (std::size_t i = 0; i < report.items.size(); ++i) {
    if (report.items[i].status == Status::overdue) {
      overdue.push_back(i);
    } else if (report.items[i].light >= Light::yellow) {
      flagged.push_back(i);
    }
  }
  std::stable_sort(flagged.begin(), flagged.end(),
                   [&](std::size_t a, std::size_t b) { return report.items[a].light > report.items[b].light; });

  page.raw("<section id=\"overdue\">\n<h2>三、逾期及预警事项</h2>\n<h3>（一）逾期未完成事项</h3>\n");
  if (overdue.empty()) {
    page.raw("<p class=\"none\">截至").text(format_date(report.as_of)).raw("，无逾期未完成事项。</p>\n");
  } else {
    page.raw("<table class=\"grid\" id=\"overdue-items\">\n<thead><tr><th class=\"num\">序号</th><th>事项</th>"
             "<th>牵头单位</th><th>应完成日期</th><th>逾期</th><th>最新进展</th></tr></thead>\n<tbody>\n");
    for (std::size_t k = 0; k < overdue.size(); ++k) {
      const std::size_t i = overdue[k];
      page.raw("<tr class=\"row-red\"><td class=\"num\">").raw(std::to_string(k + 1)).raw("</td>");
      item_cells(page, i);
      due_cell(page, i);
      page.raw("<td class=\"late\">").text(workdays_words(report.items[i].workdays)).raw("</td>");
      latest_cell(page, i);
      page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n");
  }

  page.raw("<h3>（二）预警事项（红灯、黄灯）</h3>\n");
  if (flagged.empty()) {
    page.raw("<p class=\"none\">无其他亮红灯、黄灯的事项。</p>\n");
  } else {
    page.raw("<table class=\"grid\" id=\"flagged-items\">\n<thead><tr><th>灯</th><th>事项</th><th>牵头单位</th>"
             "<th>应完成日期</th><th>原因</th></tr></thead>\n<tbody>\n");
    for (const std::size_t i : flagged) {
      page.raw("<tr><td class=\"badge\">").raw(light_badge(report.items[i].light)).raw("</td>");
      item_cells(page, i);
      due_cell(page, i);
      page.raw("<td class=\"why\">").text(reasons_words(report, i)).raw("</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n");
  }
  page.raw("</section>\n");
}

void write_returned(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  // Returned this month, or returned earlier and not yet resubmitted.
  std::vector<const ItemState*> rows;
  for (const ItemState& st : s.states) {
    if (!st.last_returned) continue;
    if (page.in_month(*st.last_returned) || st.closure == ClosureState::returned) rows.push_back(&st);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ItemState* a, const ItemState* b) { return *a->last_returned < *b->last_returned; });

  page.raw("<section id=\"returned\">\n<h2>四、退回事项</h2>\n");
  if (rows.empty()) {
    page.raw("<p class=\"none\">本月无退回事项，亦无退回后尚未重新报送的事项。</p>\n</section>\n");
    return;
  }
  page.raw("<p class=\"hint\">本月退回的办结申请，以及此前退回、尚未重新报送的事项。</p>\n"
           "<table class=\"grid\" id=\"returned-items\">\n<thead><tr><th>事项</th><th>责任单位</th><th>退回日期</th>"
           "<th>退回原因</th><th>目前状态</th></tr></thead>\n<tbody>\n");
  for (const ItemState* st : rows) {
    // The reason of the latest return, even when a later submission was
    // approved. A submission the coordinating office made for the lead says
    // so: the office, not the lead, has the return on its desk.
    std::string units = page.leads(st->item.task);
    if (st->submitted_by != 0 && !page.leads_include(st->item.task, st->submitted_by)) {
      units += "（" + page.unit_name(st->submitted_by) + "报送）";
    }
    page.raw("<tr><td class=\"item\">")
        .text(page.item_title(st->item.task, st->item.instance))
        .raw("</td><td class=\"unit\">")
        .text(units)
        .raw("</td><td class=\"date\">")
        .text(format_date(*st->last_returned))
        .raw("</td><td class=\"why\">")
        .text(st->return_reason)
        .raw("</td><td>");
    switch (st->closure) {
      case ClosureState::closed:
        page.raw("已重新报送并办结（").text(date_cell(st->decided)).raw("）");
        break;
      case ClosureState::submitted:
        page.raw("已重新报送，待审核（").text(date_cell(st->submitted)).raw("）");
        break;
      case ClosureState::returned:
      case ClosureState::open:
        page.raw("<b class=\"alert\">待重新报送</b>");
        break;
    }
    page.raw("</td></tr>\n");
  }
  page.raw("</tbody>\n</table>\n</section>\n");
}

void write_upcoming(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  const StatusReport& report = s.status;
  // The next 30 days, stretched to the end of the month after the report's.
  using namespace std::chrono;
  const Date in_30 = Date{sys_days{s.as_of} + days{30}};
  const Date next_month_end = Date{(year_month{page.first_day().year(), page.first_day().month()} + months{1}) / last};
  const Date until = std::max(in_30, next_month_end);

  // The day the plan names: 11月底前 is upcoming in November even when
  // November 30 is a Sunday and the holiday shift moves it to December 1.
  const auto stated = [&](std::size_t i) {
    const Date due = *report.items[i].due;
    const auto& plan_due = report.subjects[i].due;
    return plan_due && plan_due->effective == due ? std::min(plan_due->nominal, due) : due;
  };
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < report.items.size(); ++i) {
    const ItemStatus& st = report.items[i];
    if (is_done(st.status) || st.status == Status::overdue || !st.due) continue;
    if (s.as_of <= *st.due && stated(i) <= until) rows.push_back(i);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return stated(a) < stated(b); });

  page.raw("<section id=\"upcoming\">\n<h2>六、近期到期事项</h2>\n<p class=\"hint\">")
      .text(format_date(s.as_of) + " 至 " + format_date(until))
      .raw("到期、尚未完成的事项。</p>\n");
  if (rows.empty()) {
    page.raw("<p class=\"none\">这一期间没有到期的事项。</p>\n</section>\n");
    return;
  }
  page.raw("<table class=\"grid\" id=\"upcoming-items\">\n<thead><tr><th>到期日</th><th>剩余</th><th>事项</th>"
           "<th>牵头单位</th><th>灯</th><th>最新进展</th></tr></thead>\n<tbody>\n");
  for (const std::size_t i : rows) {
    const ItemStatus& st = report.items[i];
    page.raw("<tr>");
    due_cell(page, i);
    page.raw("<td class=\"late\">").text(st.workdays == 0 ? std::string("今日到期") : workdays_words(st.workdays));
    page.raw("</td>");
    item_cells(page, i);
    page.raw("<td class=\"badge\">").raw(light_badge(st.light)).raw("</td>");
    latest_cell(page, i);
    page.raw("</tr>\n");
  }
  page.raw("</tbody>\n</table>\n</section>\n");
}

}  // namespace duban::render
