// A table of words (the annotation labels, the responsibility verbs) indexed
// for scanners that ask at every character of an annotation which words may
// begin there. Every word is ideographs, three bytes each (checked when the
// index is built, at compile time), so the index compares characters as
// integers: a bit per low 12 bits of a code point turns nearly every
// character away, and the words that share a first character are found by
// a binary search, in table order.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>

#include "import/cjk_bytes.hpp"

namespace duban::importer {

template <std::size_t N>
class WordIndex {
 public:
  static constexpr std::size_t kMaxChars = 8;

  // `table` entries have a `word`.
  template <typename T>
  constexpr explicit WordIndex(const std::array<T, N>& table) {
    for (std::size_t n = 0; n < N; ++n) {
      const std::string_view w = table[n].word;
      if (w.empty() || w.size() % 3 != 0 || w.size() / 3 > kMaxChars) throw std::logic_error("word length");
      for (std::size_t b = 0; b < w.size(); b += 3) {
        if (!ideograph_lead(static_cast<unsigned char>(w[b]))) throw std::logic_error("not an ideograph");
        chars_[n][b / 3] = bytes3(w, b);
      }
      length_[n] = static_cast<std::uint8_t>(w.size());
      order_[n] = static_cast<std::uint8_t>(n);
    }
    // Insertion sort by first character: stable, so table order holds inside a group.
    for (std::size_t n = 1; n < N; ++n) {
      for (std::size_t m = n; m > 0 && first(order_[m - 1]) > first(order_[m]); --m) {
        std::swap(order_[m - 1], order_[m]);
      }
    }
    for (std::size_t n = 0; n < N; ++n) {
      const std::uint32_t c = first(order_[n]);
      if (groups_ == 0 || keys_[groups_ - 1] != c) {
        keys_[groups_] = c;
        begin_[groups_++] = static_cast<std::uint8_t>(n);
      }
      filter_[(c >> 8) & 63] |= std::uint64_t{1} << (c & 63);
    }
    begin_[groups_] = static_cast<std::uint8_t>(N);
  }

  // May a word begin at s[i], the lead byte of an ideograph? False for
  // nearly every character that begins none.
  bool may_begin(std::string_view s, std::size_t i) const noexcept {
    if (i + 2 >= s.size()) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    return (filter_[b1 & 63] >> (b2 & 63) & 1) != 0;
  }

  // Indices into the table of the words that begin with the character at
  // s[i], in table order; empty when none does.
  std::span<const std::uint8_t> words_at(std::string_view s, std::size_t i) const noexcept {
    if (!may_begin(s, i)) return {};
    const std::uint32_t c = bytes3(s, i);
    const auto* keys_end = keys_.data() + groups_;
    const auto* it = std::lower_bound(keys_.data(), keys_end, c);
    if (it == keys_end || *it != c) return {};
    const auto g = static_cast<std::size_t>(it - keys_.data());
    return {order_.data() + begin_[g], order_.data() + begin_[g + 1]};
  }

  // How many bytes of word n stand at s[i], whole characters only: its
  // length when the whole word is there.
  std::size_t matching(std::size_t n, std::string_view s, std::size_t i) const noexcept {
    std::size_t m = 0;
    while (m < length_[n] && bytes3(s, i + m) == chars_[n][m / 3]) m += 3;
    return m;
  }

  std::size_t length(std::size_t n) const noexcept { return length_[n]; }

 private:
  constexpr std::uint32_t first(std::size_t n) const noexcept { return chars_[n][0]; }

  std::array<std::array<std::uint32_t, kMaxChars>, N> chars_{};  // each word's characters, as bytes3
  std::array<std::uint8_t, N> length_{};                         // in bytes
  std::array<std::uint8_t, N> order_{};                          // indices by first character
  std::array<std::uint32_t, N> keys_{};                          // the distinct first characters, sorted
  std::array<std::uint8_t, N + 1> begin_{};                      // each key's start in order_
  std::size_t groups_ = 0;
  std::array<std::uint64_t, 64> filter_{};  // by the payloads of a first character's last two bytes
};

}  // namespace duban::importer
