// The duban plan file: JSON interchange for a directory and a plan.
//
// The format is documented in docs/plan-format.md and is a public contract.
// Parsing reports what and where: a syntax error gives line and column, a
// wrong field gives its path (plan.sections[1].categories[0].tasks[2].role).
#pragma once

#include <string>
#include <string_view>

#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// Version of the file format written into "duban"; readers accept 1..this.
inline constexpr int plan_file_version = 1;

struct PlanFile {
  Directory directory;  // the file's own units (may be empty)
  Plan plan;            // responsibilities named, not yet resolved
};

// Throws Errc::parse (bad JSON), Errc::encoding (not UTF-8) or Errc::inval
// (a field missing or of the wrong type), each naming `source`.
PlanFile parse_plan_file(std::string_view json, std::string_view source = "plan");
Directory parse_directory(std::string_view json, std::string_view source = "directory");

// Deterministic output: the same plan gives byte-identical text.
std::string to_json(const Plan& plan, const Directory& directory, int indent = 2);
std::string to_json(const Directory& directory, int indent = 2);
// A complete plan file (both parts), readable by parse_plan_file. Only the
// units the plan names (and the members of its groups) are written.
std::string to_plan_file(const Plan& plan, const Directory& directory, int indent = 2);

}  // namespace duban
