// Terminal column widths for aligning Chinese text: a CJK character takes
// two columns, so byte or code-point counts misalign every table.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace duban::render {

// Columns `s` takes in a terminal: East Asian wide and full-width
// characters count 2, combining marks and controls 0, the rest 1.
// Input must be valid UTF-8.
std::size_t display_width(std::string_view s);

// `s` cut on a character boundary to at most `width` columns, ending with
// "…" when something was cut.
std::string fit_width(std::string_view s, std::size_t width);

// `s` followed by spaces up to `width` columns (never cut).
std::string pad_to_width(std::string_view s, std::size_t width);

// `s` broken into lines of at most `width` columns, at most `max_lines` of
// them, the last cut with "…" when text remains. Breaks fall between any two
// characters (Chinese has no spaces to break at).
std::vector<std::string> wrap_width(std::string_view s, std::size_t width, std::size_t max_lines);

}  // namespace duban::render
