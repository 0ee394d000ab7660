// Status of a million obligation instances as of a date, beside a loop that
// only reads the same instances (their id, period and due date). The aim is
// at most 3× the read: the rules are a few comparisons and one O(1)
// working-day count per instance, so the cost should be mostly memory.
//
// The instances are monthly reports of 21,277 obligations over the 47 months
// 2023-01..2026-11 (due on days 1..28, shifted onto working days), evaluated
// as of 2025-06-30: about half are overdue, a few due soon, the rest ahead.
// The second status run also has facts for one instance in ten (done on
// time or late), looked up by id as the ledger will supply them.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "duban/progress.hpp"

namespace {

using duban::Date;

constexpr int kObligations = 21277;  // × 47 months ≈ 1,000,000 instances

struct Inputs {
  std::vector<duban::Subject> subjects;
  duban::ProgressFacts facts;  // one instance in ten
};

Inputs& inputs() {
  static Inputs in = [] {
    Inputs out;
    const auto& calendar = *duban::WorkCalendar::builtin();
    const Date first = std::chrono::year{2023} / 1 / 1;
    const Date last = std::chrono::year{2026} / 11 / 30;
    // One expansion per due day, then one id per obligation: what expand()
    // would give each obligation, without a million calls at set-up.
    std::vector<std::vector<duban::Occurrence>> by_day(28);
    for (int day = 1; day <= 28; ++day) {
      duban::Recurrence r;
      r.every = duban::Every::month;
      r.day = day;
      by_day[static_cast<std::size_t>(day - 1)] = duban::expand(r, "x", first, last, calendar);
    }
    out.subjects.reserve(static_cast<std::size_t>(kObligations) * by_day[0].size());
    std::size_t n = 0;
    for (int k = 0; k < kObligations; ++k) {
      const std::string key = "O" + std::to_string(k);
      for (const duban::Occurrence& o : by_day[static_cast<std::size_t>(k % 28)]) {
        duban::Subject s;
        s.task = k + 1;
        s.instance = key + "@" + o.period;
        s.period = o.period;
        s.due = duban::Due{o.nominal, o.due};
        if (n++ % 10 == 0) {
          duban::ItemFacts f;
          // Done two days before or three days after the due date.
          const int shift = n % 20 == 1 ? -2 : 3;
          f.done = Date{std::chrono::sys_days{o.due} + std::chrono::days{shift}};
          out.facts.instances.emplace(s.instance, std::move(f));
        }
        out.subjects.push_back(std::move(s));
      }
    }
    return out;
  }();
  return in;
}

const Date kAsOf = std::chrono::year{2025} / 6 / 30;

void BM_ReadInstances(benchmark::State& state) {
  const auto& subjects = inputs().subjects;
  for (auto _ : state) {
    std::size_t sum = 0;
    for (const duban::Subject& s : subjects) {
      sum += s.instance.size() + static_cast<unsigned char>(s.instance[0]) + s.period.size();
      if (s.due && s.due->effective < kAsOf) ++sum;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(subjects.size()));
}
BENCHMARK(BM_ReadInstances)->Unit(benchmark::kMillisecond);

void status_of(benchmark::State& state, const duban::ProgressFacts& facts) {
  const auto& calendar = *duban::WorkCalendar::builtin();
  // The report is refreshed in place, as a dashboard would: evaluate()
  // takes the subjects out of it and puts them back with the new statuses.
  duban::StatusReport report;
  report.subjects = std::move(inputs().subjects);
  for (auto _ : state) {
    duban::evaluate(report, std::move(report.subjects), calendar, kAsOf, facts);
    benchmark::DoNotOptimize(report.items.data());
  }
  state.counters["red"] = static_cast<double>(report.counts().red);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(report.items.size()));
  inputs().subjects = std::move(report.subjects);
}

void BM_StatusOfInstances(benchmark::State& state) { status_of(state, {}); }
BENCHMARK(BM_StatusOfInstances)->Unit(benchmark::kMillisecond);

void BM_StatusOfInstancesWithFacts(benchmark::State& state) { status_of(state, inputs().facts); }
BENCHMARK(BM_StatusOfInstancesWithFacts)->Unit(benchmark::kMillisecond);

}  // namespace
