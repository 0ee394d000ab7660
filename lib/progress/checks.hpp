// Checks on what callers pass in: facts that cannot be true and rules that
// contradict themselves. Shared by evaluate() and the facts file reader so
// both refuse the same things with the same words.
#pragma once

#include <string_view>

#include "duban/progress.hpp"

namespace duban::progress {

// Throws Errc::inval, ErrClass::argument: "<where>: <what>" (just "<what>"
// when `where` is empty, for callers that add the place only on failure).
void check_facts(const ItemFacts& facts, std::string_view where);
void check_rules(const LightRules& rules);

// "task 3" or "instance '3@2025-03'", for messages.
std::string label(const Subject& subject);

}  // namespace duban::progress
