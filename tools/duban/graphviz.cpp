#include "graphviz.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "duban/error.hpp"

extern char** environ;

namespace duban::tool {
namespace {

constexpr const char* kMissing =
    "--format svg needs Graphviz's `dot` program, which is not on PATH: install Graphviz (Debian: apt install "
    "graphviz), or write the graph with --format dot and render it elsewhere (dot -Tsvg FILE.dot -o FILE.svg)";

[[noreturn]] void fail(const std::string& why) { throw Error(Errc::error, ErrClass::internal, "dot -Tsvg: " + why); }

// Closes a descriptor once, on every path.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

void make_pipe(Fd& read_end, Fd& write_end) {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) fail(std::strerror(errno));
  read_end.fd = fds[0];
  write_end.fd = fds[1];
}

}  // namespace

std::string dot_to_svg(std::string_view dot_source) {
  Fd in_read, in_write, out_read, out_write;
  make_pipe(in_read, in_write);
  make_pipe(out_read, out_write);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_read.fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, STDOUT_FILENO);
  std::array<char*, 3> argv{const_cast<char*>("dot"), const_cast<char*>("-Tsvg"), nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) throw Error(Errc::notfound, ErrClass::argument, kMissing);
  if (spawned != 0) fail(std::strerror(spawned));
  in_read.reset();
  out_write.reset();

  // dot reads the whole graph before it writes anything, so writing all of
  // it first and then reading cannot deadlock. A dot that exits early must
  // not kill the tool with SIGPIPE.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  bool written = true;
  for (std::size_t at = 0; at < dot_source.size();) {
    const ssize_t n = ::write(in_write.fd, dot_source.data() + at, dot_source.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      written = false;
      break;
    }
    at += static_cast<std::size_t>(n);
  }
  in_write.reset();
  std::string svg;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(out_read.fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    svg.append(buffer.data(), static_cast<std::size_t>(n));
  }
  std::signal(SIGPIPE, previous);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status)) fail("killed by signal " + std::to_string(WTERMSIG(status)));
  // posix_spawnp reports a missing program as exit status 127 on some C libraries.
  if (WEXITSTATUS(status) == 127 && svg.empty()) throw Error(Errc::notfound, ErrClass::argument, kMissing);
  if (WEXITSTATUS(status) != 0) {
    fail("exited with status " + std::to_string(WEXITSTATUS(status)) + " (see its message above)");
  }
  if (!written || svg.empty()) fail("wrote no SVG");
  return svg;
}

}  // namespace duban::tool
