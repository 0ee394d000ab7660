// duban/import.h over duban::import_text/import_table/import_document.
#include "duban/import.h"

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "duban/import.hpp"
#include "duban/json.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "plan_handle.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::require;

namespace {

[[noreturn]] void bad_value(const char* field, int value, const char* expected) {
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                     std::string("duban_import_options.") + field + " " + std::to_string(value) + " is not " +
                         expected);
}

// The input bytes as they are: imports take GB18030 and UTF-16 as well as
// UTF-8, and binary workbooks, so no UTF-8 check happens here.
std::string_view bytes_in(const char* bytes, std::size_t len) {
  if (bytes == nullptr) {
    if (len == 0) return {};
    duban::capi::throw_misuse("'bytes' is NULL");
  }
  return len == DUBAN_NTS ? std::string_view(bytes, std::strlen(bytes)) : std::string_view(bytes, len);
}

duban::ImportResult run_import(const char* bytes, std::size_t len, const char* source_name,
                               const duban_directory* base, const duban_import_options* opts) {
  const std::string_view input = bytes_in(bytes, len);
  duban::ImportOptions options;
  options.source = std::string(duban::capi::optional_text_in(source_name, "source name", "document"));
  if (options.source.empty()) options.source = "document";
  if (base != nullptr) options.directory = base->dir.get();
  int format = DUBAN_IMPORT_AUTO;
  if (opts != nullptr) {
    duban::capi::check_version(opts->version, DUBAN_IMPORT_OPTIONS_VERSION, "duban_import_options");
    if (opts->year < 0 || opts->year > 9999) bad_value("year", opts->year, "0 or a year in 1..9999");
    if (opts->first_is_lead != 0 && opts->first_is_lead != 1) bad_value("first_is_lead", opts->first_is_lead, "0 or 1");
    if (opts->format < DUBAN_IMPORT_AUTO || opts->format > DUBAN_IMPORT_XLSX) {
      bad_value("format", opts->format, "a duban_import_format_t value");
    }
    options.year = opts->year;
    options.first_is_lead = opts->first_is_lead == 1;
    format = opts->format;
  }
  switch (format) {
    case DUBAN_IMPORT_TEXT:
      return duban::import_text(input, options);
    case DUBAN_IMPORT_CSV:
      return duban::import_table(input, duban::TableFormat::csv, options);
    case DUBAN_IMPORT_XLSX:
      return duban::import_table(input, duban::TableFormat::xlsx, options);
    default:
      return duban::import_document(input, options.source, options);
  }
}

}  // namespace

extern "C" {

int duban_import_options_init(duban_import_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_IMPORT_OPTIONS_VERSION, "duban_import_options", duban_import_options DUBAN_IMPORT_OPTIONS_INIT);
  });
}

int duban_import(duban_plan** plan_out, duban_buf* diagnostics_json_out, const char* bytes, size_t len,
                 const char* source_name, const duban_directory* base, const duban_import_options* opts) noexcept {
  return guard_new(__func__, plan_out, [&] {
    duban::ImportResult result = run_import(bytes, len, source_name, base, opts);
    const std::string name = source_name != nullptr && *source_name != '\0' ? source_name : "document";
    std::string diagnostics;
    if (diagnostics_json_out != nullptr) {
      diagnostics = duban::capi::render(result.diagnostics, name, DUBAN_FORMAT_JSON);
    }
    // The handle's directory is the file's own: the base plus what the
    // document named, so storing the plan stores its units too.
    auto file = std::make_shared<const duban::PlanFile>(
        duban::PlanFile{std::move(result.directory), std::move(result.plan)});
    auto handle = duban::capi::make_plan(std::move(file), nullptr, 0, name);
    // Filled last: a failure above leaves the caller's buffer as it was.
    if (diagnostics_json_out != nullptr) duban::capi::fill(*diagnostics_json_out, diagnostics);
    return handle;
  });
}

int duban_import_json(duban_buf* out, const char* bytes, size_t len, const char* source_name,
                      const duban_directory* base, const duban_import_options* opts) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::ImportResult result = run_import(bytes, len, source_name, base, opts);
    duban::capi::fill(target, duban::import_result_json(result));
  });
}

}  // extern "C"
