// Writing progress reports through the C API alone (duban/report.h), as an
// embedding system does: the reference the Python binding is measured
// against (bench/python_reports_bench.py runs this binary and prints the
// ratios).
//
//  - BM_CapiBatch: --reports=N reports (default 100,000) built with the
//    report builder and written by one duban_db_add_reports call: one
//    transaction.
//  - BM_CapiOneByOne: --single=N reports (default 100,000) each built and
//    written by duban_db_add_report: one transaction each, so the time is
//    mostly the file system's commit.
//
// Both write to a fresh copy of a ledger holding the example plan
// (--plan=FILE, default examples/plans/east-west-2025.json) with 区合作交流办
// as the coordinating office. Report i is the one reports_bench_row(i) in
// python_reports_bench.py describes: the same task, unit, date, percent,
// narrative, indicator, evidence and user. On both sides the reports' data
// is made before the clock starts; the time is that of the API: building
// the report handles (objects in Python), writing them, freeing them.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "duban.h"

namespace {

std::int64_t g_batch = 100'000;
std::int64_t g_single = 100'000;
std::string g_plan = DUBAN_EXAMPLE_PLAN;

// (task id, lead unit) pairs of the example plan: who reports on what.
struct Pair {
  std::int64_t task;
  const char* unit;
};
constexpr Pair kPairs[] = {{4, "区委组织部"}, {5, "区教育局"}, {7, "区财政局"}, {9, "区商务委"}};
constexpr std::size_t kPairCount = sizeof kPairs / sizeof kPairs[0];

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "capi_reports_bench: %s: %s\n", what, duban_error_message());
  std::exit(1);
}

void ok(int rc, const char* what) {
  if (rc < 0) fail(what);
}

std::filesystem::path work_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "duban-capi-reports-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return dir;
}

struct Base {
  std::filesystem::path path;
  std::int64_t plan = 0;
  std::int64_t units[kPairCount] = {};
};

// The ledger every run copies: the example plan and its office.
const Base& base() {
  static const Base b = [] {
    Base out;
    out.path = work_dir() / "base.duban";
    std::ifstream in(g_plan, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string json = text.str();
    if (json.empty()) {
      std::fprintf(stderr, "capi_reports_bench: cannot read %s\n", g_plan.c_str());
      std::exit(1);
    }
    duban_db* db = nullptr;
    ok(duban_db_open(&db, out.path.c_str(), nullptr), "open");
    ok(duban_db_import_plan_json(&out.plan, db, json.data(), json.size(), DUBAN_IF_EXISTS_FAIL), "import");
    duban_directory* dir = nullptr;
    ok(duban_directory_load(&dir, db), "directory");
    std::int64_t office = 0;
    ok(duban_directory_lookup(&office, dir, "区合作交流办", DUBAN_NTS), "lookup");
    for (std::size_t k = 0; k < kPairCount; ++k) {
      ok(duban_directory_lookup(&out.units[k], dir, kPairs[k].unit, DUBAN_NTS), "lookup");
    }
    duban_directory_free(dir);
    ok(duban_db_set_coordinator(nullptr, db, office, 0, nullptr), "coordinator");
    duban_db_free(db);
    return out;
  }();
  return b;
}

duban_db* fresh_copy(const char* name) {
  const auto path = work_dir() / name;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
  std::filesystem::copy_file(base().path, path);
  duban_db* db = nullptr;
  ok(duban_db_open(&db, path.c_str(), nullptr), "open copy");
  return db;
}

// Report i as the caller holds it before calling duban: its data in memory.
struct Row {
  std::int64_t task = 0;
  std::int64_t unit = 0;
  duban_date date{};
  double percent = 0;
  std::string narrative;
  double value = 0;
  std::string evidence;
  std::string user;
};

std::vector<Row> make_rows(std::int64_t n) {
  const Base& b = base();
  std::vector<Row> rows;
  rows.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const std::size_t k = static_cast<std::size_t>(i) % kPairCount;
    rows.push_back(Row{kPairs[k].task, b.units[k],
                       duban_date{2025, static_cast<std::int32_t>(1 + i % 12), static_cast<std::int32_t>(1 + i % 28)},
                       static_cast<double>(i % 100), "进展" + std::to_string(i), static_cast<double>(i % 1000),
                       "f" + std::to_string(i) + ".pdf", "u" + std::to_string(i % 97)});
  }
  return rows;
}

// One report handle built from its row through the C API.
duban_report* build(const Row& row) {
  duban_report* r = nullptr;
  ok(duban_report_new(&r), "new");
  ok(duban_report_set_item(r, base().plan, row.task, nullptr), "item");
  ok(duban_report_set_actor(r, row.unit, row.user.c_str()), "actor");
  ok(duban_report_set_date(r, row.date), "date");
  ok(duban_report_set_percent(r, row.percent), "percent");
  ok(duban_report_set_narrative(r, row.narrative.data(), row.narrative.size()), "narrative");
  ok(duban_report_add_indicator(r, "完成量", row.value, "项"), "indicator");
  ok(duban_report_add_evidence(r, row.evidence.c_str()), "evidence");
  return r;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void verify_intact(benchmark::State& state, duban_db* db, std::int64_t expected_reports) {
  duban_chain_check* check = nullptr;
  ok(duban_db_verify(&check, db), "verify");
  // The base ledger's events (plan, directory, office) come first.
  if (duban_chain_check_finding(check) != DUBAN_CHAIN_INTACT || duban_chain_check_events(check) < expected_reports) {
    state.SkipWithError("the chain does not verify");
  }
  duban_chain_check_free(check);
}

// Writes `rows` into a fresh copy of the base ledger with `write`, timing
// it from rows in memory to reports written: building the handles,
// writing, freeing, all of it what a caller of the C API pays.
template <typename Write>
void run(benchmark::State& state, const char* file, const std::vector<Row>& rows, Write write) {
  double total = 0;
  for (auto _ : state) {
    duban_db* db = fresh_copy(file);
    const auto start = std::chrono::steady_clock::now();
    const bool all = write(db);
    const double took = seconds_since(start);
    total += took;
    state.SetIterationTime(took);
    state.PauseTiming();
    if (!all) state.SkipWithError("not every report was written");
    verify_intact(state, db, static_cast<std::int64_t>(rows.size()));
    duban_db_free(db);
    state.ResumeTiming();
  }
  const auto n = static_cast<double>(rows.size());
  state.counters["reports"] = n;
  // Against the wall-clock time of the calls (a rate counter would divide
  // by CPU time).
  state.counters["us/report"] = total * 1e6 / (n * static_cast<double>(state.iterations()));
}

void BM_CapiBatch(benchmark::State& state) {
  const std::vector<Row> rows = make_rows(g_batch);
  run(state, "batch.duban", rows, [&](duban_db* db) {
    std::vector<duban_report*> reports;
    reports.reserve(rows.size());
    for (const Row& row : rows) reports.push_back(build(row));
    duban_idarray ids = DUBAN_IDARRAY_INIT;
    ok(duban_db_add_reports(&ids, db, reports.data(), reports.size()), "add_reports");
    for (duban_report* r : reports) duban_report_free(r);
    const bool all = ids.count == rows.size();
    duban_idarray_dispose(&ids);
    return all;
  });
}

void BM_CapiOneByOne(benchmark::State& state) {
  const std::vector<Row> rows = make_rows(g_single);
  run(state, "single.duban", rows, [&](duban_db* db) {
    for (const Row& row : rows) {
      duban_report* r = build(row);
      std::int64_t id = 0;
      ok(duban_db_add_report(&id, db, r), "add_report");
      duban_report_free(r);
    }
    return true;
  });
}

}  // namespace

int main(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--reports=")) {
      g_batch = std::atoll(argv[i] + 10);
    } else if (a.starts_with("--single=")) {
      g_single = std::atoll(argv[i] + 9);
    } else if (a.starts_with("--plan=")) {
      g_plan = std::string(a.substr(7));
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (g_batch < 1 || g_single < 0) {
    std::fprintf(stderr, "capi_reports_bench: --reports must be positive, --single not negative\n");
    return 1;
  }
  benchmark::RegisterBenchmark("BM_CapiBatch", BM_CapiBatch)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  if (g_single > 0) {
    benchmark::RegisterBenchmark("BM_CapiOneByOne", BM_CapiOneByOne)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  std::filesystem::remove_all(work_dir(), ec);
  return 0;
}
