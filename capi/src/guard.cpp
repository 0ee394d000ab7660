#include "guard.hpp"

#include <string>

#include "duban/error.hpp"
#include "text/utf8.hpp"

namespace duban::capi {
namespace {

// The core's codes are the C API's codes, so translation is a cast. These
// keep the two enumerations from drifting apart.
static_assert(static_cast<int>(Errc::error) == DUBAN_ERROR);
static_assert(static_cast<int>(Errc::nomem) == DUBAN_ENOMEM);
static_assert(static_cast<int>(Errc::inval) == DUBAN_EINVAL);
static_assert(static_cast<int>(Errc::notfound) == DUBAN_ENOTFOUND);
static_assert(static_cast<int>(Errc::exists) == DUBAN_EEXISTS);
static_assert(static_cast<int>(Errc::encoding) == DUBAN_EENCODING);
static_assert(static_cast<int>(Errc::range) == DUBAN_ERANGE);
static_assert(static_cast<int>(Errc::parse) == DUBAN_EPARSE);
static_assert(static_cast<int>(Errc::io) == DUBAN_EIO);
static_assert(static_cast<int>(Errc::busy) == DUBAN_EBUSY);
static_assert(static_cast<int>(Errc::corrupt) == DUBAN_ECORRUPT);
static_assert(static_cast<int>(Errc::misuse) == DUBAN_EMISUSE);
static_assert(static_cast<int>(Errc::user) == DUBAN_EUSER);
static_assert(static_cast<int>(Errc::perm) == DUBAN_EPERM);
static_assert(static_cast<int>(ErrClass::none) == DUBAN_ERRCLASS_NONE);
static_assert(static_cast<int>(ErrClass::memory) == DUBAN_ERRCLASS_MEMORY);
static_assert(static_cast<int>(ErrClass::argument) == DUBAN_ERRCLASS_ARGUMENT);
static_assert(static_cast<int>(ErrClass::text) == DUBAN_ERRCLASS_TEXT);
static_assert(static_cast<int>(ErrClass::time) == DUBAN_ERRCLASS_TIME);
static_assert(static_cast<int>(ErrClass::graph) == DUBAN_ERRCLASS_GRAPH);
static_assert(static_cast<int>(ErrClass::storage) == DUBAN_ERRCLASS_STORAGE);
static_assert(static_cast<int>(ErrClass::internal) == DUBAN_ERRCLASS_INTERNAL);

// Readers decode messages strictly (Python's 'strict'), so a stray byte
// from a foreign what() must not reach them: each invalid byte becomes U+FFFD.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const std::size_t bad = text::find_invalid_utf8(s);
    if (bad == std::string_view::npos) {
      out += s;
      break;
    }
    out += s.substr(0, bad);
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  return out;
}

}  // namespace

LastError& last_error() noexcept {
  thread_local LastError state;
  return state;
}

int set_error(int code, int klass, std::string_view message, int subcode) noexcept {
  LastError& e = last_error();
  e.code = code;
  e.klass = klass;
  e.subcode = subcode;
  try {
    e.message = valid_utf8(message);
    e.fixed = nullptr;
  } catch (...) {
    e.fixed = "out of memory while recording an error";
  }
  return code;
}

int translate_current_exception(const char* function) noexcept {
  try {
    throw;
  } catch (const Error& e) {
    const int code = static_cast<int>(e.code());
    const int klass = static_cast<int>(e.klass());
    if (e.code() == Errc::misuse) {
      try {
        return set_error(code, klass, std::string(function) + ": " + e.what(), e.subcode());
      } catch (...) {
        return set_error(code, klass, e.what(), e.subcode());
      }
    }
    return set_error(code, klass, e.what(), e.subcode());
  } catch (const std::bad_alloc&) {
    return set_error(DUBAN_ENOMEM, DUBAN_ERRCLASS_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return set_error(DUBAN_ERROR, DUBAN_ERRCLASS_INTERNAL, e.what());
  } catch (...) {
    return set_error(DUBAN_ERROR, DUBAN_ERRCLASS_INTERNAL, "unknown exception");
  }
}

void throw_misuse(std::string_view what) {
  throw Error(Errc::misuse, ErrClass::argument, std::string(what));
}

}  // namespace duban::capi
