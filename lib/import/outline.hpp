// The numbered outline of a document body: paragraphs rebuilt across line and
// page breaks, and items (一、 （一） 1. （1） …) nested by their numbering.
//
// A line break is damage unless the text before it ends a sentence or the
// next line starts an item or a label: extracted text breaks lines at the
// page width and page breaks leave blank lines mid-word (销售网 / 络). A
// number that interrupts an open sentence or bracket and breaks the
// sequence is page furniture, not an item.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "duban/diagnostic.hpp"
#include "import/lines.hpp"
#include "import/numbering.hpp"

namespace duban::importer {

struct Para {
  std::string text;
  // (byte offset in text where a source line's text begins, its line number)
  std::vector<std::pair<std::uint32_t, int>> lines;

  int line() const noexcept { return lines.empty() ? 0 : lines.front().second; }
  int line_at(std::size_t offset) const noexcept;
};

struct Item {
  Marker marker;
  std::string label;  // the number as the line shows it, separator included
  int line = 0;
  int parent = -1;  // index into Outline::items
  int depth = 0;    // 0 for the outermost level in use
  std::vector<int> children;
  std::vector<Para> paras;  // the first holds the text after the number
};

struct Outline {
  std::vector<Para> preamble;  // paragraphs before the first item
  std::vector<Item> items;     // document order
  std::vector<Diagnostic> diagnostics;
};

// `lines[from, to)` are the body: lines of other kinds than text are skipped.
Outline build_outline(const std::vector<SourceLine>& lines, std::size_t from, std::size_t to);

// A first paragraph that only names its item (组织领导, 加强组织领导): short, no
// sentence punctuation. Such items are headings when they hold others.
bool is_heading_text(std::string_view text);

}  // namespace duban::importer
