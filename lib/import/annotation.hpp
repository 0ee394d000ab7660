// Responsibility annotations (FORMATS.md §2): where they are in a paragraph
// and what they say.
//
// Found: label lines (牵头单位：A), labelled brackets in any bracket style and
// nested (（责任单位：A、B）, 〔牵头单位：A；配合单位：各县（市、区）〕), verb
// brackets (（A牵头，B、C配合）), responsibility and deadline in one bracket,
// labels run together, a bracket left open (recovered, flagged), and the
// first-listed-is-lead note (列第一位者为牵头单位，下同). Brackets that are part
// of the prose (（鼓励）, （协调员）, 乡（镇）村) are left alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/unit_names.hpp"

namespace duban::importer {

struct Annotation {
  std::size_t begin = 0;  // byte range in the paragraph, brackets included
  std::size_t end = 0;
  std::string content;       // the inside, whitespace between CJK repaired
  bool unclosed = false;     // its closing bracket was missing
  bool whole_paragraph = false;  // a label line, or a bracket standing alone
};

// Annotations of one paragraph, in order. Linear in the paragraph's length
// whatever its brackets (deeply nested or never closed).
std::vector<Annotation> find_annotations(std::string_view paragraph);

// How the document assigned a unit, before the task-level rules settle roles.
enum class Said {
  lead,               // 牵头单位 label, 牵头 verb
  responsible,        // 负责, 按职责分工负责 verbs
  responsible_label,  // 责任单位 label, or a list with no verb: support when a lead is named
  support,            // 配合单位 label, 配合 verb
};

struct Mention {
  std::string name;
  Said said = Said::responsible_label;
  bool open_ended = false;
};

struct AnnotationContent {
  std::vector<Mention> mentions;
  std::vector<std::string> deadlines;  // phrases, for read_deadline
  std::vector<std::string> persons;    // 牵头领导：… — people, never units
  bool first_is_lead = false;          // 列第一位者为牵头单位
  bool responsible_is_lead = false;    // 无牵头单位的，责任单位即为牵头单位
  bool sticky = false;                 // 下同: the note holds for later items
  bool empty() const noexcept {
    return mentions.empty() && deadlines.empty() && persons.empty() && !first_is_lead && !responsible_is_lead;
  }
};

AnnotationContent parse_annotation(std::string_view content, const KnownName& known = {});

// A table cell of units whose column gives the role (牵头单位 → lead); verbs
// and labels inside the cell still count (区发改委牵头，各街道配合).
AnnotationContent parse_units(std::string_view text, Said by_column, const KnownName& known = {});

// Does `s` begin with a responsibility, person or deadline label and its
// colon (牵头单位：, 牵 头单位 ：, 完成时限:)?
bool starts_with_label(std::string_view s);

// The first-is-lead and responsible-is-lead notes anywhere in prose (a cover
// notice): sets the flags of `into`, returns true when one was found.
bool read_lead_note(std::string_view text, AnnotationContent& into);

}  // namespace duban::importer
