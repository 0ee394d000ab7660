// Text from plans and reports placed in HTML and inline SVG: a title may
// hold <, & or quotes, and must never become markup.
#pragma once

#include <string>
#include <string_view>

namespace duban::render {

// `text` with &, <, >, " and ' as character references, fit for element
// content and quoted attribute values alike (HTML and SVG). Controls other
// than tab and line feed become spaces, carriage returns are dropped, so
// text pasted from a document cannot leave a stray control in the page.
// Throws Errc::encoding naming `what` when `text` is not UTF-8.
std::string html_escape(std::string_view text, std::string_view what = "text");

}  // namespace duban::render
