// Eight bytes at a time. The scanners that look at every byte of a document
// (UTF-8 validation, whitespace and character counts) read a 64-bit word and
// test all of its bytes with a few integer operations: most of a plan is
// three-byte CJK characters, with runs of ASCII between them.
//
// The shape tests assume byte p[0] is the lowest byte of the word; callers
// check kLittleEndian and take their byte-at-a-time path otherwise.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace duban::text::words {

inline constexpr bool kLittleEndian = std::endian::native == std::endian::little;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080;

inline std::uint64_t load(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

inline bool all_ascii(std::uint64_t w) noexcept { return (w & kHighBits) == 0; }

// Whether any byte is below `n` (at most 0x80).
inline bool has_byte_below(std::uint64_t w, std::uint8_t n) noexcept {
  return ((w - 0x0101010101010101 * n) & ~w & kHighBits) != 0;
}

// Bytes before the first non-ASCII byte; `w` must hold one.
inline std::size_t ascii_prefix(std::uint64_t w) noexcept {
  return static_cast<std::size_t>(std::countr_zero(w & kHighBits)) / 8;
}

// Bytes 0-2 have the shape of a three-byte sequence: a lead 1110xxxx and two
// continuation bytes 10xxxxxx. E0 and ED leads also need a range check on
// the second byte to be valid; the shape does not include it.
inline bool one_triple(std::uint64_t w) noexcept { return (w & 0xC0C0F0) == 0x8080E0; }

// Bytes 0-5 are two such sequences.
inline bool two_triples(std::uint64_t w) noexcept { return (w & 0xC0C0F0C0C0F0) == 0x8080E08080E0; }

// The low nibble of the lead at byte 0 and at byte 3 (of a two_triples word).
inline unsigned lead_nibble(std::uint64_t w) noexcept { return static_cast<unsigned>(w & 0xF); }
inline unsigned second_lead_nibble(std::uint64_t w) noexcept { return static_cast<unsigned>((w >> 24) & 0xF); }

}  // namespace duban::text::words
