// Crossing values over the boundary: text coming in, owned results and
// dates going out.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/common.h"
#include "duban/deadline.hpp"
#include "guard.hpp"

namespace duban::capi {

// Input text as (data, len) or (data, DUBAN_NTS). A NULL `data` is misuse;
// text that is not UTF-8 is Errc::encoding naming `what` and the offset.
// Either way the caller's bytes are not kept: callers copy what they store.
std::string_view text_in(const char* data, std::size_t len, std::string_view what);

// A NUL-terminated input that may be NULL (then `fallback`).
std::string_view optional_text_in(const char* data, std::string_view what, std::string_view fallback);

// Fill an owned result. Each throws std::bad_alloc and then leaves its
// target exactly as it was, so a failed call has nothing half-written.
void fill(duban_buf& buf, std::string_view text);
void fill(duban_strarray& array, const std::vector<std::string>& strings);
void fill(duban_idarray& array, const std::vector<std::int64_t>& ids);

// Borrowed text out: the pointer, with its length through `len_out`.
const char* text_out(const std::string& s, std::size_t* len_out) noexcept;

duban_date date_out(const std::optional<Date>& date) noexcept;

// The value a C caller passed for an enum-typed parameter. C lets any int
// through; loading such a value as the C++ enum type is undefined when it is
// outside the enumerators' range, so the bits are read as an int instead.
template <typename E>
int enum_int(const E& value) noexcept {
  static_assert(std::is_enum_v<E> && sizeof(E) == sizeof(int));
  int v = 0;
  std::memcpy(&v, &value, sizeof v);
  return v;
}

// Options-struct versions: 0 < version <= latest, else Errc::inval.
void check_version(std::uint32_t version, std::uint32_t latest, std::string_view what);

// The body of every duban_*_init(opts, version): `opts` required (named
// `param` in the message), the version checked, then the struct set to
// `defaults` stamped with the caller's version.
template <typename Options>
void init_versioned(Options* opts, std::string_view param, std::uint32_t version, std::uint32_t latest,
                    std::string_view what, const Options& defaults) {
  Options& o = require(opts, param);
  check_version(version, latest, what);
  o = defaults;
  o.version = version;
}

}  // namespace duban::capi
