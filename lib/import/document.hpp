// A document's text (UTF-8) → a draft plan: front matter, the outline read
// as sections, categories, tasks and measures, and for each task its title,
// body, annotations, deadline phrases and targets.
#pragma once

#include <string_view>

#include "duban/import.hpp"
#include "import/draft.hpp"

namespace duban::importer {

Draft read_document(std::string_view text, const ImportOptions& options);

}  // namespace duban::importer
