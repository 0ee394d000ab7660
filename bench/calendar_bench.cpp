// The calendar's per-call cost against the obvious alternative: a plain
// Boost.Date_Time calendar that keeps the same holiday data as lists and
// walks day by day. Spans are over a month (22–60 working days), where the
// day loop has to step through 30–90 days and the tables still do two lookups.
#include <benchmark/benchmark.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <random>
#include <vector>

#include "duban/calendar.hpp"

namespace {

namespace greg = boost::gregorian;
using duban::Date;

greg::date to_boost(Date d) {
  return {static_cast<unsigned short>(static_cast<int>(d.year())),
          static_cast<unsigned short>(static_cast<unsigned>(d.month())),
          static_cast<unsigned short>(static_cast<unsigned>(d.day()))};
}

// The baseline: the same notices, looked up the straightforward way.
class BoostDayLoopCalendar {
 public:
  explicit BoostDayLoopCalendar(const duban::CalendarData& data) {
    for (const auto& y : data.years) {
      for (const auto& h : y.holidays) holidays_.emplace_back(to_boost(h.first), to_boost(h.last) + greg::days(1));
      for (const auto& w : y.workdays) workdays_.push_back(to_boost(w));
    }
  }

  bool is_workday(greg::date d) const {
    for (const auto& w : workdays_) {
      if (w == d) return true;
    }
    for (const auto& h : holidays_) {
      if (h.contains(d)) return false;
    }
    const auto dow = d.day_of_week().as_number();
    return dow != 0 && dow != 6;
  }

  greg::date add_workdays(greg::date d, int n) const {
    while (n > 0) {
      d += greg::days(1);
      if (is_workday(d)) --n;
    }
    return d;
  }

  int workdays_between(greg::date from, greg::date to) const {
    int count = 0;
    for (greg::day_iterator it(from); *it <= to; ++it) count += is_workday(*it) ? 1 : 0;
    return count;
  }

 private:
  std::vector<greg::date_period> holidays_;
  std::vector<greg::date> workdays_;
};

struct Inputs {
  std::vector<Date> dates;      // 2023-01-01 .. 2026-09-30, so every span stays in known years
  std::vector<int> spans;       // 22..60 working days
  std::vector<greg::date> boost_dates;
};

const Inputs& inputs() {
  static const Inputs in = [] {
    Inputs out;
    std::mt19937 rng(20240929);
    const auto first = std::chrono::sys_days{Date{std::chrono::year{2023} / 1 / 1}};
    const auto last = std::chrono::sys_days{Date{std::chrono::year{2026} / 9 / 30}};
    std::uniform_int_distribution<int> day(0, static_cast<int>((last - first).count()));
    std::uniform_int_distribution<int> span(22, 60);
    for (int i = 0; i < 4096; ++i) {
      out.dates.push_back(Date{first + std::chrono::days{day(rng)}});
      out.boost_dates.push_back(to_boost(out.dates.back()));
      out.spans.push_back(span(rng));
    }
    return out;
  }();
  return in;
}

const BoostDayLoopCalendar& baseline() {
  static const BoostDayLoopCalendar cal(duban::builtin_calendar_data());
  return cal;
}

void BM_IsWorkday_Duban(benchmark::State& state) {
  const auto cal = duban::WorkCalendar::builtin();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal->is_workday(in.dates[i]));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_IsWorkday_Duban);

void BM_IsWorkday_BoostBaseline(benchmark::State& state) {
  const auto& cal = baseline();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.is_workday(in.boost_dates[i]));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_IsWorkday_BoostBaseline);

void BM_AddWorkdays_Duban(benchmark::State& state) {
  const auto cal = duban::WorkCalendar::builtin();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal->add_workdays(in.dates[i], in.spans[i]));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_AddWorkdays_Duban);

void BM_AddWorkdays_BoostDayLoop(benchmark::State& state) {
  const auto& cal = baseline();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add_workdays(in.boost_dates[i], in.spans[i]));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_AddWorkdays_BoostDayLoop);

void BM_WorkdaysBetween_Duban(benchmark::State& state) {
  const auto cal = duban::WorkCalendar::builtin();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const Date from = in.dates[i];
    const Date to{std::chrono::sys_days{from} + std::chrono::days{in.spans[i] + 10}};
    benchmark::DoNotOptimize(cal->workdays_between(from, to));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_WorkdaysBetween_Duban);

void BM_WorkdaysBetween_BoostDayLoop(benchmark::State& state) {
  const auto& cal = baseline();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const greg::date from = in.boost_dates[i];
    benchmark::DoNotOptimize(cal.workdays_between(from, from + greg::days(in.spans[i] + 10)));
    i = (i + 1) & 4095;
  }
}
BENCHMARK(BM_WorkdaysBetween_BoostDayLoop);

// Both sides must agree, or the comparison means nothing.
void BM_CheckAgreement(benchmark::State& state) {
  const auto cal = duban::WorkCalendar::builtin();
  const auto& in = inputs();
  for (auto _ : state) {
    for (std::size_t i = 0; i < in.dates.size(); ++i) {
      if (to_boost(cal->add_workdays(in.dates[i], in.spans[i])) != baseline().add_workdays(in.boost_dates[i], in.spans[i]) ||
          cal->is_workday(in.dates[i]) != baseline().is_workday(in.boost_dates[i])) {
        state.SkipWithError("the calendar and the baseline disagree");
        return;
      }
    }
  }
}
BENCHMARK(BM_CheckAgreement)->Iterations(1);

}  // namespace
