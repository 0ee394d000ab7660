// Shared by the ledger suites: a temporary directory per test, file bytes,
// and a directory and plan that use every field the model has.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "duban/error.hpp"
#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban::ledger_testing {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "duban-ledger-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Runs `f`, which must throw a duban::Error with `code`, and returns it for
// further checks on the message and subcode.
inline Error expect_error(const std::function<void()>& f, Errc code) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e;
  }
  ADD_FAILURE() << "expected a duban::Error with code " << static_cast<int>(code) << ", got none";
  return Error(Errc::error, ErrClass::none, "(no error)");
}

inline Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Ids are deliberately out of order, and the first unit is a group whose
// members are stored after it.
inline Directory sample_directory() {
  Directory dir;
  dir.add({20, "领导小组成员单位", {"协作领导小组成员单位"}, UnitKind::group, {}, {}});
  dir.add({30, "区合作交流办", {"区政府合作交流办", "区政府合作交流办公室"}, UnitKind::department, {}, {}});
  dir.add({31, "区教育局", {}, UnitKind::department, {}, {}});
  dir.add({5, "临汾路街道", {}, UnitKind::street, {}, {}});
  dir.add({6, "彭浦镇", {}, UnitKind::town, {}, {}});
  dir.add({7, "各街镇", {"各街道、镇"}, UnitKind::group, {}, {UnitKind::street, UnitKind::town}});
  dir.add({40, "市北高新集团", {"市北集团"}, UnitKind::enterprise, {}, {}});
  dir.add({41, "区妇联", {}, UnitKind::organisation, {}, {}});
  dir.add({42, "前方工作组", {}, UnitKind::frontline, {}, {}});
  dir.add({43, "区志愿者协会", {}, UnitKind::unspecified, {}, {}});
  dir.add_member(20, 31);
  dir.add_member(20, 30);
  dir.add_member(20, 7);
  return dir;
}

inline Responsibility resp(UnitId unit, std::string name, Role role, int position, bool collective = false) {
  Responsibility r;
  r.unit = unit;
  r.name = std::move(name);
  r.role = role;
  r.position = position;
  r.collective = collective;
  return r;
}

// A plan that uses every field: sections, categories (one outside any
// section), tasks outside categories and outside sections, a measure,
// targets with and without values, milestones, recurrences, relative
// deadlines, dependencies (one on a later task), names written through
// aliases, text with quotes, semicolons and line breaks.
inline Plan sample_plan(int year = 2025, std::string doc_number = "静合组办〔2025〕1号") {
  Plan plan;
  plan.title = std::to_string(year) + "年东西部协作工作要点";
  plan.doc_number = std::move(doc_number);
  plan.issuer = "区东西部协作领导小组办公室";
  plan.issued = ymd(year, 2, 28);
  plan.year = year;
  plan.sections = {{"一", "总体要求"}, {"二", "重点任务"}, {"三", "保障措施"}};
  plan.categories = {{"（一）", "教育帮扶", 1},
                     {"（二）", "产业协作", 1},
                     {"（三）", "其他'事项'; DROP TABLE plans;--", -1}};

  Task t1;
  t1.key = "1";
  t1.number = "1";
  t1.title = "选派支教教师";
  t1.body = "县均选派2名教师；\n开展\"组团式\"帮扶，覆盖各街镇。";
  t1.section = 1;
  t1.category = 0;
  t1.responsibilities = {resp(31, "区教育局", Role::lead, 1), resp(7, "各街镇", Role::support, 2, true)};
  t1.deadline.due = ymd(year, 6, 30);
  t1.deadline.text = "6月底前";
  Target g1;
  g1.text = "县均选派2名教师";
  g1.metric = "选派教师";
  g1.op = TargetOp::ge;
  g1.value = 2;
  g1.unit = "名";
  g1.scope = "县均";
  Target g2;
  g2.text = "帮扶资金同比增长";
  g2.metric = "财政帮扶资金";
  g2.op = TargetOp::gt;
  g2.unit = "万元";
  g2.baseline = "上年";
  t1.targets = {g1, g2};
  t1.open_ended = true;
  t1.depends_on = {"3"};
  t1.line = 12;

  Task t2;
  t2.key = "2";
  t2.number = "2";
  t2.title = "按月报送进展";
  t2.section = 1;
  t2.category = 0;
  t2.responsibilities = {resp(30, "区政府合作交流办", Role::lead, 1), resp(31, "区教育局", Role::responsible, 2),
                         resp(41, "区妇联", Role::support, 3)};
  t2.deadline.recurrence = Recurrence{Every::month, 10};
  t2.deadline.text = "每月10日前";
  t2.deadline.milestones = {{ymd(year, 3, 31), "完成摸底", 0.25}, {ymd(year, 9, 30), "完成80%", 0.8}};
  t2.line = 15;

  Task t3;
  t3.key = "3";
  t3.number = "1";
  t3.title = "推进产业园区共建";
  t3.body = "持续推进";
  t3.section = 1;
  t3.category = 1;
  t3.responsibilities = {resp(40, "市北集团", Role::lead, 1), resp(20, "领导小组成员单位", Role::support, 2, true)};
  t3.deadline.ongoing = true;
  t3.deadline.within_days = 15;
  t3.deadline.within_workdays = true;
  t3.deadline.text = "持续推进，15个工作日内报送方案";
  Target g3;
  g3.text = "能耗下降3.5%左右";
  g3.metric = "能耗";
  g3.op = TargetOp::approx;
  g3.value = -3.5;
  g3.unit = "%";
  Target g4;
  g4.text = "投入1200.5万元";
  g4.metric = "财政帮扶资金";
  g4.op = TargetOp::eq;
  g4.value = 1200.5;
  g4.unit = "万元";
  g4.scope = "全年";
  t3.targets = {g3, g4};
  t3.line = 21;

  Task t4;
  t4.key = "4";
  t4.number = "4";
  t4.title = "前方工作组季度总结";
  t4.section = 1;
  t4.responsibilities = {resp(42, "前方工作组", Role::lead, 1)};
  t4.deadline.defaulted = true;
  Recurrence last_workday;  // 每季度最后一个工作日
  last_workday.every = Every::quarter;
  last_workday.workday = -1;
  t4.deadline.recurrence = last_workday;
  t4.depends_on = {"1", "2"};
  t4.line = 30;

  Task m1;
  m1.key = "m1";
  m1.number = "1";
  m1.title = "加强组织领导";
  m1.kind = TaskKind::measure;
  m1.section = 2;
  m1.responsibilities = {resp(20, "协作领导小组成员单位", Role::lead, 1, true)};
  Recurrence next_february;  // 次年2月底前
  next_february.every = Every::year;
  next_february.next_period = true;
  next_february.month = 2;
  m1.deadline.recurrence = next_february;
  m1.deadline.within_days = 30;
  m1.line = 40;

  Task x;
  x.key = "x";
  x.title = "附：志愿服务";
  x.category = 2;
  x.responsibilities = {resp(43, "区志愿者协会", Role::responsible, 1)};
  x.deadline.recurrence = Recurrence{Every::week, 5};

  Task y;
  y.key = "y";
  y.number = "";
  y.title = "其他";

  plan.tasks = {t1, t2, t3, t4, m1, x, y};
  return plan;
}

}  // namespace duban::ledger_testing
