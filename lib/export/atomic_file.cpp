#include "export/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "duban/error.hpp"
#include "duban/export.hpp"

namespace duban::render {
namespace {

[[noreturn]] void fail(const std::string& target, const std::string& why) {
  throw Error(Errc::io, ErrClass::storage, "cannot write " + quote(target, 1024) + ": " + why);
}

}  // namespace

TempFile::TempFile(std::string target) : target_(std::move(target)) {
  if (target_.empty()) fail(target_, "no file name given");
  if (std::filesystem::is_directory(target_)) fail(target_, "it is a directory");
  // The same folder as the target, so the rename cannot cross file systems.
  std::string pattern = target_ + ".tmp-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) fail(target_, std::strerror(errno));
  // mkstemp makes the file private (0600); the result should be as readable
  // as the file it replaces, or as a file the user would make.
  struct stat existing {};
  ::fchmod(fd, ::stat(target_.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644);
  ::close(fd);
  path_ = std::move(pattern);
}

TempFile::~TempFile() {
  if (committed_) return;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

void TempFile::commit() {
  std::error_code ec;
  std::filesystem::rename(path_, target_, ec);
  if (ec) fail(target_, ec.message());
  committed_ = true;
}

}  // namespace duban::render

namespace duban {

void write_file_whole(const std::string& path, std::string_view bytes) {
  render::TempFile temp(path);
  {
    std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) render::fail(path, "the data could not be written (disk full?)");
  }
  temp.commit();
}

}  // namespace duban
