// Rounding and printing of points: one rule for every number the
// assessment shows, so explanations, text and JSON agree to the digit.
#pragma once

#include <string>

namespace duban::scoring {

// Half away from zero at `decimals` (四舍五入), after first settling the
// binary noise of the product (2.675 is 2.67499999… in binary but an
// assessor means 2.68).
double round_to(double value, int decimals) noexcept;

// At most 4 decimals, no trailing zeros, never "-0": 2.5, 1.9, 10, 0.3333.
std::string num(double value);

}  // namespace duban::scoring
