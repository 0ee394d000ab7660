// Runs the built duban tool and captures what it says.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace duban::test {

struct Outcome {
  int status = -1;  // exit status
  std::string out;
  std::string err;
};

// Runs DUBAN_TOOL with `args` (no shell: arguments pass as they are).
Outcome duban(const std::vector<std::string>& args);

// A fresh empty directory, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace duban::test
