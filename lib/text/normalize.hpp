// Width and space folding for matching text that people typed or that a
// converter broke (区市场监\n管局, （区） vs (区)). Used for keys only:
// text handed back to callers is never folded.
#pragma once

#include <string>
#include <string_view>

namespace duban::text {

// NFKC (full-width → half-width, compatibility forms folded) with every
// whitespace character removed. Input must be valid UTF-8.
std::string fold_for_match(std::string_view s);

// Removes whitespace (ASCII and U+3000) that sits between two CJK
// characters, where a line or page break split a word; keeps it elsewhere.
std::string join_broken_cjk(std::string_view s);

// Trims ASCII whitespace and U+3000 from both ends.
std::string_view trim(std::string_view s) noexcept;

}  // namespace duban::text
