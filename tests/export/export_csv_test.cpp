// tasks_csv and scores_csv: the 台账's tables for spreadsheets, byte for byte.
#include <string>

#include "export/snapshot_fixture.hpp"

namespace duban {
namespace {

using namespace export_testing;

class ExportCsv : public LedgerSnapshot {};

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::vector<std::string> lines(const std::string& csv) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (auto end = csv.find("\r\n"); end != std::string::npos; end = csv.find("\r\n", at)) {
    out.push_back(csv.substr(at, end - at));
    at = end + 2;
  }
  EXPECT_EQ(at, csv.size()) << "the last line ends with CRLF";
  return out;
}

TEST_F(ExportCsv, TasksStartWithBomAndHeader) {
  const std::string csv = tasks_csv(snapshot());
  ASSERT_TRUE(csv.starts_with(kBom));
  const auto rows = lines(csv.substr(kBom.size()));
  ASSERT_EQ(rows.size(), 19u);
  EXPECT_EQ(rows[0], "序号,编号,类别,任务,牵头单位,配合单位,完成时限,状态,灯,进度,最新进展,得分");
  EXPECT_EQ(rows[1],
            "1,1,组织领导,健全工作机制,区合作交流办,区委办、区政府办公室,2025-04-30（4月底前）,按时完成,绿灯,100,"
            "2025-04-25 领导小组全体会议已召开,");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1) << "no bare line feed";
}

TEST_F(ExportCsv, TasksQuoteCommasAndQuotes) {
  const auto rows = lines(tasks_csv(snapshot()).substr(kBom.size()));
  const std::string& r = rows.at(13);
  EXPECT_TRUE(r.starts_with("13,13,劳务协作,稳定劳务协作规模,区人力资源和社会保障局,")) << r;
  EXPECT_NE(r.find(",50,\"2025-07-02 完成\"\"春风行动\"\",新增就业120人\","), std::string::npos) << r;
}

TEST_F(ExportCsv, TasksCarryStatusLightAndScore) {
  const auto rows = lines(tasks_csv(snapshot(ymd(2025, 7, 31), mini_scheme(true))).substr(kBom.size()));
  EXPECT_TRUE(rows.at(1).ends_with(",按时完成,绿灯,100,2025-04-25 领导小组全体会议已召开,10")) << rows.at(1);
  // 开展调研互访: not due until 09-30, nothing reported, no score.
  EXPECT_EQ(rows.at(2), "2,2,组织领导,开展调研互访,区委办,区政府办公室、区合作交流办,2025-09-30（三季度末）,未到期,绿灯,,,");
}

TEST_F(ExportCsv, ScoresWithoutAssessmentIsTheHeaderAlone) {
  EXPECT_EQ(scores_csv(snapshot()), std::string(kBom) + "名次,单位,得分,基础分,加分,等次,否决\r\n");
}

TEST_F(ExportCsv, ScoresFollowTheRanking) {
  const Snapshot s = snapshot(ymd(2025, 7, 31), mini_scheme(true));
  const auto rows = lines(scores_csv(s).substr(kBom.size()));
  ASSERT_EQ(rows.size(), s.assessment->ranking.size() + 1);
  for (std::size_t i = 0; i < s.assessment->ranking.size(); ++i) {
    const UnitScore& u = s.assessment->units[s.assessment->ranking[i]];
    EXPECT_TRUE(rows[i + 1].starts_with(std::to_string(u.rank) + "," + u.name + ",")) << rows[i + 1];
  }
  // Every unit holding task 1 met its date, and the others have nothing to
  // be judged on (full points): all tie, in directory order.
  EXPECT_EQ(rows[1], "1,区委办,10,10,0,,");
}

TEST_F(ExportCsv, SameSnapshotSameBytes) {
  EXPECT_EQ(tasks_csv(snapshot()), tasks_csv(snapshot()));
}

}  // namespace
}  // namespace duban
