// duban::Error — the one exception family of the C++ core.
//
// Every failure the core reports is a duban::Error (or std::bad_alloc). The
// code values are the C API's status codes, so the boundary translates
// without a table; the message names the place (file, line, field, unit).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace duban {

// Values equal the C API's DUBAN_E* codes; never renumber.
enum class Errc : int {
  error = -1,
  nomem = -2,
  inval = -3,
  notfound = -4,
  exists = -5,
  encoding = -6,
  range = -7,
  parse = -8,
  io = -9,
  busy = -10,
  corrupt = -11,
  misuse = -12,
  user = -13,
  // A permission rule refuses the actor: "refused: ACTOR may not ACTION: RULE".
  perm = -14,
};

// Values equal the C API's DUBAN_ERRCLASS_* constants.
enum class ErrClass : int {
  none = 0,
  memory = 1,
  argument = 2,
  text = 3,
  time = 4,
  graph = 5,
  storage = 6,
  internal = 7,
};

class Error : public std::runtime_error {
 public:
  Error(Errc code, ErrClass klass, const std::string& message, int subcode = 0)
      : std::runtime_error(message), code_(code), klass_(klass), subcode_(subcode) {}

  Errc code() const noexcept { return code_; }
  ErrClass klass() const noexcept { return klass_; }
  // A detail code from below, e.g. SQLite's extended result code.
  int subcode() const noexcept { return subcode_; }

 private:
  Errc code_;
  ErrClass klass_;
  int subcode_;
};

// Quote user text inside a message: at most `max_bytes`, cut on a UTF-8
// boundary so the message stays valid UTF-8 even when the input is long.
std::string quote(std::string_view text, std::size_t max_bytes = 80);

}  // namespace duban
