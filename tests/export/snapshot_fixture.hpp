// The example plan in a ledger with a few months on record, as `duban demo`
// keeps a year of it: a closure, a correction, a returned closure, an
// extension, monthly returns, a narrative that CSV must quote, and a report
// after the as-of date that no snapshot of July may show.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "duban/assess.hpp"
#include "duban/export.hpp"
#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "ledger/ledger_support.hpp"
#include "ledger/report_support.hpp"

namespace duban::export_testing {

using ledger_testing::expect_error;
using ledger_testing::read_bytes;
using ledger_testing::TempDir;
using ledger_testing::ymd;

inline constexpr const char* kOffice = "区合作交流办";
inline constexpr const char* kQuoted = "完成\"春风行动\",新增就业120人";
inline constexpr const char* kCorrection = "更正：选派教师2名（原填20名有误）";
inline constexpr const char* kReturnReason = "缺少资金拨付凭证，请补充后再报";

// Task 1 only, completion: 10 points when done by its due date.
inline constexpr const char* kMiniScheme = R"(duban_scheme = 1
[scheme]
name = "测试方案"
version = "t1"
total = 10

[[groups]]
name = "组织领导"

  [[groups.items]]
  id = "1.1"
  name = "工作机制"
  points = 10
  rule = "completion"
  select = { tasks = ["1"] }
  per_workday = 1
)";

// The example ledger (report_testing::ExampleLedger: plan 1, 区合作交流办
// coordinating) with the record above, written before each test.
class LedgerSnapshot : public report_testing::ExampleLedger {
 protected:
  void SetUp() override {
    report_testing::ExampleLedger::SetUp();
    Ledger ledger = open();
    const auto instance = [&](Date date, std::string text, std::string id) {
      Report r = report(ledger, report_testing::kMonthly, kOffice, date, 0, std::move(text));
      r.item.instance = std::move(id);
      r.status = ReportStatus::done;
      r.percent = std::nullopt;
      return r;
    };
    ledger.add_reports(std::vector<Report>{
        instance(ymd(2025, 1, 8), "1月工作进展汇总", "3@2025-01"),
        instance(ymd(2025, 2, 10), "2月工作进展汇总", "3@2025-02"),
        report(ledger, 1, kOffice, ymd(2025, 4, 25), 100, "领导小组全体会议已召开"),
        report(ledger, report_testing::kExperts, "区卫生健康委", ymd(2025, 6, 26), 40, "医生组团式帮扶"),
        report(ledger, report_testing::kFunds, "区财政局", ymd(2025, 6, 20), 100, "资金已拨付"),
        report(ledger, 13, "区人力资源和社会保障局", ymd(2025, 7, 2), 50, kQuoted),
        report(ledger, report_testing::kParks, "区商务委", ymd(2025, 8, 15), 40, "八月园区共建招商"),
    });
    Report wrong = report(ledger, report_testing::kExperts, "区教育局", ymd(2025, 5, 10), 25, "教师组团式帮扶");
    wrong.indicators = {{"选派教师", 20, "名"}};
    Report fix = wrong;
    fix.supersedes = ledger.add_report(wrong);
    fix.date = ymd(2025, 5, 12);
    fix.narrative = kCorrection;
    fix.indicators = {{"选派教师", 2, "名"}};
    ledger.add_report(fix);

    const ItemRef first{plan, 1, {}};
    ledger.approve_closure(
        ledger.submit_closure(first, step(ledger, kOffice, ymd(2025, 4, 28), "", {"领导小组全体会议纪要"})),
        step(ledger, kOffice, ymd(2025, 4, 30), "同意办结"));
    const ItemRef funds{plan, report_testing::kFunds, {}};
    ledger.return_closure(
        ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 6, 25), "资金已拨付", {"临财〔2025〕8号"})),
        step(ledger, kOffice, ymd(2025, 6, 27), kReturnReason));
    const ItemRef fair{plan, 10, {}};
    ledger.approve_extension(
        ledger.request_extension(fair, ymd(2025, 10, 31),
                                 step(ledger, "区投资促进办", ymd(2025, 7, 15), "对口地区活动档期调整")),
        step(ledger, kOffice, ymd(2025, 7, 18), "同意延期至10月底"));
  }

  Snapshot snapshot(Date as_of = ymd(2025, 7, 31), const SnapshotOptions& options = {}) const {
    return take_snapshot(open(), plan, as_of, options);
  }

  static SnapshotOptions mini_scheme(bool ledger_inputs) {
    SnapshotOptions options;
    options.scheme = std::make_shared<const Scheme>(parse_scheme_toml(kMiniScheme, "mini.toml"));
    options.ledger_inputs = ledger_inputs;
    return options;
  }

  // The row of the task with this key.
  static const TaskRow& row(const Snapshot& s, const char* key) {
    return s.tasks.at(static_cast<std::size_t>(s.plan.find_task(key)));
  }
};

}  // namespace duban::export_testing
