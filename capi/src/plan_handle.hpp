// Making plan handles, shared by the plan, db and graph modules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "duban/common.h"
#include "duban/diagnostic.hpp"
#include "handles.hpp"

namespace duban::capi {

// A plan handle over `source`, its responsibilities resolved against
// `directory` (the file's own when null).
std::unique_ptr<duban_plan> make_plan(std::shared_ptr<const PlanFile> source,
                                      std::shared_ptr<const Directory> directory, std::int64_t id,
                                      std::string source_name);

// Findings as text (one per line) or a JSON array, by the duban_format_t
// value `format`; Errc::inval for another.
std::string render(const std::vector<Diagnostic>& diagnostics, std::string_view source, int format);

}  // namespace duban::capi
