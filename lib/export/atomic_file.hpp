// Writing a file whole or not at all: into a fresh temporary file beside the
// target, renamed over it only once everything is written, so a reader (or
// an office system polling the folder) never sees half a 台账.
#pragma once

#include <string>

namespace duban::render {

class TempFile {
 public:
  // Creates an empty, uniquely named file in `target`'s folder. Errc::io
  // naming `target` when the folder is missing or not writable.
  explicit TempFile(std::string target);
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  // Removes the temporary file unless it was committed.
  ~TempFile();

  const std::string& path() const noexcept { return path_; }
  // Renames the temporary file over the target. Errc::io naming the target.
  void commit();

 private:
  std::string target_;
  std::string path_;
  bool committed_ = false;
};

}  // namespace duban::render
