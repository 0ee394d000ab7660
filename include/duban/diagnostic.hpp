// A finding about input or a plan: what, where, and how bad.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duban {

enum class Severity : int { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity) noexcept;

struct Diagnostic {
  Severity severity = Severity::error;
  int line = 0;       // 1-based source line, 0 when there is none
  std::string where;  // e.g. "task 7, responsibilities[2]"
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "file:line: where: message" with empty parts left out.
std::string format(const Diagnostic& d, std::string_view source = {});

bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept;

}  // namespace duban
