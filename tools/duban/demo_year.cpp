#include "demo_year.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

#include "duban/error.hpp"

namespace duban::tool {
namespace {

constexpr const char* kOffice = "区合作交流办";

Date day(int month, int d, int year = 2025) {
  return Date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
              std::chrono::day{static_cast<unsigned>(d)}};
}

std::string monthly(int month) {
  char id[16];
  std::snprintf(id, sizeof id, "3@2025-%02d", month);
  return id;
}

class Writer {
 public:
  Writer(Ledger& ledger, PlanId plan)
      : ledger_(ledger), plan_(plan), directory_(ledger.load_directory()), tasks_(ledger.load_plan(plan)) {}

  UnitId unit(std::string_view name) const {
    const auto id = directory_.lookup(name);
    if (!id) throw Error(Errc::notfound, ErrClass::argument, "demo: the example has no unit " + quote(name));
    return *id;
  }

  ItemRef item(std::string_view key, std::string instance = {}) const {
    const int index = tasks_.find_task(key);
    if (index < 0) throw Error(Errc::notfound, ErrClass::argument, "demo: the example has no task " + quote(key));
    return ItemRef{plan_, index + 1, std::move(instance)};
  }

  // A report at `percent` (done at 100), or with no percent at `status`.
  Report& report(std::string_view key, std::string_view unit_name, Date date, std::optional<double> percent,
                 std::string text, ReportStatus status = ReportStatus::in_progress, std::string instance = {}) {
    Report r;
    r.item = item(key, std::move(instance));
    r.actor = Actor{unit(unit_name), "填报员"};
    r.date = date;
    r.status = percent ? (*percent >= 100 ? ReportStatus::done : ReportStatus::in_progress) : status;
    r.percent = percent;
    r.narrative = std::move(text);
    reports_.push_back(std::move(r));
    return reports_.back();
  }

  // Every report so far, in one transaction.
  std::vector<EventId> flush() {
    auto ids = ledger_.add_reports(reports_);
    reports_.clear();
    return ids;
  }

  Step step(std::string_view unit_name, Date date, std::string reason = {},
            std::vector<std::string> evidence = {}) const {
    return Step{Actor{unit(unit_name), "督办员"}, date, std::move(reason), std::move(evidence)};
  }

  Ledger& ledger() { return ledger_; }

 private:
  Ledger& ledger_;
  PlanId plan_;
  Directory directory_;
  Plan tasks_;
  std::vector<Report> reports_;
};

// 建立月度报告制度 (task 3): the office compiles each month's report by the
// 10th from its members' returns. June's is late; September's never came.
void monthly_reports(Writer& w) {
  for (int m = 1; m <= 12; ++m) {
    if (m == 9) continue;
    for (const char* member : {"区教育局", "区卫生健康委", "区委组织部"}) {
      w.report("3", member, m == 6 ? day(6, 12) : day(m, 5), std::nullopt, std::to_string(m) + "月本单位工作进展",
               ReportStatus::done, monthly(m));
    }
    w.report("3", kOffice, m == 6 ? day(6, 16) : day(m, 8), std::nullopt, std::to_string(m) + "月工作进展汇总",
             ReportStatus::done, monthly(m));
  }
  // The year-end summary (加强督查考核, m2), due 2026-01-15.
  w.report("m2", kOffice, day(1, 12, 2026), std::nullopt, "2025年度东西部协作工作总结", ReportStatus::done, "m2@2025");
}

// The leads' monthly progress on their tasks, with indicator values.
void task_reports(Writer& w) {
  w.report("1", kOffice, day(4, 25), 100, "领导小组全体会议已召开");
  for (int m = 4; m <= 6; ++m) {
    w.report("4", "区委组织部", day(m, 20), (m - 3) * 40.0 - (m == 6 ? 20 : 0), "援派干部选派轮换").evidence = {
        "临组干〔2025〕" + std::to_string(m) + "号"};
  }
  w.report("4", "前方工作机构", day(5, 22), 50, "协助对接挂职岗位");  // its share, not the task's percent
  for (int m = 4; m <= 10; ++m) {
    const double percent = std::min(100.0, (m - 3) * 15.0);
    w.report("5", "区教育局", day(m, 25), percent, "教师组团式帮扶").indicators = {
        {"选派教师", m >= 5 ? 2.0 : 1.0, "名"}};
    w.report("5", "区卫生健康委", day(m, 26), percent, "医生组团式帮扶").indicators = {
        {"选派医生", m >= 6 ? 2.0 : 1.0, "名"}};
  }
  w.report("7", "区财政局", day(5, 30), 60, "资金预算已下达").indicators = {{"区级财政帮扶资金", 1800, "万元"}};
  w.report("7", "区财政局", day(6, 20), 100, "资金已拨付").indicators = {{"区级财政帮扶资金", 3000, "万元"}};
  w.report("7", "区财政局", day(7, 3), 90, "补充拨付凭证中");
  for (int m = 4; m <= 12; ++m) {
    const double percent = std::min(100.0, (m - 3) * 11.0 + (m == 12 ? 1 : 0));
    w.report("9", "区商务委", day(m, 28), percent, "园区共建招商").indicators = {
        {"引导落地企业", static_cast<double>(std::max(0, m - 6)), "家"}};
    w.report("13", "区人力资源和社会保障局", day(m, 27), percent, "劳务协作").indicators = {
        {"帮助农村劳动力就业", (m - 3) * 120.0, "人"}};
  }
  for (int m = 4; m <= 9; ++m) w.report("10", "区投资促进办", day(m, 26), (m - 3) * 14.0, "筹备招商推介");
  w.report("10", "区投资促进办", day(10, 27), 100, "招商推介会已举办");
  w.report("16", "区委宣传部", day(7, 30), 60, "青少年交流活动筹备");
  w.report("16", "区委宣传部", day(9, 9), 100, "交流活动已完成");
  for (int q = 1; q <= 4; ++q) {
    w.report("8", kOffice, day(q * 3, 25), std::nullopt, "社会帮扶资金动员").indicators = {
        {"社会帮扶资金", q * 250.0, "万元"}};
  }
}

}  // namespace

bool record_demo_year(Ledger& ledger, PlanId plan) {
  if (!ledger.states(plan, day(12, 31, 9999)).empty()) return false;
  Writer w(ledger, plan);
  if (!ledger.coordinator()) ledger.set_coordinator(w.unit(kOffice));
  monthly_reports(w);
  task_reports(w);
  w.flush();

  // A correction: 区教育局's May report said 20 teachers, not 2.
  Report wrong;
  wrong.item = w.item("5");
  wrong.actor = Actor{w.unit("区教育局"), "填报员"};
  wrong.date = day(5, 10);
  wrong.percent = 25;
  wrong.narrative = "教师组团式帮扶";
  wrong.indicators = {{"选派教师", 20, "名"}};
  Report fix = wrong;
  fix.supersedes = ledger.add_report(wrong);
  fix.date = day(5, 12);
  fix.indicators = {{"选派教师", 2, "名"}};
  fix.narrative = "更正：选派教师2名（原填20名有误）";
  ledger.add_report(fix);

  // Closures, in date order: task 1 and 4 closed; task 7 returned, then
  // closed; task 10 extended, then closed; task 16 closed late.
  ledger.approve_closure(ledger.submit_closure(w.item("1"), w.step(kOffice, day(4, 28), "", {"领导小组全体会议纪要"})),
                         w.step(kOffice, day(4, 30), "同意办结"));
  ledger.approve_closure(
      ledger.submit_closure(w.item("4"), w.step("区委组织部", day(6, 23), "援派干部已到岗", {"临组干〔2025〕6号"})),
      w.step(kOffice, day(6, 26), "同意办结"));
  const EventId funds =
      ledger.submit_closure(w.item("7"), w.step("区财政局", day(6, 25), "资金已拨付", {"临财〔2025〕8号"}));
  ledger.return_closure(funds, w.step(kOffice, day(6, 27), "缺少资金拨付凭证，请补充后再报"));
  ledger.approve_closure(ledger.submit_closure(w.item("7"), w.step("区财政局", day(7, 8), "补充拨付凭证",
                                                                   {"临财〔2025〕8号", "资金拨付凭证.pdf"})),
                         w.step(kOffice, day(7, 10), "同意办结"));
  const EventId extension =
      ledger.request_extension(w.item("10"), day(10, 31), w.step("区投资促进办", day(9, 15), "对口地区活动档期调整"));
  ledger.approve_extension(extension, w.step(kOffice, day(9, 18), "同意延期至10月底"));
  ledger.approve_closure(
      ledger.submit_closure(w.item("10"), w.step("区投资促进办", day(10, 28), "推介会已举办", {"推介会签到表.pdf"})),
      w.step(kOffice, day(10, 30), "同意办结"));
  ledger.approve_closure(
      ledger.submit_closure(w.item("16"), w.step("区委宣传部", day(9, 10), "活动已完成", {"活动总结.docx"})),
      w.step(kOffice, day(9, 12), "同意办结"));
  return true;
}

void print_demo_year(std::ostream& out, const Ledger& ledger, PlanId plan) {
  const Date year_end = day(12, 31);
  const auto states = ledger.states(plan, year_end);
  const Directory directory = ledger.load_directory();
  std::size_t reports = 0;
  std::set<UnitId> units;
  int closed = 0;
  int returned = 0;
  int extended = 0;
  std::vector<std::string> late;
  std::set<std::string> monthly_in;
  for (const ItemState& st : states) {
    reports += st.reports.size();
    for (const ReportEntry& r : st.reports) units.insert(r.unit);
    closed += st.closure == ClosureState::closed;
    returned += st.last_returned.has_value();
    for (const ExtensionEntry& x : st.extensions) extended += x.decision == ExtensionDecision::approved;
    if (st.item.instance.rfind("3@", 0) != 0 || !st.latest) continue;
    monthly_in.insert(st.item.instance);
    if (st.original_due && *st.original_due < st.reports[*st.latest].date) late.push_back(st.item.instance);
  }
  std::vector<std::string> missing;
  for (int m = 1; m <= 12; ++m) {
    if (monthly_in.count(monthly(m)) == 0) missing.push_back(monthly(m));
  }
  const auto list = [](const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& i : items) text += (text.empty() ? "" : "、") + i;
    return items.empty() ? std::string("none") : text;
  };
  const auto office = ledger.coordinator();
  out << "Coordinating office: " << (office ? directory.at(*office).name : std::string("(none)")) << "\n"
      << "As of 2025-12-31: " << reports << " reports in effect from " << units.size() << " units; " << closed
      << " tasks closed (办结), " << returned << " closure returned (退回) and resubmitted, " << extended
      << " extension approved (延期)\n"
      << "Monthly reports (3@2025-01…12): " << monthly_in.size() << " of 12 in; late: " << list(late)
      << "; missing: " << list(missing) << "\n"
      << "Audit chain: " << ledger.verify().message << "\n";
}

}  // namespace duban::tool
