#include "assess/number.hpp"

#include <cmath>
#include <cstdio>

namespace duban::scoring {

namespace {

// std::round without the library call for the magnitudes points have.
inline double half_away(double x) noexcept {
  if (x > -4e15 && x < 4e15) return static_cast<double>(static_cast<long long>(x + (x < 0 ? -0.5 : 0.5)));
  return std::round(x);
}

}  // namespace

double round_to(double value, int decimals) noexcept {
  if (value == 0) return 0.0;  // most points lost are none: what the steps below give, without them
  if (!std::isfinite(value)) return value;
  static constexpr double kScale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  const double scale = decimals >= 0 && decimals <= 8 ? kScale[decimals] : std::pow(10.0, decimals);
  const double settled = half_away(value * scale * 1e6) / 1e6;
  const double r = half_away(settled) / scale;
  return r == 0 ? 0.0 : r;  // no negative zero
}

std::string num(double value) {
  const double r = round_to(value, 4);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", r);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace duban::scoring
