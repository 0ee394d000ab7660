#include "import/chars.hpp"

#include <cstdint>

#include "text/words.hpp"

namespace duban::importer {
namespace {

namespace words = text::words;

// The length decode_at() gives the character at s[i].
inline std::size_t length_at(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t n = s.size() - i;
  if (b0 < 0x80) return 1;
  if ((b0 & 0xE0) == 0xC0) return n >= 2 ? 2 : 1;
  if ((b0 & 0xF0) == 0xE0) return n >= 3 ? 3 : 1;
  if ((b0 & 0xF8) == 0xF0) return n >= 4 ? 4 : 1;
  return 1;
}

// Whether has_space() counts the bytes at s[i] as whitespace. It reads bytes,
// not characters: any control byte, U+00A0, U+2000-U+200B, U+3000, U+FEFF.
inline bool space_at(std::string_view s, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b <= 0x20) return true;
  if (b < 0xC2 || i + 1 >= s.size()) return false;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b == 0xC2 && b1 == 0xA0) return true;
  if (i + 2 >= s.size()) return false;
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  return (b == 0xE2 && b1 == 0x80 && b2 <= 0x8B) || (b == 0xE3 && b1 == 0x80 && b2 == 0x80) ||
         (b == 0xEF && b1 == 0xBB && b2 == 0xBF);
}

// Leads of the three-byte sequences space_at() may accept: E2, E3 and EF,
// as a mask over the lead's low nibble.
constexpr unsigned kSpaceLeadNibbles = (1U << 0x2) | (1U << 0x3) | (1U << 0xF);

// The same for may_begin_space(), which also counts the overlong E0 forms.
constexpr unsigned kMayBeginSpaceNibbles = kSpaceLeadNibbles | (1U << 0x0);

// The first character at or after s[i] (a character boundary) that is
// whitespace, or s.size(); `last` gets the start of the character before it
// when there is one. Pairs of CJK characters are passed a word at a time.
std::size_t next_space(std::string_view s, std::size_t i, std::size_t& last) noexcept {
  while (i < s.size()) {
    if constexpr (words::kLittleEndian) {
      if (s.size() - i >= 8) {
        const std::uint64_t w = words::load(s.data() + i);
        if (words::two_triples(w) && ((kMayBeginSpaceNibbles >> words::lead_nibble(w)) & 1) == 0 &&
            ((kMayBeginSpaceNibbles >> words::second_lead_nibble(w)) & 1) == 0) {
          last = i + 3;
          i += 6;
          continue;
        }
      }
    }
    std::size_t len = 1;
    if (may_begin_space(s[i])) {
      if (is_space(decode_at(s, i, len))) return i;
    } else {
      len = length_at(s, i);
    }
    last = i;
    i += len;
  }
  return i;
}

}  // namespace

void append_utf8(std::string& out, std::u32string_view s) {
  char buf[64];
  std::size_t n = 0;
  for (char32_t c : s) {
    if (n > sizeof buf - 4) {
      out.append(buf, n);
      n = 0;
    }
    n += encode_utf8(c, buf + n);
  }
  out.append(buf, n);
}

// By bytes: most names and labels have no whitespace and skip the repair.
// Words of two CJK characters are passed whole unless a lead is E2, E3 or
// EF; their continuation bytes can never start whitespace.
bool has_space(std::string_view s) noexcept {
  std::size_t i = 0;
  if constexpr (words::kLittleEndian) {
    while (s.size() - i >= 8) {
      const std::uint64_t w = words::load(s.data() + i);
      if (words::two_triples(w)) {
        if (((kSpaceLeadNibbles >> words::lead_nibble(w)) & 1) != 0 && space_at(s, i)) return true;
        if (((kSpaceLeadNibbles >> words::second_lead_nibble(w)) & 1) != 0 && space_at(s, i + 3)) return true;
        i += 6;
      } else if (words::one_triple(w)) {
        if (((kSpaceLeadNibbles >> words::lead_nibble(w)) & 1) != 0 && space_at(s, i)) return true;
        i += 3;
      } else if (words::all_ascii(w)) {
        if (words::has_byte_below(w, 0x21)) return true;
        i += 8;
      } else {
        if (space_at(s, i)) return true;
        ++i;
      }
    }
  }
  for (; i < s.size(); ++i) {
    if (space_at(s, i)) return true;
  }
  return false;
}

std::string repair_spaces(std::string_view s) {
  if (!has_space(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  char32_t last = 0;  // last non-space code point written
  std::size_t i = 0;
  while (i < s.size()) {
    // A run of non-space characters, copied at once.
    const std::size_t run = i;
    std::size_t last_start = i;
    i = next_space(s, i, last_start);
    if (i > run) {
      out.append(s.data() + run, i - run);
      std::size_t len = 1;
      last = decode_at(s, last_start, len);
    }
    if (i >= s.size()) break;
    while (i < s.size()) {
      std::size_t len = 1;
      if (!is_space(decode_at(s, i, len))) break;
      i += len;
    }
    if (last == 0 || i >= s.size()) continue;  // leading or trailing run
    std::size_t next_len = 1;
    const char32_t next = decode_at(s, i, next_len);
    if (!(is_cjk(last) || is_cjk(next))) out += ' ';
  }
  return out;
}

std::string_view trim_spaces(std::string_view s) noexcept {
  while (!s.empty() && may_begin_space(s.front())) {
    std::size_t len = 1;
    if (!is_space(decode_at(s, 0, len))) break;
    s.remove_prefix(len);
  }
  while (!s.empty() && may_end_space(s.back())) {
    std::size_t len = 1;
    if (!is_space(decode_before(s, s.size(), len))) break;
    s.remove_suffix(len);
  }
  return s;
}

std::string_view trim_trailing(std::string_view s, std::u32string_view chars) noexcept {
  while (!s.empty()) {
    std::size_t len = 1;
    const char32_t cp = decode_before(s, s.size(), len);
    if (!is_space(cp) && chars.find(cp) == std::u32string_view::npos) break;
    s.remove_suffix(len);
  }
  return s;
}

// Characters are the bytes that are not continuation bytes (10xxxxxx),
// tallied eight at a time in per-byte counters.
std::size_t char_count(std::string_view s) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FF;
  std::size_t continuation = 0;
  std::size_t i = 0;
  while (s.size() - i >= 8) {
    // At most 255 words a round, so no byte counter overflows.
    std::size_t round = (s.size() - i) / 8;
    if (round > 255) round = 255;
    std::uint64_t tally = 0;
    for (; round > 0; --round, i += 8) {
      const std::uint64_t w = words::load(s.data() + i);
      tally += ((w & ~(w << 1)) >> 7) & kOnes;  // bit 7 set and bit 6 clear
    }
    tally = (tally & kEvenBytes) + ((tally >> 8) & kEvenBytes);  // four 16-bit counters
    continuation += static_cast<std::size_t>((tally * 0x0001000100010001) >> 48);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

bool continues_loose(std::string_view s, std::string_view word, std::size_t& consumed) noexcept {
  std::size_t i = 0;
  std::size_t w = 0;
  while (w < word.size()) {
    if (i >= s.size()) return false;
    std::size_t len = 1;
    if (!may_begin_space(s[i])) {
      len = length_at(s, i);
    } else if (is_space(decode_at(s, i, len)) && w > 0) {
      i += len;
      continue;
    }
    if (word.size() - w < len) return false;
    for (std::size_t k = 0; k < len; ++k) {
      if (s[i + k] != word[w + k]) return false;
    }
    i += len;
    w += len;
  }
  consumed = i;
  return true;
}

}  // namespace duban::importer
