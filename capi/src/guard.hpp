// The C boundary's one exception translator, and the thread's last error.
//
// Every extern "C" entry point is `noexcept` and hands its body to guard():
// nothing thrown inside can cross into C, and every failure leaves the same
// trace — a negative status code plus code/class/subcode/message in
// thread-local state (STYLE.md "Errors").
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>

#include "duban/common.h"
#include "duban/error.hpp"

namespace duban::capi {

// The calling thread's last error (duban/error.h reads it).
struct LastError {
  int code = DUBAN_OK;
  int klass = DUBAN_ERRCLASS_NONE;
  int subcode = 0;
  std::string message;
  // Set instead of `message` when that could not be stored; a literal.
  const char* fixed = nullptr;
};

LastError& last_error() noexcept;

// Records the calling thread's last error and returns `code`. Never throws:
// when the message cannot be copied the code still stands, with a fixed
// message. Invalid UTF-8 in `message` is replaced so readers can decode
// strictly.
int set_error(int code, int klass, std::string_view message, int subcode = 0) noexcept;

// The function's name is kept beside the error so a misuse message can say
// which call was misused ("duban_db_open: 'path' is NULL").
int translate_current_exception(const char* function) noexcept;

// A caller's mistake (a NULL handle, no current row): Errc::misuse.
[[noreturn]] void throw_misuse(std::string_view what);

template <typename T>
T& require(T* p, std::string_view name) {
  if (p == nullptr) throw_misuse("'" + std::string(name) + "' is NULL");
  return *p;
}

// Runs `body`; its result (void means DUBAN_OK) or the translated exception.
template <typename F>
int guard(const char* function, F&& body) noexcept {
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
      body();
      return DUBAN_OK;
    } else {
      return body();
    }
  } catch (...) {
    return translate_current_exception(function);
  }
}

// For constructors: *out is NULL unless `body` (which returns a
// std::unique_ptr<T>) succeeds, so a failed call leaves nothing to free.
template <typename T, typename F>
int guard_new(const char* function, T** out, F&& body) noexcept {
  if (out != nullptr) *out = nullptr;
  return guard(function, [&] {
    require(out, "out");
    std::unique_ptr<T> made = body();
    *out = made.release();
  });
}

// For accessors that return a value rather than a status: `fallback` (a
// neutral value the docs name) when `body` throws.
template <typename R, typename F>
R guard_value(const char* function, R fallback, F&& body) noexcept {
  R result = fallback;
  const int rc = guard(function, [&] { result = body(); });
  return rc < 0 ? fallback : result;
}

}  // namespace duban::capi
