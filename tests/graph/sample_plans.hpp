// Small plans built in code for the graph and export suites: Chinese unit
// names, 各街镇 by member kinds, a leading group with named members, a
// group nested in another, a group nobody listed, two leads on one task,
// an idle unit, an unknown name and a few dependencies.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban::testing {

// Unit ids, fixed so tests can name them.
inline constexpr UnitId kFagai = 1;      // 区发展改革委 (alias 区发改委)
inline constexpr UnitId kCaizheng = 2;   // 区财政局
inline constexpr UnitId kJiaoyu = 3;     // 区教育局
inline constexpr UnitId kWeijian = 4;    // 区卫生健康委
inline constexpr UnitId kShimen = 5;     // 石门二路街道 (street)
inline constexpr UnitId kNanjing = 6;    // 南京西路街道 (street)
inline constexpr UnitId kPengpu = 7;     // 彭浦镇 (town)
inline constexpr UnitId kDangan = 8;     // 区档案局: holds no task
inline constexpr UnitId kJiejie = 9;     // 各街镇: every street and town
inline constexpr UnitId kLingdao = 10;   // 领导小组成员单位: 发改委, 财政局, 教育局
inline constexpr UnitId kQuanti = 11;    // 对口支援工作全体单位: 领导小组成员单位 + 各街镇 (nested)
inline constexpr UnitId kXiangguan = 12; // 各相关部门: members unknown

inline Unit make_unit(UnitId id, std::string name, UnitKind kind, std::vector<std::string> aliases = {}) {
  Unit u;
  u.id = id;
  u.name = std::move(name);
  u.kind = kind;
  u.aliases = std::move(aliases);
  return u;
}

inline Directory sample_directory() {
  Directory d;
  d.add(make_unit(kFagai, "区发展改革委", UnitKind::department, {"区发改委"}));
  d.add(make_unit(kCaizheng, "区财政局", UnitKind::department));
  d.add(make_unit(kJiaoyu, "区教育局", UnitKind::department));
  d.add(make_unit(kWeijian, "区卫生健康委", UnitKind::department));
  d.add(make_unit(kShimen, "石门二路街道", UnitKind::street));
  d.add(make_unit(kNanjing, "南京西路街道", UnitKind::street));
  d.add(make_unit(kPengpu, "彭浦镇", UnitKind::town));
  d.add(make_unit(kDangan, "区档案局", UnitKind::department));
  Unit jiejie = make_unit(kJiejie, "各街镇", UnitKind::group);
  jiejie.member_kinds = {UnitKind::street, UnitKind::town};
  d.add(std::move(jiejie));
  Unit lingdao = make_unit(kLingdao, "领导小组成员单位", UnitKind::group);
  lingdao.members = {kFagai, kCaizheng, kJiaoyu};
  d.add(std::move(lingdao));
  Unit quanti = make_unit(kQuanti, "对口支援工作全体单位", UnitKind::group);
  quanti.members = {kLingdao, kJiejie};
  d.add(std::move(quanti));
  d.add(make_unit(kXiangguan, "各相关部门", UnitKind::group));
  return d;
}

inline Responsibility named(std::string name, Role role) {
  Responsibility r;
  r.name = std::move(name);
  r.role = role;
  return r;
}

inline Task make_task(std::string key, std::string number, std::string title, int category,
                      std::vector<Responsibility> units, std::vector<std::string> depends_on = {}) {
  Task t;
  t.key = std::move(key);
  t.number = std::move(number);
  t.title = std::move(title);
  t.category = category;
  t.section = category >= 0 ? 0 : -1;
  t.responsibilities = std::move(units);
  t.depends_on = std::move(depends_on);
  return t;
}

inline Plan plan_shell() {
  Plan p;
  p.title = "2024年东西部协作工作要点";
  p.year = 2024;
  p.sections.push_back({"一", "重点任务"});
  return p;
}

// Task ids 1..6:
//  1 加强组织领导   区发改委 lead, 领导小组成员单位 responsible
//  2 推进教育帮扶   区教育局 lead, 各街镇 support                    needs 1
//  3 深化消费帮扶   区财政局 lead, 区发改委 lead, 各相关部门 support  needs 2
//  4 开展医疗协作   区卫生健康委 responsible, 石门二路街道 lead, 各街镇 support   needs 1
//  5 做好年度总结   对口支援工作全体单位 support, 区教育局 lead (no category)  needs 3, 4
//  6 落实专项任务   区外事办 (unknown)
inline Plan sample_plan(const Directory& directory) {
  Plan p = plan_shell();
  p.categories.push_back({"一", "组织保障", 0});
  p.categories.push_back({"二", "产业协作", 0});
  p.tasks.push_back(make_task("t1", "1", "加强组织领导", 0,
                              {named("区发改委", Role::lead), named("领导小组成员单位", Role::responsible)}));
  p.tasks.push_back(make_task("t2", "1", "推进教育帮扶", 1,
                              {named("区教育局", Role::lead), named("各街镇", Role::support)}, {"t1"}));
  p.tasks.push_back(make_task("t3", "2", "深化消费帮扶", 1,
                              {named("区财政局", Role::lead), named("区发展改革委", Role::lead),
                               named("各相关部门", Role::support)},
                              {"t2"}));
  p.tasks.push_back(make_task("t4", "3", "开展医疗协作", 1,
                              {named("区卫生健康委", Role::responsible), named("石门二路街道", Role::lead),
                               named("各街镇", Role::support)},
                              {"t1"}));
  p.tasks.push_back(make_task("t5", "", "做好年度总结", -1,
                              {named("对口支援工作全体单位", Role::support), named("区教育局", Role::lead)},
                              {"t3", "t4"}));
  p.tasks.push_back(make_task("t6", "2", "落实专项任务", 0, {named("区外事办", Role::lead)}));
  (void)resolve_units(p, directory);
  return p;
}

// Tasks A, B, C, D in one category; `deps[i]` are the keys task i needs.
inline Plan chain_plan(const Directory& directory, std::vector<std::vector<std::string>> deps) {
  Plan p = plan_shell();
  p.categories.push_back({"一", "组织保障", 0});
  const char* keys[] = {"a", "b", "c", "d"};
  const char* titles[] = {"任务甲", "任务乙", "任务丙", "任务丁"};
  for (std::size_t i = 0; i < deps.size() && i < 4; ++i) {
    p.tasks.push_back(make_task(keys[i], std::to_string(i + 1), titles[i], 0, {named("区财政局", Role::lead)},
                                deps[i]));
  }
  (void)resolve_units(p, directory);
  return p;
}

}  // namespace duban::testing
