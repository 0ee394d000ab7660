// The monthly report (月度报告): one self-contained HTML page. The page is
// built from the snapshot alone, so the 台账 and the report of one moment
// show the same facts; the sections live in html_report_*.cpp.
#include "export/html_report.hpp"

#include <algorithm>
#include <chrono>

#include "duban/error.hpp"
#include "export/common.hpp"
#include "export/html_escape.hpp"
#include "export/report_words.hpp"
#include "export/svg_chart.hpp"

namespace duban {
namespace render {

MonthPage::MonthPage(const Snapshot& snapshot, unsigned month) : s_(snapshot), month_(month) {
  if (month < 1 || month > 12) {
    throw Error(Errc::range, ErrClass::argument,
                "monthly report: month " + std::to_string(month) + " is outside 1..12");
  }
  if (!s_.graph) {
    throw Error(Errc::inval, ErrClass::argument, "monthly report: the snapshot has no responsibility graph");
  }
  require_same_plan(s_.plan, *s_.graph, "monthly report");
  if (s_.status.items.size() != s_.status.subjects.size()) {
    throw Error(Errc::inval, ErrClass::argument,
                "monthly report: the status report has " + std::to_string(s_.status.items.size()) +
                    " items for " + std::to_string(s_.status.subjects.size()) + " subjects");
  }
  for (const Subject& subject : s_.status.subjects) {
    if (subject.task < 1 || static_cast<std::size_t>(subject.task) > s_.plan.tasks.size()) {
      throw Error(Errc::inval, ErrClass::argument,
                  "monthly report: the status report names task " + std::to_string(subject.task) +
                      ", which the plan does not have");
    }
  }
  year_ = s_.plan.year != 0 ? s_.plan.year : static_cast<int>(s_.as_of.year());
  const std::chrono::year_month ym{std::chrono::year{year_}, std::chrono::month{month}};
  first_ = Date{ym / std::chrono::day{1}};
  last_ = Date{ym / std::chrono::last};
  for (const ItemState& st : s_.states) states_.emplace(std::make_pair(st.item.task, st.item.instance), &st);
  for (const Event& e : s_.reports) reports_.emplace(e.id, &e);
}

MonthPage& MonthPage::text(std::string_view s) {
  html_ += html_escape(s, "monthly report text");
  return *this;
}

MonthPage& MonthPage::raw(std::string_view s) {
  html_ += s;
  return *this;
}

const Task& MonthPage::task(TaskId id) const {
  if (id < 1 || static_cast<std::size_t>(id) > s_.plan.tasks.size()) {
    throw Error(Errc::inval, ErrClass::argument,
                "monthly report: task " + std::to_string(id) + " is not in the plan");
  }
  return s_.plan.tasks[static_cast<std::size_t>(id - 1)];
}

std::string MonthPage::item_title(TaskId id, std::string_view instance) const {
  const Task& t = task(id);
  std::string out = t.number.empty() ? t.title : t.number + " " + t.title;
  if (!instance.empty()) {
    const std::size_t at = instance.find('@');
    out += "（" + std::string(at == std::string_view::npos ? instance : instance.substr(at + 1)) + "期）";
  }
  return out;
}

std::vector<const Responsibility*> MonthPage::lead_holders(TaskId id) const {
  const Task& t = task(id);
  std::vector<const Responsibility*> out;
  for (const Role role : {Role::lead, Role::responsible, Role::support}) {
    for (const Responsibility& r : t.responsibilities) {
      if (r.role == role) out.push_back(&r);
    }
    if (!out.empty()) break;
  }
  return out;
}

std::string MonthPage::leads(TaskId id) const {
  std::string out;
  for (const Responsibility* r : lead_holders(id)) out += (out.empty() ? "" : "、") + r->name;
  return out;
}

bool MonthPage::leads_include(TaskId id, UnitId unit) const {
  const auto holders = lead_holders(id);
  return std::any_of(holders.begin(), holders.end(), [&](const Responsibility* r) { return r->unit == unit; });
}

std::string MonthPage::unit_name(UnitId unit) const {
  if (const Unit* u = s_.directory.find(unit)) return u->name;
  return "单位" + std::to_string(unit);
}

const ItemState* MonthPage::state(TaskId task, std::string_view instance) const {
  const auto it = states_.find(std::make_pair(task, std::string(instance)));
  return it == states_.end() ? nullptr : it->second;
}

const Event* MonthPage::report(EventId id) const {
  const auto it = reports_.find(id);
  return it == reports_.end() ? nullptr : it->second;
}

const ReportEntry* MonthPage::latest(std::size_t item) const {
  const Subject& subject = s_.status.subjects.at(item);
  const ItemState* st = state(subject.task, subject.instance);
  return st && st->latest && *st->latest < st->reports.size() ? &st->reports[*st->latest] : nullptr;
}

std::string light_badge(Light light) {
  return "<span class=\"light light-" + std::string(to_string(light)) + "\">" + std::string(light_words(light)) +
         "</span>";
}

std::string status_badge(Status status) {
  return "<span class=\"status status-" + std::string(to_string(status)) + "\">" +
         std::string(status_words(status)) + "</span>";
}

std::string date_cell(const std::optional<Date>& date) { return date ? format_date(*date) : "—"; }

namespace {

void write_head(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  const std::string month = month_words(page.year(), page.month());
  page.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
      .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
      .raw("<meta name=\"generator\" content=\"duban\">\n<title>")
      .text(month + "督办月度报告")
      .raw(s.plan.title.empty() ? "" : " · ")
      .text(s.plan.title)
      .raw("</title>\n<style>\n")
      .raw(report_css())
      .raw("</style>\n</head>\n<body>\n<main class=\"page\">\n");

  page.raw("<header class=\"masthead\">\n<div class=\"mast-main\">\n<div class=\"kicker\">督办工作月度报告</div>\n<h1>")
      .text(month)
      .raw("工作推进情况</h1>\n");
  if (!s.plan.title.empty()) page.raw("<p class=\"plan-title\">").text(s.plan.title).raw("</p>\n");
  page.raw("</div>\n");
  const auto meta = [&page](std::string_view term, const std::string& value, std::string_view key) {
    if (value.empty()) return;
    page.raw("<div data-meta=\"").raw(key).raw("\"><dt>").text(term).raw("</dt><dd>").text(value).raw("</dd></div>\n");
  };
  page.raw("<dl class=\"stamp\">\n");
  meta("报告月份", month, "month");
  meta("数据截至", format_date(s.as_of), "as_of");
  page.raw("</dl>\n</header>\n<dl class=\"meta\">\n");
  meta("印发单位", s.plan.issuer, "issuer");
  meta("文号", s.plan.doc_number, "doc_number");
  meta("印发日期", s.plan.issued ? format_date(*s.plan.issued) : std::string(), "issued");
  page.raw("</dl>\n");
  if (s.as_of < page.first_day()) {
    page.raw("<p class=\"note\">数据截至日早于本月，本月尚无报送；以下为截至")
        .text(format_date(s.as_of))
        .raw("的状态。</p>\n");
  } else if (s.as_of < page.last_day()) {
    page.raw("<p class=\"note\">本月尚未结束，报送与状态截至").text(format_date(s.as_of)).raw("。</p>\n");
  }
}

void write_foot(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  page.raw("<footer>本报告由 duban 依据督办台账生成，数据截至").text(format_date(s.as_of));
  if (!s.plan.issuer.empty()) page.raw("；").text(s.plan.issuer);
  page.raw("。</footer>\n</main>\n</body>\n</html>\n");
}

}  // namespace

void write_summary(MonthPage& page) {
  const StatusReport& report = page.snapshot().status;
  std::size_t tasks = 0;
  std::size_t done = 0;
  std::size_t done_late = 0;
  std::size_t overdue = 0;
  std::size_t due_soon = 0;
  std::size_t ongoing = 0;
  for (std::size_t i = 0; i < report.items.size(); ++i) {
    tasks += !report.subjects[i].is_instance();
    const Status st = report.items[i].status;
    done += st == Status::done_on_time || st == Status::done_late;
    done_late += st == Status::done_late;
    overdue += st == Status::overdue;
    due_soon += st == Status::due_soon;
    ongoing += st == Status::ongoing;
  }
  const LightCounts lights = report.counts();
  const bool blue = report.options.rules.four_colour || lights.blue > 0;
  const std::size_t items = report.items.size();

  page.raw("<section id=\"summary\">\n<h2>一、总体情况</h2>\n<p class=\"lead\">截至")
      .text(format_date(report.as_of))
      .raw("，督办事项共<b>")
      .raw(std::to_string(items))
      .raw("</b>项（任务")
      .raw(std::to_string(tasks))
      .raw("项，周期性报送")
      .raw(std::to_string(items - tasks))
      .raw("期），已完成<b>")
      .raw(std::to_string(done))
      .raw("</b>项，逾期未完成<b>")
      .raw(std::to_string(overdue))
      .raw("</b>项，临期<b>")
      .raw(std::to_string(due_soon))
      .raw("</b>项；亮红灯")
      .raw(std::to_string(lights.red))
      .raw("项、黄灯")
      .raw(std::to_string(lights.yellow))
      .raw("项、绿灯")
      .raw(std::to_string(lights.green))
      .raw("项")
      .raw(blue ? "、蓝灯" + std::to_string(lights.blue) + "项" : std::string())
      .raw("。</p>\n<div class=\"cards cards-4\">\n");

  const auto card = [&page](std::string_view key, std::string_view label, std::size_t n, const std::string& note,
                            std::string_view tone) {
    page.raw("<div class=\"card ")
        .raw(tone)
        .raw("\" data-count=\"")
        .raw(key)
        .raw("\"><div class=\"label\">")
        .raw(label)
        .raw("</div><b class=\"n\">")
        .raw(std::to_string(n))
        .raw("</b><div class=\"sub\">")
        .text(note)
        .raw("</div></div>\n");
  };
  card("items", "督办事项", items, "任务" + std::to_string(tasks) + "项，周期报送" + std::to_string(items - tasks) + "期",
       "tone-plain");
  const double rate = items ? 100.0 * static_cast<double>(done) / static_cast<double>(items) : 0.0;
  card("done", "已完成", done,
       "完成率" + short_number(rate) + "%" +
           (done_late ? "，含逾期完成" + std::to_string(done_late) + "项" : std::string("，均按时完成")),
       "tone-plain");
  card("overdue", "逾期未完成", overdue, overdue ? "需督促办结" : "无逾期", overdue ? "tone-alert" : "tone-plain");
  card("due_soon", "临期", due_soon,
       std::to_string(report.options.rules.due_soon_workdays) + "个工作日内到期",
       due_soon ? "tone-warn" : "tone-plain");
  page.raw("</div>\n<div class=\"cards ").raw(blue ? "cards-4" : "cards-3").raw("\">\n");
  card("red", "红灯", static_cast<std::size_t>(lights.red), "逾期或严重滞后", "tone-red");
  card("yellow", "黄灯", static_cast<std::size_t>(lights.yellow), "临期或进度滞后", "tone-yellow");
  if (blue) card("blue", "蓝灯", static_cast<std::size_t>(lights.blue), "临近到期", "tone-blue");
  card("green", "绿灯", static_cast<std::size_t>(lights.green),
       ongoing ? "正常推进（含持续推进" + std::to_string(ongoing) + "项）" : "正常推进", "tone-green");
  page.raw("</div>\n</section>\n");
}

void write_light_charts(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  const bool blue = s.status.options.rules.four_colour;

  std::vector<LightBar> categories;
  for (const CategoryStatus& c : by_category(s.status, s.plan)) {
    LightBar bar;
    if (c.category >= 0 && static_cast<std::size_t>(c.category) < s.plan.categories.size()) {
      bar.label = s.plan.categories[static_cast<std::size_t>(c.category)].title;
    } else {
      const bool measures = std::all_of(c.items.begin(), c.items.end(), [&](std::size_t i) {
        return page.task(s.status.subjects[i].task).kind == TaskKind::measure;
      });
      bar.label = measures ? "保障措施" : "其他";
    }
    bar.counts = c.counts;
    categories.push_back(std::move(bar));
  }

  // Units worst first (most red, then most yellow), else in directory order.
  std::vector<LightBar> units;
  for (const UnitStatus& u : by_unit(s.status, *s.graph)) units.push_back({page.unit_name(u.unit), u.counts});
  std::stable_sort(units.begin(), units.end(), [](const LightBar& a, const LightBar& b) {
    if (a.counts.red != b.counts.red) return a.counts.red > b.counts.red;
    return a.counts.yellow > b.counts.yellow;
  });

  page.raw("<section id=\"lights\">\n<h2>二、亮灯情况</h2>\n");
  page.raw("<figure class=\"chart-box\" id=\"lights-by-category\">\n<figcaption>（一）按任务类别</figcaption>\n")
      .raw(light_bar_chart(categories, {"chart-category", "按任务类别统计亮灯情况", blue}))
      .raw("\n</figure>\n");
  page.raw("<figure class=\"chart-box\" id=\"lights-by-unit\">\n<figcaption>（二）按责任单位"
           "<span class=\"hint\">（含牵头、责任、配合事项；按红灯、黄灯多少排序）</span></figcaption>\n")
      .raw(light_bar_chart(units, {"chart-unit", "按责任单位统计亮灯情况", blue}))
      .raw("\n</figure>\n</section>\n");
}

}  // namespace render

std::string monthly_report_html(const Snapshot& snapshot, unsigned month) {
  render::MonthPage page(snapshot, month);
  render::write_head(page);
  render::write_summary(page);
  render::write_light_charts(page);
  render::write_overdue(page);
  render::write_returned(page);
  render::write_unit_reports(page);
  render::write_upcoming(page);
  render::write_assessment(page);
  render::write_foot(page);
  return page.take();
}

}  // namespace duban
