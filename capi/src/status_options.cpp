// duban_status_options as duban::StatusOptions (status_options.hpp).
#include "status_options.hpp"

#include <string>

#include "duban/calendar.h"
#include "duban/error.hpp"
#include "values.hpp"

namespace duban::capi {
namespace {

[[noreturn]] void bad_value(const char* field, int value, const char* type) {
  throw Error(Errc::inval, ErrClass::argument,
              std::string("duban_status_options.") + field + " " + std::to_string(value) + " is not a " + type +
                  " value");
}

}  // namespace

StatusOptions status_options_in(const duban_status_options* opts) {
  StatusOptions options;
  if (opts == nullptr) return options;
  check_version(opts->version, DUBAN_STATUS_OPTIONS_VERSION, "duban_status_options");
  options.rules.due_soon_workdays = opts->due_soon_workdays;
  options.rules.lag_yellow = opts->lag_yellow;
  options.rules.lag_red = opts->lag_red;
  options.rules.four_colour = opts->four_colour != 0;
  options.rules.approaching_workdays = opts->approaching_workdays;
  if (opts->due_basis != DUBAN_DUE_BASIS_CURRENT && opts->due_basis != DUBAN_DUE_BASIS_ORIGINAL) {
    bad_value("due_basis", opts->due_basis, "duban_due_basis_t");
  }
  options.basis = static_cast<DueBasis>(opts->due_basis);
  if (opts->done_late_light < DUBAN_LIGHT_GREEN || opts->done_late_light > DUBAN_LIGHT_RED) {
    bad_value("done_late_light", opts->done_late_light, "duban_light_t");
  }
  options.rules.done_late = static_cast<Light>(opts->done_late_light);
  options.workday_curve = opts->workday_curve != 0;
  if (opts->shift < DUBAN_ROLL_NONE || opts->shift > DUBAN_ROLL_MODIFIED_PRECEDING) {
    bad_value("shift", opts->shift, "duban_roll_t");
  }
  options.shift = static_cast<Roll>(opts->shift);
  return options;
}

}  // namespace duban::capi
