// Unit lists as documents write them (FORMATS.md §3).
#include <gtest/gtest.h>

#include "import/unit_names.hpp"

namespace duban::importer {
namespace {

std::vector<std::string> names(std::string_view list, const KnownName& known = {}) {
  std::vector<std::string> out;
  for (const UnitName& u : split_units(list, known)) out.push_back(u.name);
  return out;
}

using V = std::vector<std::string>;

TEST(ImportUnitNames, SplitsOnEnumerationCommasAndCommas) {
  EXPECT_EQ(names("区委办、区政府办公室、区政府合作交流办"), (V{"区委办", "区政府办公室", "区政府合作交流办"}));
  EXPECT_EQ(names("区发展改革委、区财政局，各街道"), (V{"区发展改革委", "区财政局", "各街道"}));
  EXPECT_EQ(names("区商务委；区国资委"), (V{"区商务委", "区国资委"}));
}

TEST(ImportUnitNames, KeepsBracketsWhole) {
  EXPECT_EQ(names("各县（市、区）人民政府、县财政局"), (V{"各县（市、区）人民政府", "县财政局"}));
  EXPECT_EQ(names("各乡镇<街道>卫生院、县医保局"), (V{"各乡镇<街道>卫生院", "县医保局"}));
  EXPECT_EQ(names("各乡镇（街道）"), (V{"各乡镇（街道）"}));
}

TEST(ImportUnitNames, EtcEndsAnOpenList) {
  auto units = split_units("各领导小组成员单位、各相关部门、前方工作机构等");
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[2].name, "前方工作机构");
  EXPECT_TRUE(units[2].open_ended);
  EXPECT_FALSE(units[0].open_ended);
  units = split_units("区发展改革委、区财政局等部门");
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[1].name, "区财政局");
  EXPECT_TRUE(units[1].open_ended);
  units = split_units("区商务委、区总工会等，各街道");  // 等 mid-list
  ASSERT_EQ(units.size(), 3u);
  EXPECT_TRUE(units[1].open_ended);
  EXPECT_EQ(units[2].name, "各街道");
}

TEST(ImportUnitNames, RestoresASharedLevelPrefix) {
  const auto units = split_units("市市场监管局、发展改革委、统计局");
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[1].name, "市发展改革委");
  EXPECT_TRUE(units[1].restored);
  EXPECT_EQ(units[2].name, "市统计局");
  EXPECT_EQ(names("区发改委、财政局、区教育局"), (V{"区发改委", "区财政局", "区教育局"}));
  // Not across a ，, not for enterprises, organisations or front-line agencies.
  EXPECT_EQ(names("区委办、区政府办公室、前方工作机构"), (V{"区委办", "区政府办公室", "前方工作机构"}));
  EXPECT_EQ(names("区工商联、市北集团、九百集团"), (V{"区工商联", "市北集团", "九百集团"}));
  EXPECT_EQ(names("区委宣传部、团区委、区妇联"), (V{"区委宣传部", "团区委", "区妇联"}));
  EXPECT_EQ(names("市市场监管局，统计局"), (V{"市市场监管局", "统计局"}));
  // A bare name the directory knows as written stays as written.
  EXPECT_EQ(names("市市场监管局、统计局", [](std::string_view n) { return n == "统计局"; }),
            (V{"市市场监管局", "统计局"}));
}

TEST(ImportUnitNames, SplitsOnJiOnlyBetweenWholeNames) {
  EXPECT_EQ(names("区领导小组成员单位及相关部门"), (V{"区领导小组成员单位", "相关部门"}));
  EXPECT_EQ(names("区发展改革委和区财政局"), (V{"区发展改革委", "区财政局"}));
  EXPECT_EQ(names("区人力资源和社会保障局"), (V{"区人力资源和社会保障局"}));
  EXPECT_EQ(names("区民族和宗教办"), (V{"区民族和宗教办"}));
  EXPECT_EQ(names("区对口支援与合作交流办"), (V{"区对口支援与合作交流办"}));
  EXPECT_EQ(names("区政府和社会资本合作中心"), (V{"区政府和社会资本合作中心"}));
}

TEST(ImportUnitNames, RecognisesCollectives) {
  for (std::string_view c : {"各街镇", "各街道", "各乡镇（街道）", "各县（市、区）人民政府", "区直各部门", "区级相关部门",
                             "各有关部门", "各相关单位", "各成员单位", "区领导小组成员单位", "各牵头单位",
                             "区各对口支援领导小组成员单位", "结对企业主管部门", "相关部门"}) {
    EXPECT_TRUE(is_collective(c)) << c;
    EXPECT_EQ(guess_kind(c), UnitKind::group) << c;
  }
  for (std::string_view u : {"区委办", "前方工作机构", "区社联会", "区慈善基金会", "市北集团", "区政府合作交流办",
                             "区人力资源和社会保障局", "团区委"}) {
    EXPECT_FALSE(is_collective(u)) << u;
  }
}

TEST(ImportUnitNames, GuessesKinds) {
  EXPECT_EQ(guess_kind("区财政局"), UnitKind::department);
  EXPECT_EQ(guess_kind("临汾路街道"), UnitKind::street);
  EXPECT_EQ(guess_kind("彭浦镇"), UnitKind::town);
  EXPECT_EQ(guess_kind("市北集团"), UnitKind::enterprise);
  EXPECT_EQ(guess_kind("区妇联"), UnitKind::organisation);
  EXPECT_EQ(guess_kind("团区委"), UnitKind::organisation);
  EXPECT_EQ(guess_kind("前方工作机构"), UnitKind::frontline);
}

TEST(ImportUnitNames, UnitEndings) {
  EXPECT_TRUE(ends_like_unit("区发展改革委"));
  EXPECT_TRUE(ends_like_unit("各乡镇（街道）"));
  EXPECT_TRUE(ends_like_unit("前方工作机构"));
  EXPECT_FALSE(ends_like_unit("鼓励"));
  EXPECT_FALSE(ends_like_unit("协调员"));
}

}  // namespace
}  // namespace duban::importer
