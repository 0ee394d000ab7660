// Task tables: column mapping, carried categories, repeated headers, errors.
#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/import.hpp"
#include "import/import_test_util.hpp"
#include "import/table.hpp"

namespace duban {
namespace {

std::vector<std::string> unit_names(const Task& t) {
  std::vector<std::string> out;
  for (const Responsibility& r : t.responsibilities) out.push_back(r.name + "/" + std::string(to_string(r.role)));
  return out;
}

using V = std::vector<std::string>;

TEST(ImportTable, MapsColumnsByHeaderInAnyOrder) {
  const std::string csv =
      "完成时限,配合单位,主 要 任 务,牵头部门,序号\n"
      "6月底前,区财政局,建设园区,区发展改革委,1\n"
      "\"每月10日前\",\"区教育局、区卫健委\",\"报送进展\",区合作交流办,2\n";
  ImportOptions options;
  options.year = 2024;
  const ImportResult r = import_table(csv, TableFormat::csv, options);
  ASSERT_EQ(r.plan.tasks.size(), 2u);
  EXPECT_EQ(r.plan.tasks[0].title, "建设园区");
  EXPECT_EQ(unit_names(r.plan.tasks[0]), (V{"区发展改革委/lead", "区财政局/support"}));
  EXPECT_EQ(format_date(*r.plan.tasks[0].deadline.due), "2024-06-30");
  EXPECT_EQ(r.plan.tasks[1].deadline.recurrence, (Recurrence{Every::month, 10}));
  EXPECT_EQ(r.plan.year, 2024);
}

TEST(ImportTable, TabSeparatedAndCategoryRows) {
  const std::string tsv =
      "序号\t重点任务\t责任单位\n"
      "一、产业协作\t\t\n"
      "1\t共建园区\t区商务委\n"
      "二、消费帮扶\t\t\n"
      "1\t拓展渠道\t区商务委、各街道\n";
  const ImportResult r = import_table(tsv, TableFormat::csv);
  ASSERT_EQ(r.plan.categories.size(), 2u);
  EXPECT_EQ(r.plan.categories[1].title, "消费帮扶");
  ASSERT_EQ(r.plan.tasks.size(), 2u);
  EXPECT_EQ(r.plan.tasks[1].category, 1);
  // Numbers restart per category: keys say which.
  EXPECT_EQ(r.plan.tasks[0].key, "1.1");
  EXPECT_EQ(r.plan.tasks[1].key, "2.1");
  EXPECT_TRUE(r.plan.tasks[1].responsibilities[1].collective);
}

TEST(ImportTable, WithoutATitleColumnTheFirstSentenceIsTheTitle) {
  const std::string csv = "序号,具体举措,责任单位\n1,举办展销会。邀请协作地区企业参展。,区商务委\n";
  const ImportResult r = import_table(csv, TableFormat::csv);
  ASSERT_EQ(r.plan.tasks.size(), 1u);
  EXPECT_EQ(r.plan.tasks[0].title, "举办展销会");
  EXPECT_EQ(r.plan.tasks[0].body, "邀请协作地区企业参展。");
}

TEST(ImportTable, NoHeaderIsAClearError) {
  try {
    ImportOptions options;
    options.source = "ledger.csv";
    (void)import_table("a,b,c\n1,2,3\n", TableFormat::csv, options);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::inval);
    EXPECT_NE(std::string(e.what()).find("ledger.csv: no header row"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("重点任务"), std::string::npos);
  }
}

TEST(ImportTable, ABrokenWorkbookIsAClearError) {
  const std::string xlsx = test::read_file(test::import_data("table_ledger.xlsx"));
  for (const std::string& bad : {std::string("not a zip"), xlsx.substr(0, xlsx.size() / 2), std::string("PK\x03\x04junk")}) {
    try {
      (void)import_table(bad, TableFormat::xlsx);
      ADD_FAILURE() << "accepted " << bad.size() << " bytes";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), Errc::parse);
      EXPECT_NE(std::string(e.what()).find("document:"), std::string::npos) << e.what();
    }
  }
}

TEST(ImportTable, ImportDocumentChoosesByContentAndName) {
  const std::string xlsx = test::read_file(test::import_data("table_ledger.xlsx"));
  EXPECT_EQ(import_document(xlsx, "anything.bin").plan.tasks.size(), 3u);
  const std::string csv = test::read_file(test::import_data("table_ledger.csv"));
  EXPECT_EQ(import_document(csv, "LEDGER.CSV").plan.tasks.size(), 4u);
  EXPECT_EQ(import_document("1. 任务。（区商务委负责）\n", "plan.txt").plan.tasks.size(), 1u);
}

TEST(ImportTable, QuotedCellsAndAnUnclosedQuote) {
  const importer::Table t = importer::read_csv("a,\"b,\"\"c\"\"\nd\",e\n\"open,x\n", "t.csv");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].cells, (V{"a", "b,\"c\"\nd", "e"}));
  EXPECT_EQ(t.rows[1].line, 3);
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_NE(t.diagnostics[0].message.find("never closed"), std::string::npos);
}

}  // namespace
}  // namespace duban
