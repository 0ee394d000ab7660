// Lights counted per row (a category, a unit) as an inline SVG chart of
// horizontal stacked bars: red, yellow, blue, green from the left, each
// segment with its number, the row's total at the end of its bar. Made to
// be read in grayscale too: red is hatched, blue dotted, yellow light and
// green mid-tone, and a legend names them in the same order.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "duban/progress.hpp"

namespace duban::render {

struct LightBar {
  std::string label;  // as written; cut with … when too wide for the label column
  LightCounts counts;
};

struct LightChart {
  std::string id;     // unique in the page: the prefix of every id the chart defines
  std::string title;  // the chart's <title>
  bool blue = false;  // a segment and a legend entry for blue (four colours)
};

// Deterministic SVG text (an <svg> element with xmlns, viewBox, width and
// height). Labels are escaped; Errc::encoding when one is not UTF-8.
std::string light_bar_chart(std::span<const LightBar> rows, const LightChart& chart);

// The fill of a light, as the chart and the page's badges draw it.
std::string_view light_fill(Light light) noexcept;
// Text drawn on that fill.
std::string_view light_ink(Light light) noexcept;

}  // namespace duban::render
