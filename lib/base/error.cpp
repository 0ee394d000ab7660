#include "duban/error.hpp"

#include "text/utf8.hpp"

namespace duban {

std::string quote(std::string_view text, std::size_t max_bytes) {
  std::string out = "'";
  if (text.size() <= max_bytes) {
    out += text::valid_prefix(text);
  } else {
    out += text::valid_prefix(text.substr(0, max_bytes));
    out += "…";
  }
  out += "'";
  return out;
}

}  // namespace duban
