// Quantitative targets in a task's text (FORMATS.md §5): 县均选派2名教师,
// 不低于去年, 增长10%, 控制在3%以内, 提升…采购量.
//
// A target's `text` is the clause that states it (between ，；。), so one
// clause with several quantities (2名教师、2名医生、3个月以上) gives several
// targets that share the text. Numbers inside quotation marks name a method
// (“四带一”, “1名援滇干部…”) and are not targets.
#pragma once

#include <string_view>
#include <vector>

#include "duban/plan.hpp"

namespace duban::importer {

std::vector<Target> find_targets(std::string_view text);
// The same over a title and then a body, as if joined by 。.
std::vector<Target> find_targets(std::string_view title, std::string_view body);

}  // namespace duban::importer
