// duban/version.h: the run-time twins of the version macros, answered from
// the macros this library was compiled with.
#include "duban/version.h"

extern "C" {

int duban_version_number(void) noexcept { return DUBAN_VERSION_NUMBER; }

const char* duban_version_string(void) noexcept { return DUBAN_VERSION; }

void duban_version(int* major, int* minor, int* patch) noexcept {
  if (major != nullptr) *major = DUBAN_VERSION_MAJOR;
  if (minor != nullptr) *minor = DUBAN_VERSION_MINOR;
  if (patch != nullptr) *patch = DUBAN_VERSION_PATCH;
}

}  // extern "C"
