// The status report handle, shared by the report's accessors and its views.
#pragma once

#include <memory>

#include "duban/plan.hpp"
#include "duban/progress.hpp"

struct duban_status {
  std::shared_ptr<const duban::Plan> plan;  // titles, keys and the JSON read it
  duban::StatusReport report;
};
