// What a document says about itself: issuer (the 文件 header or the
// signature), document number (临合组办〔2025〕2号), title (the plan's own,
// also out of 关于印发《…》的通知), issue date and plan year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "duban/deadline.hpp"
#include "import/lines.hpp"

namespace duban::importer {

struct FrontMatter {
  std::string issuer;
  std::string doc_number;
  std::string title;
  std::optional<Date> issued;
  int year = 0;  // from the title, else the issue date, else the number's year; 0 when none
  std::size_t body_start = 0;  // index of the first line after the head
};

FrontMatter read_front_matter(const std::vector<SourceLine>& lines);

}  // namespace duban::importer
