#include "import/decode.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "duban/error.hpp"
#include "text/utf8.hpp"

namespace duban::importer {
namespace {

[[noreturn]] void fail(std::string_view source, const std::string& message) {
  throw Error(Errc::encoding, ErrClass::text, std::string(source) + ": " + message);
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// 1-based line of byte `offset`, counting LF.
std::size_t line_of(std::string_view bytes, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n';
  return line;
}

// Files that are not text at all: say what they are, so the user knows to
// export the text (or pass the table to import_table).
void reject_binary(std::string_view bytes, std::string_view source) {
  if (bytes.starts_with("PK\x03\x04")) {
    fail(source, "this is a ZIP container (a .docx or .xlsx file?), not plain text: save the document as "
                 "UTF-8 text, or import an .xlsx table as a table");
  }
  if (bytes.starts_with("%PDF")) fail(source, "this is a PDF file, not plain text: extract its text first");
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    fail(source, "this is an old Office file (.doc or .xls), not plain text: save it as UTF-8 text");
  }
  if (bytes.starts_with("{\\rtf")) fail(source, "this is an RTF file, not plain text: save it as UTF-8 text");
}

// NUL bytes never occur in UTF-8 or GB18030 text.
void reject_nul(std::string_view bytes, std::string_view source) {
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    fail(source, "byte " + std::to_string(nul) + " (line " + std::to_string(line_of(bytes, nul)) +
                     ") is a NUL: this is binary data, not text in UTF-8 or GB18030");
  }
}

class Iconv {
 public:
  Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const noexcept { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // Converts all of `in`; on failure returns false and sets `bad` to the
  // offset of the first byte that does not convert.
  bool convert(std::string_view in, std::string& out, std::size_t& bad) {
    out.clear();
    out.resize(in.size() * 2 + 16);
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    std::size_t done = 0;
    while (src_left > 0) {
      char* dst = out.data() + done;
      std::size_t dst_left = out.size() - done;
      const std::size_t rc = iconv(cd_, &src, &src_left, &dst, &dst_left);
      done = out.size() - dst_left;
      if (rc != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      bad = in.size() - src_left;
      return false;
    }
    out.resize(done);
    return true;
  }

 private:
  iconv_t cd_;
};

std::string convert_or_fail(std::string_view in, const char* from, std::string_view source,
                            std::string_view what) {
  Iconv cd("UTF-8", from);
  if (!cd.ok()) fail(source, std::string("this system cannot convert from ") + from);
  std::string out;
  std::size_t bad = 0;
  if (!cd.convert(in, out, bad)) {
    fail(source, std::string(what) + " text is damaged at byte " + std::to_string(bad));
  }
  return out;
}

// The length of an incomplete UTF-8 sequence that ends `s` (a lead byte and
// fewer continuation bytes than it needs), or 0.
std::size_t cut_utf8_tail(std::string_view s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto b = static_cast<unsigned char>(s[s.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    return need > back ? back : 0;
  }
  return 0;
}

}  // namespace

std::string_view to_string(SourceEncoding encoding) noexcept {
  switch (encoding) {
    case SourceEncoding::utf8: return "UTF-8";
    case SourceEncoding::utf8_bom: return "UTF-8 with BOM";
    case SourceEncoding::gb18030: return "GB18030";
    case SourceEncoding::utf16le: return "UTF-16LE";
    case SourceEncoding::utf16be: return "UTF-16BE";
  }
  return "UTF-8";
}

Decoded decode_text(std::string_view input, std::string_view source) {
  std::string_view bytes = input;
  const auto part = [&](std::string_view p, SourceEncoding e, std::size_t cut) {
    Decoded d;
    d.from = static_cast<std::size_t>(p.data() - input.data());
    d.size = p.size();
    d.encoding = e;
    d.cut = cut;
    return d;
  };
  reject_binary(bytes, source);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
    Decoded d;
    d.converted = true;
    d.owned = convert_or_fail(bytes, le ? "UTF-16LE" : "UTF-16BE", source, "UTF-16");
    d.encoding = le ? SourceEncoding::utf16le : SourceEncoding::utf16be;
    text::require_utf8(d.owned, source);
    reject_nul(d.owned, source);
    return d;
  }
  reject_nul(bytes, source);
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    const std::size_t cut = cut_utf8_tail(bytes);
    bytes.remove_suffix(cut);
    const std::size_t bad = text::find_invalid_utf8(bytes);
    if (bad != std::string_view::npos) {
      fail(source, "starts with a UTF-8 byte-order mark but byte " + std::to_string(bad + 3) + " (line " +
                       std::to_string(line_of(bytes, bad)) + ", " +
                       hex_byte(static_cast<unsigned char>(bytes[bad])) + ") is not UTF-8");
    }
    return part(bytes, SourceEncoding::utf8_bom, cut);
  }
  const std::size_t bad = text::find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return part(bytes, SourceEncoding::utf8, 0);
  if (const std::size_t cut = cut_utf8_tail(bytes); cut > 0 && bad == bytes.size() - cut) {
    return part(bytes.substr(0, bad), SourceEncoding::utf8, cut);
  }

  Iconv cd("UTF-8", "GB18030");
  if (!cd.ok()) fail(source, "not UTF-8, and this system cannot convert from GB18030");
  Decoded d;
  d.converted = true;
  d.encoding = SourceEncoding::gb18030;
  std::size_t gb_bad = 0;
  bool ok = cd.convert(bytes, d.owned, gb_bad);
  if (!ok && bytes.size() - gb_bad <= 3) {
    // A two- or four-byte character cut off at the end.
    Iconv again("UTF-8", "GB18030");
    d.cut = bytes.size() - gb_bad;
    ok = again.ok() && again.convert(bytes.substr(0, gb_bad), d.owned, gb_bad);
  }
  if (!ok || !text::is_valid_utf8(d.owned)) {
    fail(source, "the text is neither UTF-8 (byte " + std::to_string(bad) + " on line " +
                     std::to_string(line_of(bytes, bad)) + " is " +
                     hex_byte(static_cast<unsigned char>(bytes[bad])) + ") nor GB18030/GBK (byte " +
                     std::to_string(gb_bad) + " does not convert); save it as UTF-8");
  }
  return d;
}

}  // namespace duban::importer
