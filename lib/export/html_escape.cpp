#include "export/html_escape.hpp"

#include "text/utf8.hpp"

namespace duban::render {

std::string html_escape(std::string_view text, std::string_view what) {
  text::require_utf8(text, what);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': break;
      case '\t':
      case '\n': out += c; break;
      default:
        // DEL and C0 controls are parse errors in HTML and invalid in SVG (XML).
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
  }
  return out;
}

}  // namespace duban::render
