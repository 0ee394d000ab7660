// Rendering DOT with Graphviz's `dot`, which the tool runs as a separate
// program: the library only writes DOT and never starts a process.
#pragma once

#include <string>
#include <string_view>

namespace duban::tool {

// The SVG `dot -Tsvg` makes of `dot_source`. Throws duban::Error:
// Errc::notfound when `dot` is not on PATH (saying to install Graphviz or
// use --format dot), Errc::error when it fails (with its exit status).
std::string dot_to_svg(std::string_view dot_source);

}  // namespace duban::tool
