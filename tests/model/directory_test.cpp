#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/units.hpp"

namespace duban {
namespace {

Unit unit(std::string name, UnitKind kind, std::vector<std::string> aliases = {}) {
  Unit u;
  u.name = std::move(name);
  u.kind = kind;
  u.aliases = std::move(aliases);
  return u;
}

class DirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fgw = dir.add(unit("区发展改革委", UnitKind::department, {"区发改委", "区发展和改革委员会"}));
    street1 = dir.add(unit("滨江路街道", UnitKind::street));
    town = dir.add(unit("彭湾镇", UnitKind::town));
    street2 = dir.add(unit("北站街道", UnitKind::street));
    Unit all = unit("各街镇", UnitKind::group);
    all.member_kinds = {UnitKind::street, UnitKind::town};
    all_streets = dir.add(all);
    Unit leading = unit("领导小组成员单位", UnitKind::group, {"各成员单位"});
    leading.members = {fgw, all_streets};
    members = dir.add(leading);
    nobody = dir.add(unit("各相关部门", UnitKind::group));
  }

  Directory dir;
  UnitId fgw{}, street1{}, town{}, street2{}, all_streets{}, members{}, nobody{};
};

TEST_F(DirectoryTest, ResolvesAliasesWidthAndSpaces) {
  EXPECT_EQ(dir.lookup("区发改委"), fgw);
  EXPECT_EQ(dir.lookup("区发展和改革委员会"), fgw);
  EXPECT_EQ(dir.lookup("区 发展改革委"), fgw);
  EXPECT_EQ(dir.lookup("区发展\n改革委"), fgw);
  EXPECT_EQ(dir.lookup("各成员单位"), members);
  EXPECT_FALSE(dir.lookup("区统计局").has_value());
  EXPECT_FALSE(dir.lookup("\xFF").has_value());
}

TEST_F(DirectoryTest, UnknownNameIsReportedWithWhere) {
  try {
    dir.resolve("区统计局", "task 7");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::notfound);
    EXPECT_STREQ(e.what(), "unknown unit '区统计局' in task 7");
  }
}

TEST_F(DirectoryTest, ExpandsKindsAndNestedGroupsInDirectoryOrder) {
  EXPECT_EQ(dir.expand(all_streets), (std::vector<UnitId>{street1, town, street2}));
  EXPECT_EQ(dir.expand(members), (std::vector<UnitId>{fgw, street1, town, street2}));
  EXPECT_EQ(dir.expand(fgw), (std::vector<UnitId>{fgw}));
  EXPECT_TRUE(dir.is_unresolved_group(nobody));
  EXPECT_FALSE(dir.is_unresolved_group(members));
}

TEST_F(DirectoryTest, GroupsOfFollowsNesting) {
  EXPECT_EQ(dir.groups_of(town), (std::vector<UnitId>{all_streets, members}));
  EXPECT_EQ(dir.groups_of(fgw), (std::vector<UnitId>{members}));
}

TEST_F(DirectoryTest, MembershipLoopsDoNotHang) {
  Unit a = unit("甲组", UnitKind::group);
  const UnitId ga = dir.add(a);
  Unit b = unit("乙组", UnitKind::group);
  b.members = {ga, fgw};
  const UnitId gb = dir.add(b);
  dir.add_member(ga, gb);
  EXPECT_EQ(dir.expand(ga), (std::vector<UnitId>{fgw}));
}

TEST_F(DirectoryTest, ClashingNamesAreRejectedAndChangeNothing) {
  const auto before = dir;
  try {
    dir.add(unit("新单位", UnitKind::department, {"区发改委"}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::exists);
    EXPECT_STREQ(e.what(), "unit name '区发改委' already names unit '区发展改革委'");
  }
  EXPECT_EQ(dir, before);
  EXPECT_THROW(dir.add(unit("  ", UnitKind::department)), Error);
  EXPECT_THROW(dir.add(unit("（区发改委）", UnitKind::department, {"", "x"})), Error);
}

TEST_F(DirectoryTest, MembersOnlyOnGroups) {
  Unit bad = unit("区财政局", UnitKind::department);
  bad.members = {fgw};
  try {
    dir.add(bad);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "unit '区财政局' has members but is not of kind group");
  }
  EXPECT_THROW(dir.add_member(fgw, town), Error);
  EXPECT_THROW(dir.add_member(members, 999), Error);
}

TEST_F(DirectoryTest, MergeAddsNewUnitsAndRemapsMembers) {
  Directory other;
  const UnitId fin = other.add(unit("区财政局", UnitKind::department));
  const UnitId fgw2 = other.add(unit("区发改委", UnitKind::department, {"发改委"}));
  Unit g = unit("资金工作组", UnitKind::group);
  g.members = {fin, fgw2};
  other.add(g);

  const auto size = dir.size();
  EXPECT_EQ(merge(dir, other), 2u);
  EXPECT_EQ(dir.size(), size + 2);
  EXPECT_EQ(dir.lookup("发改委"), fgw);  // alias learnt by the existing unit
  const UnitId group = *dir.lookup("资金工作组");
  EXPECT_EQ(dir.at(group).members, (std::vector<UnitId>{*dir.lookup("区财政局"), fgw}));
}

TEST(UnitKindTest, NamesRoundTrip) {
  for (int k = 0; k <= 7; ++k) {
    const auto kind = static_cast<UnitKind>(k);
    EXPECT_EQ(unit_kind_from_string(to_string(kind)), kind);
  }
  EXPECT_FALSE(unit_kind_from_string("ministry").has_value());
}

}  // namespace
}  // namespace duban
