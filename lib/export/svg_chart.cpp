#include "export/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "export/html_escape.hpp"
#include "export/report_words.hpp"
#include "export/text_width.hpp"

namespace duban::render {
namespace {

// Geometry in user units; the page scales the chart to its column.
constexpr double kWidth = 720;
constexpr double kLegend = 30;    // the legend's band at the top
constexpr double kRow = 26;       // one bar's band
constexpr double kBar = 16;       // a bar's height
constexpr double kColumn = 6.5;   // one terminal column at 13px (a CJK character is two)
constexpr double kTotalBand = 56; // room after the longest bar for its total
constexpr std::size_t kMaxLabelColumns = 34;

// Worst first, as a coordinator scans a row.
constexpr std::array<Light, 4> kOrder{Light::red, Light::yellow, Light::blue, Light::green};

// A coordinate with one decimal, never locale-dependent (a host may have
// set a locale whose decimal mark is a comma).
std::string at(double value) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
  std::string s(buf, ec == std::errc{} ? end : buf);
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

// The pattern laid over a light's fill so grayscale still tells them apart.
std::string pattern_of(Light light, const std::string& id) {
  if (light == Light::red) return "url(#" + id + "-hatch)";
  if (light == Light::blue) return "url(#" + id + "-dots)";
  return {};
}

std::string swatch(Light light, double x, double y, double w, double h, const std::string& id) {
  std::string out = "<rect x=\"" + at(x) + "\" y=\"" + at(y) + "\" width=\"" + at(w) + "\" height=\"" + at(h) +
                    "\" fill=\"" + std::string(light_fill(light)) + "\"/>";
  if (const std::string p = pattern_of(light, id); !p.empty()) {
    out += "<rect x=\"" + at(x) + "\" y=\"" + at(y) + "\" width=\"" + at(w) + "\" height=\"" + at(h) +
           "\" fill=\"" + p + "\"/>";
  }
  return out;
}

std::string defs(const std::string& id) {
  return "<defs><pattern id=\"" + id +
         "-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
         "<rect width=\"2.2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.45\"/></pattern>"
         "<pattern id=\"" +
         id +
         "-dots\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\">"
         "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#ffffff\" fill-opacity=\"0.6\"/></pattern></defs>";
}

std::string legend(const LightChart& chart) {
  std::string out = "<g class=\"legend\" font-size=\"12\">";
  double x = 0;
  for (const Light light : kOrder) {
    if (light == Light::blue && !chart.blue) continue;
    out += swatch(light, x, 6, 18, 12, chart.id);
    out += "<text x=\"" + at(x + 24) + "\" y=\"16\" fill=\"#333333\">" + std::string(light_words(light)) + "</text>";
    x += 80;
  }
  return out + "</g>";
}

std::string counts_words(const LightBar& row, bool blue) {
  std::string out = row.label + "：";
  bool first = true;
  for (const Light light : kOrder) {
    if (light == Light::blue && !blue) continue;
    out += (first ? "" : "，") + std::string(light_words(light)) + std::to_string(row.counts.of(light)) + "项";
    first = false;
  }
  return out;
}

}  // namespace

std::string_view light_fill(Light light) noexcept {
  switch (light) {
    case Light::green: return "#3f9d5a";
    case Light::blue: return "#2f6fbf";
    case Light::yellow: return "#f2c230";
    case Light::red: return "#c9352b";
  }
  return "#999999";
}

std::string_view light_ink(Light light) noexcept { return light == Light::yellow ? "#3b2f00" : "#ffffff"; }

std::string light_bar_chart(std::span<const LightBar> rows, const LightChart& given) {
  LightChart chart = given;
  std::size_t columns = 4;
  int most = 0;
  for (const LightBar& row : rows) {
    columns = std::max(columns, std::min(display_width(row.label), kMaxLabelColumns));
    most = std::max(most, row.counts.total());
    // Blue items are drawn even when the caller forgot four colours.
    chart.blue = chart.blue || row.counts.blue > 0;
  }
  const double label_band = static_cast<double>(columns) * kColumn + 12;
  const double x0 = label_band + 6;
  const double span = kWidth - x0 - kTotalBand;
  const double per_item = most > 0 ? span / most : 0;
  const double height = kLegend + kRow * static_cast<double>(rows.size()) + 4;

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + at(kWidth) + " " +
                    at(height) + "\" width=\"" + at(kWidth) + "\" height=\"" + at(height) +
                    "\" role=\"img\" aria-labelledby=\"" + chart.id + "-title\" font-family=\"inherit\">";
  out += "<title id=\"" + chart.id + "-title\">" + html_escape(chart.title, "chart title") + "</title>";
  out += defs(chart.id);
  out += legend(chart);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const LightBar& row = rows[i];
    const double top = kLegend + kRow * static_cast<double>(i);
    const double y = top + (kRow - kBar) / 2;
    const double baseline = y + kBar / 2 + 4.5;
    out += "<g class=\"row\"><title>" + html_escape(counts_words(row, chart.blue), "chart label") + "</title>";
    if (i % 2 == 0) {
      out += "<rect x=\"0\" y=\"" + at(top) + "\" width=\"" + at(kWidth) + "\" height=\"" + at(kRow) +
             "\" fill=\"#f4f6f9\"/>";
    }
    out += "<text x=\"" + at(label_band) + "\" y=\"" + at(baseline) +
           "\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2933\">" +
           html_escape(fit_width(row.label, kMaxLabelColumns), "chart label") + "</text>";
    double x = x0;
    for (const Light light : kOrder) {
      const int n = row.counts.of(light);
      if (n == 0 || (light == Light::blue && !chart.blue)) continue;
      const double w = per_item * n;
      out += swatch(light, x, y, w, kBar, chart.id);
      const std::string number = std::to_string(n);
      // A number only where it fits; the tooltip and the total still tell.
      if (w >= 7.5 * static_cast<double>(number.size()) + 4) {
        out += "<text x=\"" + at(x + w / 2) + "\" y=\"" + at(baseline - 0.5) +
               "\" text-anchor=\"middle\" font-size=\"11.5\" font-weight=\"700\" fill=\"" +
               std::string(light_ink(light)) + "\">" + number + "</text>";
      }
      x += w;
    }
    if (row.counts.total() == 0) {
      out += "<rect x=\"" + at(x0) + "\" y=\"" + at(y) + "\" width=\"2\" height=\"" + at(kBar) + "\" fill=\"#9aa5b1\"/>";
    }
    out += "<text x=\"" + at(x + 6) + "\" y=\"" + at(baseline) + "\" font-size=\"12\" fill=\"#52606d\">" +
           std::to_string(row.counts.total()) + "项</text></g>";
  }
  return out + "</svg>";
}

}  // namespace duban::render
