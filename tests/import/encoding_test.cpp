// Encodings in (FORMATS.md §6): detected, converted, or refused clearly.
#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/import.hpp"
#include "import/import_test_util.hpp"

namespace duban {
namespace {

const std::string kDoc =
    "2024年东湖区工作要点\n一、产业协作\n1. 共建园区。推进园区建设。（责任单位：区发展改革委、各街道）\n";

std::string first_unit(const ImportResult& r) {
  return r.plan.tasks.empty() || r.plan.tasks[0].responsibilities.empty() ? ""
                                                                         : r.plan.tasks[0].responsibilities[0].name;
}

bool has_diagnostic(const ImportResult& r, std::string_view text) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.message.find(text) != std::string::npos; });
}

TEST(ImportEncoding, Utf8WithAndWithoutBom) {
  const ImportResult a = import_text(kDoc);
  const ImportResult b = import_text("\xEF\xBB\xBF" + kDoc);
  EXPECT_EQ(first_unit(a), "区发展改革委");
  EXPECT_EQ(a.plan, b.plan);
  EXPECT_EQ(b.plan.title, "2024年东湖区工作要点");
}

TEST(ImportEncoding, Gb18030AndUtf16AreConverted) {
  const ImportResult gb = import_text(test::to_gb18030(kDoc));
  EXPECT_EQ(first_unit(gb), "区发展改革委");
  EXPECT_TRUE(has_diagnostic(gb, "read as GB18030"));
  const ImportResult gbk = import_text(test::convert_to(kDoc, "GBK"));
  EXPECT_EQ(gbk.plan, gb.plan);
  const ImportResult le = import_text("\xFF\xFE" + test::convert_to(kDoc, "UTF-16LE"));
  EXPECT_EQ(le.plan, gb.plan);
  EXPECT_TRUE(has_diagnostic(le, "UTF-16LE"));
}

void expect_refused(const std::string& bytes, std::string_view why) {
  ImportOptions options;
  options.source = "plan.txt";
  try {
    (void)import_text(bytes, options);
    ADD_FAILURE() << "accepted: " << why;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::encoding);
    const std::string m = e.what();
    EXPECT_NE(m.find("plan.txt"), std::string::npos) << m;
    EXPECT_NE(m.find(why), std::string::npos) << m;
  }
}

TEST(ImportEncoding, RefusesWhatIsNoTextAndSaysWhatItIs) {
  expect_refused(std::string("PK\x03\x04") + std::string(40, 'x'), "ZIP");
  expect_refused("%PDF-1.7\n", "PDF");
  expect_refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "old Office file");
  expect_refused(std::string("abc\0def", 7), "NUL");
  // Bytes that are neither UTF-8 nor GB18030: the message names both.
  expect_refused("\x80\x80\x80 text", "neither UTF-8");
  expect_refused("\x80\x80\x80 text", "GB18030");
}

TEST(ImportEncoding, ATruncatedLastCharacterIsDroppedWithAWarning) {
  const std::string cut = kDoc + "2. 推进";
  const std::string bytes = cut.substr(0, cut.size() - 1);  // half of 进
  const ImportResult r = import_text(bytes);
  EXPECT_TRUE(has_diagnostic(r, "truncated"));
  ASSERT_EQ(r.plan.tasks.size(), 2u);
  EXPECT_EQ(r.plan.tasks[1].title, "推");
  const std::string gb = test::to_gb18030(cut);
  const ImportResult g = import_text(gb.substr(0, gb.size() - 1));
  EXPECT_TRUE(has_diagnostic(g, "truncated"));
  ASSERT_EQ(g.plan.tasks.size(), 2u);
}

}  // namespace
}  // namespace duban
