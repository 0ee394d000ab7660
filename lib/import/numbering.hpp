// Item numbers at the start of a line, in the forms of GB/T 9704 and the
// variants documents actually use: 第一部分, 一、, （一）, 1. 1． 1、 1 ., （1）,
// 1）, ①. Inline enumerations (一是…, 第一，…) are not numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duban::importer {

// Styles in the official order, outermost first; the value is the rank used
// when a document skips or reorders levels.
enum class NumberStyle : int {
  part = 0,       // 第一部分 / 第一章 / 第一节
  cn_comma = 1,   // 一、
  cn_paren = 2,   // （一）
  arabic_dot = 3, // 1. 1． 1、
  arabic_paren = 4, // （1）
  arabic_half = 5,  // 1）
  circled = 6,      // ①
};
inline constexpr int number_style_count = 7;

struct Marker {
  NumberStyle style = NumberStyle::arabic_dot;
  int value = 0;
  std::string printed;    // as printed, without the separator: "7", "（一）", "一"
  std::size_t rest = 0;   // byte offset where the item's text begins
};

// The marker as the line shows it, separator included ("1.", "（一）").
inline std::string_view marker_text(std::string_view line, const Marker& m) { return line.substr(0, m.rest); }

// The marker that begins `line` (already trimmed), if any.
std::optional<Marker> read_marker(std::string_view line);

// 一 → 1, 十二 → 12, 二十 → 20, 两 → 2, 一千零五 → 1005; nullopt for anything
// else (max 99999).
std::optional<int> chinese_number(std::string_view s);

}  // namespace duban::importer
