// duban/assess.h, schemes: duban::Scheme read from TOML or JSON.
#include <memory>
#include <string>

#include "assess_handles.hpp"
#include "guard.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

const duban::Scheme& scheme_of(const duban_scheme* scheme) { return *require(scheme, "scheme").scheme; }

std::unique_ptr<duban_scheme> make_scheme(duban::Scheme scheme) {
  return std::make_unique<duban_scheme>(duban_scheme{std::make_shared<const duban::Scheme>(std::move(scheme))});
}

}  // namespace

extern "C" {

int duban_scheme_parse_toml(duban_scheme** out, const char* text, size_t len, const char* origin) noexcept {
  return guard_new(__func__, out, [&] {
    const auto name = duban::capi::optional_text_in(origin, "origin", "scheme.toml");
    return make_scheme(duban::parse_scheme_toml(duban::capi::text_in(text, len, name), name));
  });
}

int duban_scheme_parse_json(duban_scheme** out, const char* text, size_t len, const char* origin) noexcept {
  return guard_new(__func__, out, [&] {
    const auto name = duban::capi::optional_text_in(origin, "origin", "scheme.json");
    return make_scheme(duban::parse_scheme_json(duban::capi::text_in(text, len, name), name));
  });
}

int duban_scheme_load(duban_scheme** out, const char* path) noexcept {
  return guard_new(__func__, out, [&] {
    return make_scheme(duban::load_scheme(std::string(duban::capi::text_in(path, DUBAN_NTS, "path"))));
  });
}

void duban_scheme_free(duban_scheme* scheme) noexcept { delete scheme; }

const char* duban_scheme_name(const duban_scheme* scheme, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(scheme_of(scheme).name, len_out); });
}

const char* duban_scheme_version(const duban_scheme* scheme, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(scheme_of(scheme).version, len_out); });
}

const char* duban_scheme_origin(const duban_scheme* scheme, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(scheme_of(scheme).origin, len_out); });
}

int duban_scheme_points(double* total_out, double* bonus_cap_out, const duban_scheme* scheme) noexcept {
  if (total_out != nullptr) *total_out = 0;
  if (bonus_cap_out != nullptr) *bonus_cap_out = 0;
  return guard(__func__, [&] {
    const duban::Scheme& s = scheme_of(scheme);
    if (total_out != nullptr) *total_out = s.total;
    if (bonus_cap_out != nullptr) *bonus_cap_out = s.bonus_cap;
  });
}

int duban_scheme_counts(size_t* groups_out, size_t* items_out, const duban_scheme* scheme) noexcept {
  if (groups_out != nullptr) *groups_out = 0;
  if (items_out != nullptr) *items_out = 0;
  return guard(__func__, [&] {
    const duban::Scheme& s = scheme_of(scheme);
    std::size_t items = 0;
    for (const duban::Group& g : s.groups) items += g.items.size();
    if (groups_out != nullptr) *groups_out = s.groups.size();
    if (items_out != nullptr) *items_out = items;
  });
}

int duban_scheme_to_json(duban_buf* out, const duban_scheme* scheme) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    duban::capi::fill(target, duban::to_json(scheme_of(scheme)));
  });
}

}  // extern "C"
