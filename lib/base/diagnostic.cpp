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
  if (!source.empty()) {
    out += source;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += ": ";
  } else if (d.line > 0) {
    out += "line " + std::to_string(d.line) + ": ";
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
