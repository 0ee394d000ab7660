// duban/common.h: releasing the owned results the library fills.
#include "duban/common.h"

#include <cstdlib>

extern "C" {

void duban_buf_dispose(duban_buf* buf) noexcept {
  if (buf == nullptr) return;
  if (buf->reserved > 0) std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
  buf->reserved = 0;
}

void duban_strarray_dispose(duban_strarray* array) noexcept {
  if (array == nullptr) return;
  for (std::size_t i = 0; array->strings != nullptr && i < array->count; ++i) std::free(array->strings[i]);
  std::free(array->strings);
  array->strings = nullptr;
  array->count = 0;
}

void duban_idarray_dispose(duban_idarray* array) noexcept {
  if (array == nullptr) return;
  std::free(array->ids);
  array->ids = nullptr;
  array->count = 0;
}

}  // extern "C"
