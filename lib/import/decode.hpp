// Bytes from outside → UTF-8 text. Offices save plans as UTF-8 (with or
// without a BOM), as GB18030/GBK from older Windows tools, and now and then
// as UTF-16 from Notepad; anything else gets an error that says what was
// expected rather than a page of mojibake.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "duban/diagnostic.hpp"

namespace duban::importer {

enum class SourceEncoding { utf8, utf8_bom, gb18030, utf16le, utf16be };

struct Decoded {
  bool converted = false;
  std::string owned;  // the text when it had to be converted
  std::size_t from = 0, size = 0;  // else the text is this part of the input

  // Valid UTF-8 without BOM; `input` is what was given to decode_text.
  std::string_view text(std::string_view input) const {
    return converted ? std::string_view(owned) : input.substr(from, size);
  }

  SourceEncoding encoding = SourceEncoding::utf8;
  // Bytes of a character cut off at the very end (a truncated file), dropped.
  std::size_t cut = 0;
};

// Throws Errc::encoding naming `source` when the bytes are binary (a .docx,
// .xlsx, .pdf or .doc file), or neither UTF-8 nor GB18030. A character cut
// off at the end (a truncated file) is dropped and counted in `cut`. Line
// endings are left as they are.
Decoded decode_text(std::string_view bytes, std::string_view source);

std::string_view to_string(SourceEncoding encoding) noexcept;

}  // namespace duban::importer
