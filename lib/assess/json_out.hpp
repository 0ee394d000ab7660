// Building deterministic JSON: members in the order written, and numbers
// that print the same way every time (whole numbers without ".0").
#pragma once

#include <nlohmann/json.hpp>

namespace duban::scoring {

using OJson = nlohmann::ordered_json;

// A whole number as an integer, anything else as a double rounded to 6
// decimals (so binary noise never reaches the text).
OJson number_json(double value);

}  // namespace duban::scoring
