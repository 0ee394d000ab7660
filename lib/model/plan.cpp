#include "duban/plan.hpp"

namespace duban {

int Plan::find_task(std::string_view key) const noexcept {
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace duban
