// The ranking cursor (duban/assess.h): an assessment's units best first,
// the rows copied so the cursor outlives the result it came from.
#include <memory>
#include <string>

#include "assess_handles.hpp"
#include "guard.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

struct RankRow {
  std::int64_t unit = 0;
  std::string name;
  int rank = 0;
  double total = 0;
  std::string grade;
};

}  // namespace

struct duban_ranking_cursor {
  duban::capi::Rows<RankRow> rows;
};

namespace {

const RankRow& current(const duban_ranking_cursor* cursor) {
  const RankRow* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

}  // namespace

extern "C" {

int duban_ranking_cursor_new(duban_ranking_cursor** out, const duban_assessment* result) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Assessment& r = require(result, "result").result;
    auto cursor = std::make_unique<duban_ranking_cursor>();
    cursor->rows.rows.reserve(r.ranking.size());
    for (std::size_t i : r.ranking) {
      const duban::UnitScore& u = r.units.at(i);
      cursor->rows.rows.push_back(RankRow{u.unit, u.name, u.rank, u.total, u.grade});
    }
    return cursor;
  });
}

int duban_ranking_cursor_next(duban_ranking_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_ranking_cursor_count(const duban_ranking_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_ranking_cursor_unit(const duban_ranking_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).unit; });
}

const char* duban_ranking_cursor_name(const duban_ranking_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).name, len_out); });
}

int duban_ranking_cursor_rank(const duban_ranking_cursor* cursor) noexcept {
  return guard(__func__, [&] { return current(cursor).rank; });
}

int duban_ranking_cursor_score(double* out, const duban_ranking_cursor* cursor) noexcept {
  if (out != nullptr) *out = 0;
  return guard(__func__, [&] { require(out, "out") = current(cursor).total; });
}

const char* duban_ranking_cursor_grade(const duban_ranking_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).grade, len_out); });
}

void duban_ranking_cursor_free(duban_ranking_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
