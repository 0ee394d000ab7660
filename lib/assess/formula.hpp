// Formula rules (and veto predicates) through muParser: arithmetic,
// comparisons, min/max/sum/avg and the ternary operator over named inputs.
// muParser has no I/O, no loops and no random numbers, so a formula is a
// pure function of its inputs.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace duban::scoring {

// Every formula may also read `points`, the item's points.
inline constexpr const char* kPointsVariable = "points";

// Empty when `expr` parses and uses only `names` and `points`; otherwise a
// message for a person: the syntax error with its position, or the first
// unknown variable and the names that are declared.
std::string check_formula(const std::string& expr, const std::vector<std::string>& names);

// True for a name muParser accepts as a variable: [A-Za-z_][A-Za-z0-9_]*.
bool valid_variable_name(const std::string& name);

// A compiled expression with its own variable slots. Not thread-safe; one
// per run.
class Formula {
 public:
  Formula(const std::string& expr, const std::vector<std::string>& names);
  ~Formula();
  Formula(const Formula&) = delete;
  Formula& operator=(const Formula&) = delete;

  // `values` in the order of `names`, then the points.
  double eval(std::span<const double> values, double points);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace duban::scoring
