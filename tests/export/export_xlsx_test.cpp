// write_xlsx: the 台账 workbook on disk, whole or not at all. Its cells are
// read back through the importer's XLSX reader here, and through openpyxl
// in tests/cli (xlsx_readback.py) for what this reader does not see.
#include <filesystem>

#include "export/snapshot_fixture.hpp"
#include "import/table.hpp"

namespace duban {
namespace {

using namespace export_testing;
namespace fs = std::filesystem;

class ExportXlsx : public LedgerSnapshot {};

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST_F(ExportXlsx, WritesAWorkbookWhoseTaskSheetReadsBack) {
  const TempDir out;
  const std::string target = out.file("台账.xlsx");
  write_xlsx(snapshot(), target);
  const std::string bytes = read_bytes(target);
  ASSERT_TRUE(bytes.starts_with("PK\x03\x04")) << "a zip container";
  EXPECT_EQ(files_in(out.path()), 1u) << "no temporary file left behind";

  const importer::Table table = importer::read_xlsx(bytes, target);
  ASSERT_EQ(table.rows.size(), 19u);
  EXPECT_EQ(table.rows[0].cells,
            (std::vector<std::string>{"序号", "编号", "类别", "任务", "牵头单位", "配合单位", "完成时限", "状态", "灯",
                                      "进度", "最新进展", "得分"}));
  const auto& first = table.rows[1].cells;
  ASSERT_GE(first.size(), 11u);
  EXPECT_EQ(first[0], "1");
  EXPECT_EQ(first[3], "健全工作机制");
  EXPECT_EQ(first[5], "区委办、区政府办公室");
  EXPECT_EQ(first[8], "绿灯");
  EXPECT_EQ(first[9], "100");
  EXPECT_EQ(first[10], "2025-04-25 领导小组全体会议已召开");
}

TEST_F(ExportXlsx, SameSnapshotSameBytes) {
  const TempDir out;
  const Snapshot s = snapshot(ymd(2025, 7, 31), mini_scheme(true));
  write_xlsx(s, out.file("a.xlsx"));
  write_xlsx(s, out.file("b.xlsx"));
  EXPECT_EQ(read_bytes(out.file("a.xlsx")), read_bytes(out.file("b.xlsx")));
}

TEST_F(ExportXlsx, ReplacesAnExistingFile) {
  const TempDir out;
  const std::string target = out.file("ledger.xlsx");
  ledger_testing::write_bytes(target, "old");
  write_xlsx(snapshot(), target);
  EXPECT_TRUE(read_bytes(target).starts_with("PK"));
  EXPECT_EQ(files_in(out.path()), 1u);
}

TEST_F(ExportXlsx, MissingFolderIsAnIoErrorNamingThePath) {
  const TempDir out;
  const std::string target = out.file("no-such-folder/台账.xlsx");
  const Error e = expect_error([&] { write_xlsx(snapshot(), target); }, Errc::io);
  EXPECT_NE(std::string(e.what()).find(target), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos) << e.what();
}

TEST_F(ExportXlsx, AFolderIsNoFileToWrite) {
  const TempDir out;
  const Error e = expect_error([&] { write_xlsx(snapshot(), out.path().string()); }, Errc::io);
  EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
}

TEST_F(ExportXlsx, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  const TempDir out;
  const std::string target = out.file("ledger.xlsx");
  ledger_testing::write_bytes(target, "old");
  Snapshot s = snapshot();
  s.tasks[1].latest = std::string(40000, 'x');  // more than an Excel cell holds
  const Error e = expect_error([&] { write_xlsx(s, target); }, Errc::range);
  EXPECT_NE(std::string(e.what()).find("sheet 任务 row 3 column 11"), std::string::npos) << e.what();
  EXPECT_EQ(read_bytes(target), "old");
  EXPECT_EQ(files_in(out.path()), 1u);
}

TEST(ExportFileWhole, WritesAndReplaces) {
  const TempDir out;
  const std::string target = out.file("x.csv");
  write_file_whole(target, "第一版");
  write_file_whole(target, "第二版");
  EXPECT_EQ(read_bytes(target), "第二版");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::others_read, fs::perms::others_read)
      << "readable as a file the user made, not private like a temporary";
  EXPECT_EQ(files_in(out.path()), 1u);
}

TEST(ExportFileWhole, MissingFolderNamesThePath) {
  const TempDir out;
  const std::string target = out.file("nowhere/x.json");
  const Error e = expect_error([&] { write_file_whole(target, "{}"); }, Errc::io);
  EXPECT_NE(std::string(e.what()).find("cannot write '" + target + "'"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace duban
