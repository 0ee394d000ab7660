// duban_status_options as duban::StatusOptions, shared by the modules that
// take light rules: status (duban_db_status, duban_status_evaluate) and
// export (a snapshot's lights).
#pragma once

#include "duban/progress.hpp"
#include "duban/status.h"

namespace duban::capi {

// NULL gives the defaults. Errc::inval for an unknown version or a field
// holding no value of its enum type, naming the field.
StatusOptions status_options_in(const duban_status_options* opts);

}  // namespace duban::capi
