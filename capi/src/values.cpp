#include "values.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "duban/error.hpp"
#include "guard.hpp"
#include "text/utf8.hpp"

namespace duban::capi {

std::string_view text_in(const char* data, std::size_t len, std::string_view what) {
  if (data == nullptr) throw_misuse("'" + std::string(what) + "' is NULL");
  if (len == DUBAN_NTS) len = std::strlen(data);
  const std::string_view s(data, len);
  text::require_utf8(s, what);
  return s;
}

std::string_view optional_text_in(const char* data, std::string_view what, std::string_view fallback) {
  return data == nullptr ? fallback : text_in(data, DUBAN_NTS, what);
}

void fill(duban_buf& buf, std::string_view text) {
  const std::size_t need = text.size() + 1;
  char* p = buf.ptr;
  std::size_t reserved = buf.reserved;
  if (reserved < need) {
    // realloc keeps the old block on failure, which keeps `buf` intact.
    p = static_cast<char*>(std::realloc(reserved > 0 ? buf.ptr : nullptr, need));
    if (p == nullptr) throw std::bad_alloc();
    reserved = need;
  }
  if (!text.empty()) std::memcpy(p, text.data(), text.size());
  p[text.size()] = '\0';
  buf.ptr = p;
  buf.size = text.size();
  buf.reserved = reserved;
}

void fill(duban_strarray& array, const std::vector<std::string>& strings) {
  const std::size_t n = strings.size();
  auto** list = static_cast<char**>(std::calloc(n > 0 ? n : 1, sizeof(char*)));
  if (list == nullptr) throw std::bad_alloc();
  for (std::size_t i = 0; i < n; ++i) {
    list[i] = static_cast<char*>(std::malloc(strings[i].size() + 1));
    if (list[i] == nullptr) {
      for (std::size_t k = 0; k < i; ++k) std::free(list[k]);
      std::free(list);
      throw std::bad_alloc();
    }
    std::memcpy(list[i], strings[i].c_str(), strings[i].size() + 1);
  }
  duban_strarray_dispose(&array);
  array.strings = list;
  array.count = n;
}

void fill(duban_idarray& array, const std::vector<std::int64_t>& ids) {
  const std::size_t n = ids.size();
  auto* list = static_cast<std::int64_t*>(std::malloc((n > 0 ? n : 1) * sizeof(std::int64_t)));
  if (list == nullptr) throw std::bad_alloc();
  if (n > 0) std::memcpy(list, ids.data(), n * sizeof(std::int64_t));
  duban_idarray_dispose(&array);
  array.ids = list;
  array.count = n;
}

const char* text_out(const std::string& s, std::size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = s.size();
  return s.c_str();
}

duban_date date_out(const std::optional<Date>& date) noexcept {
  if (!date || !date->ok()) return {0, 0, 0};
  return {static_cast<std::int32_t>(static_cast<int>(date->year())),
          static_cast<std::int32_t>(static_cast<unsigned>(date->month())),
          static_cast<std::int32_t>(static_cast<unsigned>(date->day()))};
}

void check_version(std::uint32_t version, std::uint32_t latest, std::string_view what) {
  if (version == 0 || version > latest) {
    throw Error(Errc::inval, ErrClass::argument,
                std::string(what) + " version " + std::to_string(version) + " is not supported (this library knows 1.." +
                    std::to_string(latest) + ")");
  }
}

}  // namespace duban::capi
