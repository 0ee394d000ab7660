// libFuzzer target for the importer: any bytes, as document text, as CSV and
// as XLSX, must give a result or a duban::Error — never a crash, a hang, an
// out-of-bounds access or another exception type.
//
// Build with clang and -DDUBAN_BUILD_FUZZ=ON (tests/fuzz/CMakeLists.txt), then
//   ./duban_fuzz_import -max_total_time=60 ../../tests/data/import
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "duban/error.hpp"
#include "duban/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  duban::ImportOptions options;
  options.source = "fuzz";
  // The first byte picks the options, so the fuzzer explores them too.
  if (size > 0) {
    options.first_is_lead = (data[0] & 1) != 0;
    options.year = (data[0] & 2) != 0 ? 2024 : 0;
  }
  try {
    const duban::ImportResult r = duban::import_text(bytes, options);
    (void)duban::import_result_json(r);
  } catch (const duban::Error&) {
  }
  try {
    (void)duban::import_result_json(duban::import_table(bytes, duban::TableFormat::csv, options));
  } catch (const duban::Error&) {
  }
  try {
    (void)duban::import_result_json(duban::import_table(bytes, duban::TableFormat::xlsx, options));
  } catch (const duban::Error&) {
  }
  return 0;
}
