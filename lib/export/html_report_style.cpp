// The monthly report's stylesheet: inline, with system CJK fonts only (no
// web fonts: the page opens offline), a screen layout, and print rules for
// A4 that keep tables and charts from splitting across pages.
#include "export/html_report.hpp"
#include "export/svg_chart.hpp"

namespace duban::render {
namespace {

constexpr const char* kCss = R"css(:root {
  --ink: #1f2933; --muted: #616e7c; --rule: #d9e2ec; --head: #f0f4f8;
  --accent: #a61b1b; --paper: #ffffff; --desk: #e9edf2;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--desk); color: var(--ink);
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 14px; line-height: 1.6;
}
.page {
  max-width: 1080px; margin: 24px auto; padding: 40px 52px 28px; background: var(--paper);
  box-shadow: 0 1px 3px rgba(15, 23, 42, .12), 0 8px 24px rgba(15, 23, 42, .06);
}
.masthead {
  display: flex; justify-content: space-between; align-items: flex-end; gap: 24px;
  border-bottom: 3px double var(--accent); padding-bottom: 14px;
}
.stamp { margin: 0; border: 1px solid #e3b5b5; border-radius: 6px; padding: 8px 16px; background: #fdf6f6; }
.stamp div { display: flex; gap: 10px; align-items: baseline; white-space: nowrap; }
.stamp dt { color: var(--muted); font-size: 12.5px; }
.stamp dd { margin: 0; font-weight: 700; font-size: 15px; color: #111827; }
.kicker { color: var(--accent); font-weight: 700; letter-spacing: .35em; font-size: 13px; }
h1 { margin: 4px 0 2px; font-size: 28px; letter-spacing: .04em; color: #111827; }
.plan-title { margin: 0; font-size: 17px; color: #334e68; font-weight: 600; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 8px 0 0; font-size: 13px; }
.meta div { display: flex; gap: 8px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; }
.note { background: #fff8e1; border-left: 4px solid #f2c230; padding: 6px 12px; margin: 12px 0 0; font-size: 13px; }
section { margin-top: 26px; }
h2 {
  font-size: 19px; margin: 0 0 10px; padding: 2px 0 2px 10px; border-left: 5px solid var(--accent);
  color: #111827; break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 15px; margin: 14px 0 6px; color: #243b53; break-after: avoid; page-break-after: avoid; }
p { margin: 6px 0; }
.lead b { color: #111827; font-size: 15px; padding: 0 2px; }
.hint { color: var(--muted); font-size: 12.5px; font-weight: 400; }
.none { color: var(--muted); background: #f7f9fb; border: 1px dashed var(--rule); padding: 8px 12px; border-radius: 4px; }
.muted { color: var(--muted); font-size: 12px; }
.alert { color: #b42318; }
.cards { display: grid; gap: 10px; margin-top: 10px; }
.cards-3 { grid-template-columns: repeat(3, 1fr); }
.cards-4 { grid-template-columns: repeat(4, 1fr); }
.card {
  border: 1px solid var(--rule); border-top: 4px solid #9fb3c8; border-radius: 6px; padding: 8px 14px 10px;
  break-inside: avoid; page-break-inside: avoid; background: #fbfcfd;
}
.card .label { font-size: 13px; color: var(--muted); }
.card .n { display: block; font-size: 30px; line-height: 1.2; font-weight: 700; color: #111827; }
.card .sub { font-size: 12px; color: var(--muted); }
.card.tone-alert { border-top-color: #b42318; }
.card.tone-alert .n { color: #b42318; }
.card.tone-warn { border-top-color: #d4a017; }
figure { margin: 10px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 15px; font-weight: 600; color: #243b53; margin-bottom: 4px; }
svg.chart { display: block; width: 100%; max-width: 900px; height: auto; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
table.grid th, table.grid td { border: 1px solid var(--rule); padding: 5px 8px; vertical-align: top; text-align: left; }
table.grid thead th { background: var(--head); color: #243b53; font-weight: 600; white-space: nowrap; }
table.grid tbody tr:nth-child(even) td { background: #fafbfc; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.num, th.num { text-align: right; white-space: nowrap; width: 1%; }
td.date, td.late, td.badge, td.pct, td.state { white-space: nowrap; }
td.item { min-width: 12em; }
td.unit { min-width: 7em; }
td.narrative, td.why, td.progress { white-space: pre-line; }
td.progress .when { color: var(--muted); font-size: 12px; }
td.progress .pct, td.pct { font-weight: 600; }
tr.row-red td.late { color: #b42318; font-weight: 600; }
table.reports tbody.unit-block { break-inside: avoid; page-break-inside: avoid; }
table.reports tr.group th { background: #e6edf5; color: #102a43; font-size: 13.5px; text-align: left; }
table.reports tr.group .count { float: right; font-weight: 400; color: var(--muted); font-size: 12px; }
table.scores td.score { font-weight: 700; }
table.scores .bar-col { width: 22%; }
.bar { height: 10px; background: #edf0f3; border-radius: 5px; overflow: hidden; margin-top: 6px; }
.bar i { display: block; height: 100%; background: #486581; }
td.grade { font-weight: 600; }
.light, .status { white-space: nowrap; font-size: 12.5px; }
.light::before {
  content: ""; display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .35em;
  vertical-align: -.05em; border: 1px solid rgba(0, 0, 0, .25);
}
.status-overdue { color: #b42318; font-weight: 600; }
.status-due_soon { color: #8a6100; font-weight: 600; }
footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@page {
  size: A4; margin: 16mm 14mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #616e7c; }
}
@media print {
  html, body { background: #ffffff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  table, figure, svg, .card, .none { break-inside: avoid; page-break-inside: avoid; }
  table.grid { font-size: 9.5pt; }
  section { break-inside: auto; }
}
)css";

}  // namespace

std::string report_css() {
  std::string css = kCss;
  // Badges and cards take the charts' colours, so a light looks the same everywhere.
  for (const Light light : {Light::green, Light::blue, Light::yellow, Light::red}) {
    const std::string name(to_string(light));
    const std::string fill(light_fill(light));
    css += ".light-" + name + "::before { background: " + fill + "; }\n";
    css += ".card.tone-" + name + " { border-top-color: " + fill + "; }\n";
  }
  return css;
}

}  // namespace duban::render
