// The monthly report (月度报告): the page must show the facts of the snapshot
// it was made from — counts equal to the status report's, the overdue and
// returned items, what units reported that month, the upcoming deadlines and
// the assessment — escape all text, and reference nothing outside itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <regex>
#include <string>

#include "duban/assess.hpp"
#include "duban/calendar.hpp"
#include "duban/error.hpp"
#include "duban/export.hpp"
#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "export/svg_chart.hpp"
#include "ledger/ledger_support.hpp"

namespace duban {
namespace {

using ledger_testing::expect_error;
using ledger_testing::read_bytes;
using ledger_testing::TempDir;
using ledger_testing::ymd;

const std::string kPlans = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/";
constexpr const char* kOffice = "区合作交流办";
constexpr const char* kReturnReason = "缺少资金拨付凭证，请补充后再报";
constexpr const char* kOctoberNarrative = "教师组团式帮扶（十月）：已派驻县中学";
constexpr const char* kMarkupNarrative = "完成率>90%&进度<计划";

// The text between the element with id `from` and the next with id `to`.
std::string section(const std::string& html, const std::string& from, const std::string& to) {
  const auto a = html.find("id=\"" + from + "\"");
  const auto b = html.find("id=\"" + to + "\"", a == std::string::npos ? 0 : a);
  if (a == std::string::npos || b == std::string::npos) return {};
  return html.substr(a, b - a);
}

std::size_t occurrences(const std::string& html, const std::string& what) {
  std::size_t n = 0;
  for (auto at = html.find(what); at != std::string::npos; at = html.find(what, at + what.size())) ++n;
  return n;
}

// The number a summary card shows.
int card(const std::string& html, const std::string& key) {
  std::smatch m;
  const std::regex re("data-count=\"" + key + "\"><div class=\"label\">[^<]*</div><b class=\"n\">([0-9]+)</b>");
  if (!std::regex_search(html, m, re)) return -1;
  return std::stoi(m[1].str());
}

// A ledger of the example plan with part of a year on record (as `duban
// demo` does, smaller): monthly returns on task 3 with September's missing,
// task 1 closed, task 7's closure (submitted by the office for its lead)
// returned and not resubmitted, October
// progress on tasks 5 and 13; task 2 (due 09-30) has no report.
class HtmlReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    ledger_ = new Ledger(Ledger::open(dir_->file("report.db")));
    const PlanFile file = parse_plan_file(read_bytes(kPlans + "east-west-2025.json"), "east-west-2025.json");
    plan_ = ledger_->import_plan(file);
    const Directory directory = ledger_->load_directory();
    const auto unit = [&](const char* name) { return directory.lookup(name).value(); };
    const Plan plan = ledger_->load_plan(plan_);
    const auto item = [&](const char* key, std::string instance = {}) {
      return ItemRef{plan_, plan.find_task(key) + 1, std::move(instance)};
    };
    ledger_->set_coordinator(unit(kOffice));

    std::vector<Report> reports;
    const auto add = [&](const char* key, const char* who, Date date, std::optional<double> percent,
                         std::string text, std::string instance = {}) -> Report& {
      Report r;
      r.item = item(key, std::move(instance));
      r.actor = Actor{unit(who), "填报员"};
      r.date = date;
      r.status = percent ? (*percent >= 100 ? ReportStatus::done : ReportStatus::in_progress) : ReportStatus::done;
      r.percent = percent;
      r.narrative = std::move(text);
      reports.push_back(std::move(r));
      return reports.back();
    };
    for (unsigned m = 1; m <= 10; ++m) {
      if (m == 9) continue;
      const std::string id = "3@2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
      add("3", "区教育局", ymd(2025, m, 5), std::nullopt, std::to_string(m) + "月本单位工作进展", id);
      add("3", kOffice, ymd(2025, m, 8), std::nullopt, std::to_string(m) + "月工作进展汇总", id);
    }
    add("1", kOffice, ymd(2025, 4, 25), 100, "领导小组全体会议已召开");
    add("7", "区财政局", ymd(2025, 5, 30), 60, "资金预算已下达").indicators = {{"区级财政帮扶资金", 1800, "万元"}};
    add("5", "区教育局", ymd(2025, 9, 25), 80, "教师组团式帮扶（九月）");
    add("5", "区教育局", ymd(2025, 10, 25), 90, kOctoberNarrative).indicators = {{"选派教师", 2, "名"}};
    add("13", "区人力资源和社会保障局", ymd(2025, 10, 27), 60, kMarkupNarrative);
    ledger_->add_reports(reports);

    const auto step = [&](const char* who, Date date, std::string reason, std::vector<std::string> evidence = {}) {
      return Step{Actor{unit(who), "督办员"}, date, std::move(reason), std::move(evidence)};
    };
    ledger_->approve_closure(
        ledger_->submit_closure(item("1"), step(kOffice, ymd(2025, 4, 28), "", {"领导小组全体会议纪要"})),
        step(kOffice, ymd(2025, 4, 30), "同意办结"));
    const EventId funds =
        ledger_->submit_closure(item("7"), step(kOffice, ymd(2025, 6, 25), "资金已拨付", {"临财〔2025〕8号"}));
    ledger_->return_closure(funds, step(kOffice, ymd(2025, 6, 27), kReturnReason));
  }

  static void TearDownTestSuite() {
    delete ledger_;
    delete dir_;
    ledger_ = nullptr;
    dir_ = nullptr;
  }

  static Snapshot snapshot(Date as_of, const SnapshotOptions& options = {}) {
    return take_snapshot(*ledger_, plan_, as_of, options);
  }

  static SnapshotOptions with_scheme() {
    SnapshotOptions options;
    auto scheme = std::make_shared<Scheme>(load_scheme(kPlans + "east-west-2025.scheme.toml"));
    options.scheme = scheme;
    const Plan plan = ledger_->load_plan(plan_);
    options.inputs = load_assessment_input(kPlans + "east-west-2025.inputs.json", plan, ledger_->load_directory(),
                                           *WorkCalendar::builtin());
    // The example's inputs hold every fact the scheme judges (as in `duban demo`).
    options.ledger_inputs = false;
    return options;
  }

  static TempDir* dir_;
  static Ledger* ledger_;
  static PlanId plan_;
};

TempDir* HtmlReport::dir_ = nullptr;
Ledger* HtmlReport::ledger_ = nullptr;
PlanId HtmlReport::plan_ = 0;

TEST_F(HtmlReport, HeaderNamesThePlanTheMonthAndTheDate) {
  const Snapshot s = snapshot(ymd(2025, 10, 31));
  const std::string html = monthly_report_html(s, 10);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  const std::string head = html.substr(0, html.find("id=\"summary\""));
  EXPECT_NE(head.find("2025年临江区东西部协作和对口支援工作要点"), std::string::npos);
  EXPECT_NE(head.find("临江区对口支援与合作交流工作领导小组办公室"), std::string::npos);
  EXPECT_NE(head.find("临合组办〔2025〕2号"), std::string::npos);
  EXPECT_NE(head.find("<h1>2025年10月工作推进情况</h1>"), std::string::npos);
  EXPECT_NE(head.find("<dt>数据截至</dt><dd>2025-10-31</dd>"), std::string::npos);
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST_F(HtmlReport, SummaryCountsEqualTheStatusReport) {
  const Snapshot s = snapshot(ymd(2025, 10, 31));
  const std::string html = monthly_report_html(s, 10);
  int done = 0;
  int overdue = 0;
  int due_soon = 0;
  for (const ItemStatus& st : s.status.items) {
    done += st.status == Status::done_on_time || st.status == Status::done_late;
    overdue += st.status == Status::overdue;
    due_soon += st.status == Status::due_soon;
  }
  const LightCounts lights = s.status.counts();
  EXPECT_EQ(card(html, "items"), static_cast<int>(s.status.items.size()));
  EXPECT_EQ(card(html, "done"), done);
  EXPECT_EQ(card(html, "overdue"), overdue);
  EXPECT_EQ(card(html, "due_soon"), due_soon);
  EXPECT_EQ(card(html, "red"), lights.red);
  EXPECT_EQ(card(html, "yellow"), lights.yellow);
  EXPECT_EQ(card(html, "green"), lights.green);
  EXPECT_EQ(card(html, "blue"), -1) << "no blue card with three colours";
  // The ledger above: task 1 closed; task 2, task 7 and 3@2025-09 overdue.
  EXPECT_GE(done, 1);
  EXPECT_GE(overdue, 3);
  EXPECT_GE(lights.red, 3);
}

TEST_F(HtmlReport, FourColoursAddABlueCardAndLegend) {
  SnapshotOptions options;
  options.status.rules.four_colour = true;
  const Snapshot s = snapshot(ymd(2025, 11, 17), options);
  const std::string html = monthly_report_html(s, 11);
  EXPECT_EQ(card(html, "blue"), s.status.counts().blue);
  EXPECT_GE(s.status.counts().blue, 1) << "tasks 6 and 14 are due within 10 working days of 11-17";
  EXPECT_EQ(card(html, "green"), s.status.counts().green);
  EXPECT_EQ(occurrences(html, ">蓝灯</text>"), 2u);  // both legends
}

TEST_F(HtmlReport, OverdueItemsAreListedWithTheirLeads) {
  const std::string html = monthly_report_html(snapshot(ymd(2025, 10, 31)), 10);
  const std::string overdue = section(html, "overdue", "returned");
  ASSERT_FALSE(overdue.empty());
  EXPECT_NE(overdue.find("2 开展调研互访"), std::string::npos);
  EXPECT_NE(overdue.find("区委办"), std::string::npos);
  EXPECT_NE(overdue.find("7 落实财政帮扶资金"), std::string::npos);
  EXPECT_NE(overdue.find("3 建立月度报告制度（2025-09期）"), std::string::npos);
  // Closed on time, so not overdue.
  EXPECT_EQ(overdue.find("健全工作机制"), std::string::npos);
  // Task 7's latest progress is shown with it.
  EXPECT_NE(overdue.find("资金预算已下达"), std::string::npos);
}

TEST_F(HtmlReport, ReturnedItemShowsItsReasonAndUnit) {
  const std::string october = monthly_report_html(snapshot(ymd(2025, 10, 31)), 10);
  const std::string returned = section(october, "returned", "unit-reports");
  EXPECT_NE(returned.find(kReturnReason), std::string::npos);
  // The lead, and the office that submitted for it and has the return.
  EXPECT_NE(returned.find("区财政局（区合作交流办报送）"), std::string::npos);
  EXPECT_NE(returned.find("2025-06-27"), std::string::npos);
  EXPECT_NE(returned.find("待重新报送"), std::string::npos);

  // In May the closure had not been submitted yet.
  const std::string may = monthly_report_html(snapshot(ymd(2025, 5, 31)), 5);
  EXPECT_EQ(may.find(kReturnReason), std::string::npos);
  EXPECT_NE(section(may, "returned", "unit-reports").find("本月无退回事项"), std::string::npos);
}

TEST_F(HtmlReport, UnitReportsOfTheMonthOnly) {
  const std::string html = monthly_report_html(snapshot(ymd(2025, 10, 31)), 10);
  const std::string reports = section(html, "unit-reports", "upcoming");
  ASSERT_FALSE(reports.empty());
  EXPECT_NE(reports.find(kOctoberNarrative), std::string::npos);
  EXPECT_NE(reports.find("选派教师 2名"), std::string::npos);
  EXPECT_NE(reports.find("10月工作进展汇总"), std::string::npos);
  EXPECT_NE(reports.find("区教育局"), std::string::npos);
  EXPECT_NE(reports.find("90%"), std::string::npos);
  // September's report is not October's.
  EXPECT_EQ(reports.find("教师组团式帮扶（九月）"), std::string::npos);
  EXPECT_EQ(reports.find("9月工作进展汇总"), std::string::npos);
  // 区教育局, 区合作交流办 and 区人社局 reported in October.
  EXPECT_NE(reports.find("共有<b>3</b>个单位报送进展<b>4</b>条"), std::string::npos);
}

TEST_F(HtmlReport, UpcomingDeadlinesAfterTheAsOfDate) {
  const std::string html = monthly_report_html(snapshot(ymd(2025, 10, 31)), 10);
  const std::string upcoming = section(html, "upcoming", "assessment");
  EXPECT_NE(upcoming.find("2025-10-31 至 2025-11-30"), std::string::npos);
  EXPECT_NE(upcoming.find("6 开展干部人才培训"), std::string::npos);
  EXPECT_NE(upcoming.find("14 开展就业技能培训"), std::string::npos);
  // Due at the end of the year: beyond the window.
  EXPECT_EQ(upcoming.find("推进园区共建"), std::string::npos);
}

TEST_F(HtmlReport, ChartsAreInlineSvgWithLabelsAndNumbers) {
  const Snapshot s = snapshot(ymd(2025, 10, 31));
  const std::string html = monthly_report_html(s, 10);
  EXPECT_EQ(occurrences(html, "<svg "), 2u);
  const std::string categories = section(html, "lights-by-category", "lights-by-unit");
  const std::string units = section(html, "lights-by-unit", "overdue");
  EXPECT_NE(categories.find("<svg "), std::string::npos);
  EXPECT_NE(units.find("<svg "), std::string::npos);
  for (const Category& c : s.plan.categories) {
    EXPECT_NE(categories.find(">" + c.title + "</text>"), std::string::npos) << c.title;
  }
  EXPECT_NE(categories.find(">保障措施</text>"), std::string::npos);
  EXPECT_NE(units.find(">区委办</text>"), std::string::npos);
  EXPECT_NE(units.find(">红灯</text>"), std::string::npos);  // the legend
  // Each category's total, in plan order.
  const auto groups = by_category(s.status, s.plan);
  std::size_t at = 0;
  for (const CategoryStatus& c : groups) {
    at = categories.find(">" + std::to_string(c.counts.total()) + "项</text>", at);
    EXPECT_NE(at, std::string::npos) << "category " << c.category;
  }
}

TEST_F(HtmlReport, SelfContainedWithoutScriptsOrNetwork) {
  const std::string html = monthly_report_html(snapshot(ymd(2025, 10, 31), with_scheme()), 10);
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("javascript:"), std::string::npos);
  EXPECT_FALSE(std::regex_search(lower, std::regex("<[^>]*\\son[a-z]+\\s*=")));  // no event handlers
  EXPECT_EQ(lower.find("<link"), std::string::npos);
  EXPECT_EQ(lower.find("@import"), std::string::npos);
  EXPECT_EQ(lower.find("src="), std::string::npos);
  EXPECT_EQ(lower.find("https://"), std::string::npos);
  EXPECT_EQ(occurrences(lower, "http://"), occurrences(lower, "xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(std::regex_search(lower, std::regex("@page \\{\\s*size: a4;")));
  EXPECT_NE(lower.find("page-break-inside: avoid"), std::string::npos);
}

TEST_F(HtmlReport, EscapesEveryText) {
  Snapshot s = snapshot(ymd(2025, 10, 31));
  s.plan.title = "标题<&>\"测试'";
  s.plan.categories[0].title = "组织<领导>&";
  const std::string html = monthly_report_html(s, 10);
  EXPECT_EQ(html.find("标题<&>"), std::string::npos);
  EXPECT_NE(html.find("标题&lt;&amp;&gt;&quot;测试&#39;"), std::string::npos);
  EXPECT_EQ(html.find("组织<领导>"), std::string::npos);
  EXPECT_NE(html.find(">组织&lt;领导&gt;&amp;</text>"), std::string::npos);  // in the SVG
  // Text from the ledger, too.
  EXPECT_EQ(html.find(kMarkupNarrative), std::string::npos);
  EXPECT_NE(html.find("完成率&gt;90%&amp;进度&lt;计划"), std::string::npos);

  s.plan.title = "bad \xff title";
  const Error e = expect_error([&] { monthly_report_html(s, 10); }, Errc::encoding);
  EXPECT_NE(std::string(e.what()).find("monthly report"), std::string::npos) << e.what();
}

TEST_F(HtmlReport, MonthOutsideTheYearIsARangeError) {
  const Snapshot s = snapshot(ymd(2025, 10, 31));
  for (const unsigned month : {0u, 13u}) {
    const Error e = expect_error([&] { monthly_report_html(s, month); }, Errc::range);
    EXPECT_NE(std::string(e.what()).find("month " + std::to_string(month) + " is outside 1..12"), std::string::npos)
        << e.what();
  }
  EXPECT_NO_THROW(monthly_report_html(s, 1));
  EXPECT_NO_THROW(monthly_report_html(s, 12));
}

TEST_F(HtmlReport, AssessmentRankingOrANoAssessmentLine) {
  const std::string without = monthly_report_html(snapshot(ymd(2025, 10, 31)), 10);
  EXPECT_NE(without.find("id=\"no-assessment\""), std::string::npos);
  EXPECT_EQ(without.find("id=\"ranking\""), std::string::npos);

  const Snapshot s = snapshot(ymd(2025, 12, 31), with_scheme());
  ASSERT_TRUE(s.assessment.has_value());
  ASSERT_FALSE(s.assessment->ranking.empty());
  const std::string html = monthly_report_html(s, 12);
  const std::string ranking = html.substr(html.find("id=\"assessment\""));
  EXPECT_EQ(ranking.find("id=\"no-assessment\""), std::string::npos);
  EXPECT_NE(ranking.find(s.assessment->scheme_name), std::string::npos);
  // Every ranked unit in rank order, each with its grade.
  std::size_t at = 0;
  for (const std::size_t i : s.assessment->ranking) {
    const UnitScore& u = s.assessment->units[i];
    at = ranking.find("<td class=\"unit\">" + u.name + "</td>", at);
    ASSERT_NE(at, std::string::npos) << u.name;
    if (!u.grade.empty()) {
      EXPECT_NE(ranking.find(u.grade, at), std::string::npos) << u.name;
    }
  }
}

TEST_F(HtmlReport, MonthsBeforeAndAfterTheAsOfDate) {
  const Snapshot s = snapshot(ymd(2025, 10, 31));
  const std::string december = monthly_report_html(s, 12);
  EXPECT_NE(section(december, "unit-reports", "upcoming").find("尚无报送"), std::string::npos);
  const std::string april = monthly_report_html(s, 4);
  const std::string reports = section(april, "unit-reports", "upcoming");
  EXPECT_NE(reports.find("领导小组全体会议已召开"), std::string::npos);
  EXPECT_EQ(reports.find(kOctoberNarrative), std::string::npos);
}

TEST_F(HtmlReport, Deterministic) {
  const Snapshot s = snapshot(ymd(2025, 10, 31), with_scheme());
  EXPECT_EQ(monthly_report_html(s, 10), monthly_report_html(s, 10));
  EXPECT_EQ(monthly_report_html(s, 10), monthly_report_html(snapshot(ymd(2025, 10, 31), with_scheme()), 10));
}

TEST(HtmlReportSnapshot, WithoutAGraphIsAnError) {
  Snapshot s;
  s.as_of = ymd(2025, 10, 31);
  s.plan.year = 2025;
  const Error e = expect_error([&] { monthly_report_html(s, 10); }, Errc::inval);
  EXPECT_NE(std::string(e.what()).find("no responsibility graph"), std::string::npos) << e.what();
}

TEST(HtmlReportChart, StackedBarsWorstFirstWithNumbers) {
  const std::vector<render::LightBar> rows{{"甲<类>", {5, 0, 2, 1}}, {"乙", {0, 0, 0, 0}}};
  const std::string svg = render::light_bar_chart(rows, {"c1", "测试图", false});
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_NE(svg.find("<title id=\"c1-title\">测试图</title>"), std::string::npos);
  EXPECT_NE(svg.find(">甲&lt;类&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>甲&lt;类&gt;：红灯1项，黄灯2项，绿灯5项</title>"), std::string::npos);
  // Red (hatched) before yellow before green, each with its number.
  const auto red = svg.find("url(#c1-hatch)", svg.find("class=\"row\""));
  const auto yellow = svg.find(std::string(render::light_fill(Light::yellow)), red);
  const auto green = svg.find(std::string(render::light_fill(Light::green)), yellow);
  EXPECT_LT(red, yellow);
  EXPECT_LT(yellow, green);
  EXPECT_NE(svg.find(">8项</text>"), std::string::npos);
  EXPECT_NE(svg.find(">0项</text>"), std::string::npos);
  EXPECT_EQ(svg.find("蓝灯"), std::string::npos);
  // Blue appears when a row has blue items, even without four colours asked for.
  const std::vector<render::LightBar> blue{{"丙", {1, 1, 0, 0}}};
  EXPECT_NE(render::light_bar_chart(blue, {"c2", "t", false}).find("蓝灯"), std::string::npos);
}

}  // namespace
}  // namespace duban
