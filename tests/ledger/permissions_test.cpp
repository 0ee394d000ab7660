// Who may do what: a refusal names the actor, the action and the rule, and
// leaves the ledger exactly as it was (same events, same chain head).
#include <gtest/gtest.h>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kCadres;
using report_testing::kExperts;
using report_testing::kFunds;
using report_testing::kMonthly;
using report_testing::kParks;
using report_testing::kSocial;
using report_testing::ymd;

class LedgerPermissions : public ExampleLedger {
 protected:
  // Runs `f`, which must be refused with `message`, and checks that nothing
  // was written.
  void refused(Ledger& ledger, const std::function<void()>& f, const std::string& message,
               Errc code = Errc::perm) {
    const ChainCheck before = ledger.verify();
    const std::int64_t events = ledger.event_count();
    const Error e = expect_error(f, code);
    EXPECT_EQ(e.klass(), ErrClass::argument);
    EXPECT_EQ(std::string(e.what()), message);
    EXPECT_EQ(ledger.event_count(), events);
    EXPECT_EQ(ledger.verify().head, before.head);
  }
};

TEST_F(LedgerPermissions, AUnitReportsOnlyWhereItHoldsARole) {
  auto ledger = open();
  refused(
      ledger, [&] { ledger.add_report(report(ledger, kParks, "区财政局", ymd(2025, 5, 1), 10)); },
      "report: refused: 区财政局 (user '测试员') may not report on task '9' (推进园区共建): a unit may report only on "
      "tasks where it holds a role, directly or through its groups");
  // Through its groups: 北站街道 is one of 各街镇 (a member kind), 区教育局 one
  // of 领导小组成员单位 (a named member), 临江城投集团 one of 区属国有企业.
  EXPECT_NO_THROW(ledger.add_report(report(ledger, kSocial, "北站街道", ymd(2025, 5, 1), 10)));
  Report monthly = report(ledger, kMonthly, "区教育局", ymd(2025, 5, 9), 100);
  monthly.item.instance = "3@2025-04";
  EXPECT_NO_THROW(ledger.add_report(monthly));
  EXPECT_NO_THROW(ledger.add_report(report(ledger, kParks, "临江城投集团", ymd(2025, 5, 1), 10)));
  // A support role is a role.
  EXPECT_NO_THROW(ledger.add_report(report(ledger, kCadres, "前方工作机构", ymd(2025, 5, 1), 10)));
  // A group does not act.
  refused(
      ledger, [&] { ledger.add_report(report(ledger, kSocial, "各街镇", ymd(2025, 5, 1), 10)); },
      "report: refused: 各街镇 (user '测试员') may not report on task '8' (动员社会帮扶资金): a group cannot act; one "
      "of its units must");
  // In a batch, the refusal names the report; the good ones before it are
  // not written either.
  std::vector<Report> batch{report(ledger, kParks, "区商务委", ymd(2025, 5, 1), 10),
                            report(ledger, kParks, "区妇联", ymd(2025, 5, 1), 10)};
  refused(
      ledger, [&] { ledger.add_reports(batch); },
      "reports[1]: refused: 区妇联 (user '测试员') may not report on task '9' (推进园区共建): a unit may report only "
      "on tasks where it holds a role, directly or through its groups");
}

TEST_F(LedgerPermissions, OnlyTheLeadOrTheOfficeSubmitsCompletion) {
  auto ledger = open();
  const ItemRef experts{plan, kExperts, ""};
  refused(
      ledger, [&] { ledger.submit_closure(experts, step(ledger, "前方工作机构", ymd(2025, 10, 1), "", {"名单.pdf"})); },
      "refused: 前方工作机构 may not submit task '5' (选派专业技术人才) for closure: only the task's lead unit or the "
      "coordinating office may submit completion");
  // Task 5 has two leads; either may submit.
  EXPECT_NO_THROW(ledger.submit_closure(experts, step(ledger, "区卫生健康委", ymd(2025, 10, 1), "", {"名单.pdf"})));
  // The office may ask for any item; another unit that does not lead may not.
  EXPECT_NO_THROW(ledger.request_extension(ItemRef{plan, kFunds, ""}, ymd(2025, 9, 30),
                                           step(ledger, "区合作交流办", ymd(2025, 6, 1), "x")));
  refused(
      ledger,
      [&] {
        ledger.request_extension(ItemRef{plan, kCadres, ""}, ymd(2025, 9, 30),
                                 step(ledger, "前方工作机构", ymd(2025, 6, 1), "x"));
      },
      "refused: 前方工作机构 may not request an extension of task '4' (选派挂职干部): only the task's lead unit or "
      "the coordinating office may request an extension");
}

TEST_F(LedgerPermissions, OnlyTheOfficeDecides) {
  auto ledger = open();
  const EventId s =
      ledger.submit_closure(ItemRef{plan, kCadres, ""}, step(ledger, "区委组织部", ymd(2025, 6, 28), "", {"a"}));
  refused(
      ledger, [&] { ledger.approve_closure(s, step(ledger, "区委组织部", ymd(2025, 6, 29))); },
      "refused: 区委组织部 may not approve the closure of task '4' (选派挂职干部): only the coordinating office "
      "(区合作交流办) may approve closures");
  refused(
      ledger, [&] { ledger.return_closure(s, step(ledger, "区教育局", ymd(2025, 6, 29), "不行")); },
      "refused: 区教育局 may not return the closure of task '4' (选派挂职干部): only the coordinating office "
      "(区合作交流办) may return closures");
  const EventId x = ledger.request_extension(ItemRef{plan, kCadres, ""}, ymd(2025, 7, 31),
                                             step(ledger, "区委组织部", ymd(2025, 6, 20), "人选未定"));
  refused(
      ledger, [&] { ledger.approve_extension(x, step(ledger, "区委组织部", ymd(2025, 6, 21))); },
      "refused: 区委组织部 may not approve an extension of task '4' (选派挂职干部): only the coordinating office "
      "(区合作交流办) may decide extensions");
  // The host application is not a unit: it decides nothing.
  refused(
      ledger,
      [&] {
        ledger.approve_extension(x, Step{Actor{}, ymd(2025, 6, 21), {}, {}});
      },
      "no unit is given to approve an extension of task '4' (选派挂职干部) (the acting unit is required)",
      Errc::inval);  // a missing argument, not a rule refusing someone
}

TEST_F(LedgerPermissions, OnlyTheOfficeChangesThePlanAndTheDirectory) {
  auto ledger = open();
  const Actor education{unit(ledger, "区教育局"), "李四"};
  const Actor office{unit(ledger, "区合作交流办"), "王五"};
  refused(
      ledger, [&] { ledger.save_plan(ledger.load_plan(plan), education, IfExists::replace); },
      "refused: 区教育局 (user '李四') may not save a plan: only the coordinating office (区合作交流办) may change "
      "the plan");
  refused(
      ledger, [&] { ledger.import_plan(report_testing::example_file(), education, IfExists::replace); },
      "refused: 区教育局 (user '李四') may not import a plan: only the coordinating office (区合作交流办) may change "
      "the plan");
  refused(
      ledger, [&] { ledger.save_directory(ledger.load_directory(), education); },
      "refused: 区教育局 (user '李四') may not save the directory: only the coordinating office (区合作交流办) may "
      "change the directory");
  refused(
      ledger, [&] { ledger.set_coordinator(education.unit, education); },
      "refused: 区教育局 (user '李四') may not set the coordinating office: only the coordinating office "
      "(区合作交流办) "
      "may hand the role on");
  EXPECT_NO_THROW(ledger.save_plan(ledger.load_plan(plan), office, IfExists::replace));
  const EventId handed = ledger.set_coordinator(education.unit, office);
  const Event e = ledger.event(handed);
  EXPECT_EQ(e.kind, EventKind::coordinator_set);
  EXPECT_EQ(e.target, education.unit);
  EXPECT_EQ(e.actor, office);
  EXPECT_EQ(ledger.coordinator(), education.unit);
  refused(
      ledger, [&] { ledger.save_directory(ledger.load_directory(), office); },
      "refused: 区合作交流办 (user '王五') may not save the directory: only the coordinating office (区教育局) may "
      "change the directory");
  // Other layers ask the same rule for their own data.
  EXPECT_NO_THROW(ledger.require_office(education, "save a scheme", "the assessment schemes"));
  EXPECT_NO_THROW(ledger.require_office(Actor{}, "save a scheme", "the assessment schemes"));
  const Error scheme =
      expect_error([&] { ledger.require_office(office, "save a scheme", "the assessment schemes"); }, Errc::perm);
  EXPECT_EQ(std::string(scheme.what()),
            "refused: 区合作交流办 (user '王五') may not save a scheme: only the coordinating office (区教育局) may "
            "change the assessment schemes");
  const Error group = expect_error([&] { ledger.set_coordinator(unit(ledger, "各街镇")); }, Errc::inval);
  EXPECT_EQ(std::string(group.what()), "the coordinating office must be a unit, not the group '各街镇'");
}

TEST(LedgerPermissionsNoOffice, DecisionsNeedAnOffice) {
  report_testing::TempDir tmp;
  auto ledger = Ledger::open(tmp.file("l.duban"));
  const PlanId plan = ledger.import_plan(report_testing::example_file());
  EXPECT_EQ(ledger.coordinator(), std::nullopt);
  const UnitId org = *ledger.load_directory().lookup("区委组织部");
  const EventId s =
      ledger.submit_closure(ItemRef{plan, kCadres, ""}, Step{Actor{org, {}}, ymd(2025, 6, 28), {}, {"名单.pdf"}});
  const Error e = expect_error(
      [&] {
        ledger.approve_closure(s, Step{Actor{org, {}}, ymd(2025, 6, 29), {}, {}});
      },
      Errc::perm);
  EXPECT_EQ(std::string(e.what()),
            "refused: 区委组织部 may not approve the closure of task '4' (选派挂职干部): only the coordinating office "
            "may approve closures, and the ledger has none set");
  // With no office yet, anyone may name one.
  ledger.set_coordinator(*ledger.load_directory().lookup("区合作交流办"), Actor{org, {}});
  EXPECT_EQ(ledger.coordinator(), ledger.load_directory().lookup("区合作交流办"));
}

}  // namespace
}  // namespace duban
