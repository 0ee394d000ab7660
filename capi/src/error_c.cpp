// duban/error.h: reading the thread's last error (kept by guard.cpp).
#include "duban/error.h"

#include "guard.hpp"

using duban::capi::last_error;

extern "C" {

int duban_error_code(void) noexcept { return last_error().code; }

int duban_error_class(void) noexcept { return last_error().klass; }

int duban_error_subcode(void) noexcept { return last_error().subcode; }

const char* duban_error_message(void) noexcept {
  const auto& e = last_error();
  return e.fixed != nullptr ? e.fixed : e.message.c_str();
}

void duban_error_clear(void) noexcept {
  auto& e = last_error();
  e.code = DUBAN_OK;
  e.klass = DUBAN_ERRCLASS_NONE;
  e.subcode = 0;
  e.message.clear();
  e.fixed = nullptr;
}

const char* duban_strerror(int code) noexcept {
  switch (code) {
    case DUBAN_OK: return "no error";
    case DUBAN_DONE: return "iteration finished";
    case DUBAN_ERROR: return "error";
    case DUBAN_ENOMEM: return "out of memory";
    case DUBAN_EINVAL: return "invalid argument";
    case DUBAN_ENOTFOUND: return "not found";
    case DUBAN_EEXISTS: return "already exists";
    case DUBAN_EENCODING: return "input is not valid UTF-8";
    case DUBAN_ERANGE: return "out of range";
    case DUBAN_EPARSE: return "input not understood";
    case DUBAN_EIO: return "input/output error";
    case DUBAN_EBUSY: return "database busy or locked";
    case DUBAN_ECORRUPT: return "stored data is corrupt";
    case DUBAN_EMISUSE: return "API misuse";
    case DUBAN_EUSER: return "aborted by a callback";
    case DUBAN_EPERM: return "refused by a permission rule";
    default: return "unknown status code";
  }
}

}  // extern "C"
