#include "assess/json_out.hpp"

#include <cmath>
#include <cstdint>

#include "assess/number.hpp"

namespace duban::scoring {

OJson number_json(double value) {
  const double r = round_to(value, 6);
  if (std::fabs(r) < 1e15 && r == std::floor(r)) return OJson(static_cast<std::int64_t>(r));
  return OJson(r);
}

}  // namespace duban::scoring
