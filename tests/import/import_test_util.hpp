// Shared helpers of the importer's tests: files under tests/data/import and
// the seeds under the shared folder (DUBAN_SHARED_DIR, overridable by the
// environment variable of the same name).
#pragma once

#include <iconv.h>

#include <cstdlib>
#include <stdexcept>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace duban::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::filesystem::path import_data(const std::string& name) {
  return std::filesystem::path(DUBAN_TEST_DATA) / "import" / name;
}

inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("DUBAN_SHARED_DIR"); env != nullptr && *env != '\0') return env;
  return DUBAN_SHARED_DIR;
}

// UTF-8 → another encoding through glibc's iconv, for encoding tests.
inline std::string convert_to(const std::string& utf8, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert to this encoding");
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv failed");
  out.resize(out.size() - out_left);
  return out;
}

inline std::string to_gb18030(const std::string& utf8) { return convert_to(utf8, "GB18030"); }

}  // namespace duban::test
