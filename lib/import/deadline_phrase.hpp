// Reading the deadline phrases of FORMATS.md §4 (6月底前, 三季度末, 每月10日前,
// 15个工作日内, 持续推进, 第一季度：…；第二季度：…) into a Deadline.
//
// The reader never guesses: a phrase it cannot pin to a date (按上级要求,
// 年前, 3个月内, a day that does not exist) keeps its text and is reported
// as unclear, and the caller raises a diagnostic.
#pragma once

#include <string>
#include <string_view>

#include "duban/deadline.hpp"

namespace duban::importer {

struct DeadlineReading {
  Deadline deadline;       // text is the phrase as given (spaces repaired)
  bool recognised = false; // something in the phrase was understood
  bool unclear = false;    // part of it could not be pinned down
  std::string why;         // for `unclear`: what was not understood
};

// `year` is the plan year (0 when unknown: relative phrases then stay unclear).
DeadlineReading read_deadline(std::string_view phrase, int year);

// True when the phrase holds anything read_deadline understands: used to
// tell a deadline clause from a unit list inside an annotation.
bool mentions_deadline(std::string_view phrase);

}  // namespace duban::importer
