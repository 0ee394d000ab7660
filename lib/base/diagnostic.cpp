#include "duban/diagnostic.hpp"

#include <algorithm>

namespace duban {

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string format(const Diagnostic& d, std::string_view source) {
  std::string out;
  // Appends one piece at a time: GCC 12 at -O3 raises a false -Wrestrict
  // on chains of operator+ over temporaries.
  if (!source.empty()) {
    out.append(source);
    if (d.line > 0) out.append(":").append(std::to_string(d.line));
    out.append(": ");
  } else if (d.line > 0) {
    out.append("line ").append(std::to_string(d.line)).append(": ");
  }
  out += to_string(d.severity);
  out += ": ";
  if (!d.where.empty()) {
    out += d.where;
    out += ": ";
  }
  out += d.message;
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace duban
