// The monthly report's unit sections: what each unit reported in the month,
// and the assessment so far.
#include <algorithm>

#include "assess/number.hpp"
#include "export/html_report.hpp"
#include "export/report_words.hpp"

namespace duban::render {
namespace {

std::string indicators_words(const std::vector<Indicator>& indicators) {
  std::string out;
  for (const Indicator& i : indicators) {
    out += (out.empty() ? "" : "；") + i.metric + " " + scoring::num(i.value) + i.unit;
  }
  return out;
}

void report_row(MonthPage& page, const Event& e) {
  page.raw("<tr><td class=\"date\">")
      .text(format_date(e.date))
      .raw("</td><td class=\"item\">")
      .text(page.item_title(e.item.task, e.item.instance))
      .raw("</td><td class=\"state\">")
      .text(report_status_words(e.status))
      .raw("</td><td class=\"pct\">")
      .text(e.percent ? short_number(*e.percent) + "%" : std::string("—"))
      .raw("</td><td class=\"narrative\">")
      .text(e.text);
  if (!e.evidence.empty()) {
    std::string evidence;
    for (const std::string& x : e.evidence) evidence += (evidence.empty() ? "" : "、") + x;
    page.raw("<div class=\"muted\">佐证：").text(evidence).raw("</div>");
  }
  page.raw("</td><td class=\"indicators\">").text(indicators_words(e.indicators)).raw("</td></tr>\n");
}

std::string veto_words(const VetoHit& v) {
  switch (v.effect) {
    case VetoEffect::zero_group: return "一票否决（" + v.item + "）：" + v.target + "计0分";
    case VetoEffect::zero_total: return "一票否决（" + v.item + "）：总分计0分";
    case VetoEffect::cap_grade: return "一票否决（" + v.item + "）：等次最高为" + v.target;
  }
  return v.item;
}

}  // namespace

void write_unit_reports(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  std::map<UnitId, std::vector<const Event*>> reported;
  std::size_t count = 0;
  for (const Event& e : s.reports) {
    if (e.kind != EventKind::report || !page.in_month(e.date)) continue;
    if (s.plan_id != 0 && e.item.plan != 0 && e.item.plan != s.plan_id) continue;
    reported[e.actor.unit].push_back(&e);
    ++count;
  }
  // Directory order, then any unit the directory does not know, by id.
  std::vector<UnitId> order;
  for (const Unit& u : s.directory.units()) {
    if (reported.count(u.id) != 0) order.push_back(u.id);
  }
  for (const auto& [unit, events] : reported) {
    if (s.directory.find(unit) == nullptr) order.push_back(unit);
  }

  page.raw("<section id=\"unit-reports\">\n<h2>五、本月报送情况</h2>\n");
  if (s.as_of < page.first_day()) {
    page.raw("<p class=\"none\">本月在数据截至日之后，尚无报送。</p>\n</section>\n");
    return;
  }
  page.raw("<p class=\"lead\">")
      .text(month_words(page.year(), page.month()))
      .raw("共有<b>")
      .raw(std::to_string(order.size()))
      .raw("</b>个单位报送进展<b>")
      .raw(std::to_string(count))
      .raw("</b>条。</p>\n");
  if (!order.empty()) {
    page.raw("<table class=\"grid reports\" id=\"unit-report-table\">\n<thead><tr><th>日期</th><th>事项</th>"
             "<th>状态</th><th>进度</th><th>进展情况</th><th>指标</th></tr></thead>\n");
    for (const UnitId unit : order) {
      const auto& events = reported[unit];
      page.raw("<tbody class=\"unit-block\"><tr class=\"group\"><th colspan=\"6\">")
          .text(page.unit_name(unit))
          .raw("<span class=\"count\">本月报送")
          .raw(std::to_string(events.size()))
          .raw("条</span></th></tr>\n");
      for (const Event* e : events) report_row(page, *e);
      page.raw("</tbody>\n");
    }
    page.raw("</table>\n");
  }

  // Units (not groups) holding a task that said nothing this month.
  std::vector<std::string> silent;
  for (const UnitStatus& u : by_unit(s.status, *s.graph)) {
    const Unit* unit = s.directory.find(u.unit);
    if (unit == nullptr || unit->is_group() || reported.count(u.unit) != 0) continue;
    silent.push_back(unit->name);
  }
  if (!silent.empty()) {
    std::string names;
    for (const std::string& n : silent) names += (names.empty() ? "" : "、") + n;
    page.raw("<p class=\"hint\">本月未报送进展的责任单位（")
        .raw(std::to_string(silent.size()))
        .raw("个）：")
        .text(names)
        .raw("。</p>\n");
  }
  page.raw("</section>\n");
}

void write_assessment(MonthPage& page) {
  const Snapshot& s = page.snapshot();
  page.raw("<section id=\"assessment\">\n<h2>七、考核评价</h2>\n");
  if (!s.assessment) {
    page.raw("<p class=\"none\" id=\"no-assessment\">本期未开展考核评价（未提供考核方案），暂无得分与排名。</p>\n"
             "</section>\n");
    return;
  }
  const Assessment& a = *s.assessment;
  page.raw("<p class=\"lead\">考核方案：").text(a.scheme_name);
  if (!a.scheme_version.empty()) page.raw("（").text(a.scheme_version).raw("）");
  page.raw("，评价截至").text(format_date(a.as_of)).raw("。整体得分<b>").text(scoring::num(a.plan.total)).raw("</b>分");
  if (!a.plan.grade.empty()) page.raw("，等次为<b>").text(a.plan.grade).raw("</b>");
  page.raw("。</p>\n");
  if (a.ranking.empty()) {
    page.raw("<p class=\"none\">方案未评价任何单位。</p>\n</section>\n");
    return;
  }
  double best = 0;
  for (const UnitScore& u : a.units) best = std::max(best, u.total);
  page.raw("<table class=\"grid scores\" id=\"ranking\">\n<thead><tr><th class=\"num\">名次</th><th>单位</th>"
           "<th class=\"num\">总分</th><th class=\"bar-col\"></th><th class=\"num\">基础分</th>"
           "<th class=\"num\">加分</th><th>等次</th><th>说明</th></tr></thead>\n<tbody>\n");
  for (const std::size_t i : a.ranking) {
    if (i >= a.units.size()) continue;
    const UnitScore& u = a.units[i];
    const double share = best > 0 ? std::clamp(u.total / best, 0.0, 1.0) : 0.0;
    std::string notes;
    for (const VetoHit& v : u.vetoes) notes += (notes.empty() ? "" : "；") + veto_words(v);
    page.raw("<tr><td class=\"num\">")
        .raw(std::to_string(u.rank))
        .raw("</td><td class=\"unit\">")
        .text(u.name)
        .raw("</td><td class=\"num score\">")
        .text(scoring::num(u.total))
        .raw("</td><td class=\"bar-col\"><div class=\"bar\"><i style=\"width:")
        .raw(scoring::num(scoring::round_to(share * 100, 1)))
        .raw("%\"></i></div></td><td class=\"num\">")
        .text(scoring::num(u.base))
        .raw("</td><td class=\"num\">")
        .text(scoring::num(u.bonus))
        .raw("</td><td class=\"grade\">")
        .text(u.grade.empty() ? std::string("—") : u.grade)
        .raw("</td><td class=\"why\">")
        .text(notes)
        .raw("</td></tr>\n");
  }
  page.raw("</tbody>\n</table>\n</section>\n");
}

}  // namespace duban::render
