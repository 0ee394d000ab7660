// The progress ledger under load.
//
// Ingest: 1,000,000 reports (each with one indicator value and one evidence
// reference) written by Ledger::add_reports in one batch, with the
// permission checks and the SM3 audit chain on, beside a baseline in the
// same binary: bare SQLite prepared INSERTs of the same rows into the same
// tables (same indexes) of the same file, in one transaction. The aim is at
// least half the baseline's rate; the ratio is printed at the end.
//
// State: rebuilding every item of a 100,000-task plan as of a past date
// (Ledger::states) from 500,000 reports with corrections, closures and
// extensions: the time cold (a fresh Ledger, so loading the plan and its
// graph is included) and warm, and the peak resident memory of a fresh
// process doing it once.
//
// Sizes: --reports=N and --tasks=N (the smoke test runs small ones).
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "duban/ledger.hpp"

extern char** environ;

namespace {

using namespace duban;

std::int64_t g_reports = 1'000'000;
std::int64_t g_tasks = 100'000;
constexpr int kUnits = 50;
double g_ledger_rate = 0;
double g_baseline_rate = 0;

// kTransient is an old-style cast in a macro; this is the same value.
const sqlite3_destructor_type kTransient = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

Date ymd(int y, int m, int d) {
  return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
}

std::filesystem::path work_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "duban-ledger-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return dir;
}

void remove_ledger(const std::filesystem::path& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
}

// 50 departments and a group of ten of them; `tasks` tasks, each led by one
// unit and supported by another (every tenth also by the group), due over
// 2025.
UnitId lead_of(std::int64_t task) { return 1 + (task % kUnits); }

std::filesystem::path base_ledger(std::int64_t tasks) {
  const auto path = work_dir() / ("base-" + std::to_string(tasks) + ".duban");
  if (std::filesystem::exists(path)) return path;
  Directory directory;
  for (int u = 1; u <= kUnits; ++u)
    directory.add({u, "区第" + std::to_string(u) + "局", {}, UnitKind::department, {}, {}});
  std::vector<UnitId> members;
  for (int u = 1; u <= 10; ++u) members.push_back(u);
  directory.add({kUnits + 1, "领导小组成员单位", {}, UnitKind::group, members, {}});
  Plan plan;
  plan.title = "压力测试工作要点";
  plan.year = 2025;
  plan.issued = ymd(2025, 1, 10);
  plan.tasks.reserve(static_cast<std::size_t>(tasks));
  for (std::int64_t i = 1; i <= tasks; ++i) {
    Task t;
    t.key = "t" + std::to_string(i);
    t.number = std::to_string(i);
    t.title = "任务" + std::to_string(i);
    Responsibility lead;
    lead.unit = lead_of(i);
    lead.name = directory.at(lead.unit).name;
    lead.role = Role::lead;
    lead.position = 1;
    Responsibility support = lead;
    support.unit = 1 + ((i + 7) % kUnits);
    support.name = directory.at(support.unit).name;
    support.role = Role::support;
    support.position = 2;
    t.responsibilities = {lead, support};
    if (i % 10 == 0) {
      Responsibility group = support;
      group.unit = kUnits + 1;
      group.name = "领导小组成员单位";
      group.collective = true;
      group.position = 3;
      t.responsibilities.push_back(group);
    }
    t.deadline.due = ymd(2025, static_cast<int>(1 + i % 12), 28);
    plan.tasks.push_back(std::move(t));
  }
  auto ledger = Ledger::open(path.string());
  ledger.save_directory(directory);
  ledger.save_plan(plan);
  ledger.set_coordinator(1);
  return path;
}

std::filesystem::path fresh_copy(const std::filesystem::path& base, const char* name) {
  const auto path = work_dir() / name;
  remove_ledger(path);
  std::filesystem::copy_file(base, path);
  return path;
}

// Report i of n: on task (i mod tasks) + 1, by its lead, dated through
// 2025, one indicator and one evidence reference.
Report nth_report(std::int64_t i, std::int64_t tasks) {
  Report r;
  r.item = ItemRef{1, 1 + i % tasks, {}};
  r.actor = Actor{lead_of(r.item.task), "u" + std::to_string(i % 97)};
  r.date = ymd(2025, static_cast<int>(1 + (i / tasks) % 12), static_cast<int>(1 + i % 28));
  r.status = ReportStatus::in_progress;
  r.percent = static_cast<double>(i % 100);
  r.narrative = "进展" + std::to_string(i);
  r.indicators = {{"完成量", static_cast<double>(i % 1000), "项"}};
  r.evidence = {"f" + std::to_string(i) + ".pdf"};
  return r;
}

std::vector<Report> make_reports(std::int64_t n, std::int64_t tasks) {
  std::vector<Report> out;
  out.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out.push_back(nth_report(i, tasks));
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BM_IngestLedger(benchmark::State& state) {
  const auto base = base_ledger(g_tasks);
  const auto reports = make_reports(g_reports, g_tasks);
  double total = 0;
  for (auto _ : state) {
    const auto path = fresh_copy(base, "ingest.duban");
    auto ledger = Ledger::open(path.string());
    const auto start = std::chrono::steady_clock::now();
    const auto ids = ledger.add_reports(reports);
    const double took = seconds_since(start);
    total += took;
    state.SetIterationTime(took);
    benchmark::DoNotOptimize(ids.data());
    state.PauseTiming();
    if (state.thread_index() == 0 && !ledger.verify().intact()) state.SkipWithError("the chain does not verify");
    state.ResumeTiming();
  }
  state.counters["reports"] = static_cast<double>(g_reports);
  // Against the wall-clock time of the writes alone (a kIsRate counter
  // would divide by CPU time).
  state.counters["reports/s"] = static_cast<double>(g_reports) * static_cast<double>(state.iterations()) / total;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "baseline: %s: %s\n", what, sqlite3_errmsg(db));
    std::abort();
  }
}

// The same rows the ledger writes for the same reports (with fixed hashes
// and a fixed timestamp), through three prepared INSERTs in one transaction.
void BM_IngestBaseline(benchmark::State& state) {
  const auto base = base_ledger(g_tasks);
  const auto reports = make_reports(g_reports, g_tasks);
  const unsigned char digest[32] = {1, 2, 3};
  double total = 0;
  for (auto _ : state) {
    const auto path = fresh_copy(base, "baseline.duban");
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    sqlite3_stmt* event = nullptr;
    sqlite3_stmt* value = nullptr;
    sqlite3_stmt* evidence = nullptr;
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO events (seq, kind, plan_id, task, task_key, instance, unit_id, user, date, "
                             "recorded, status, percent, text, ref, until, due, target, prev, hash) VALUES (?1, 1, ?2, "
                             "?3, ?4, '', ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, NULL, NULL, NULL, ?12, ?13)",
                             -1, &event, nullptr),
          db, "prepare");
    check(sqlite3_prepare_v2(
              db, "INSERT INTO event_values (event, position, metric, value, unit) VALUES (?1, 1, ?2, ?3, ?4)", -1,
              &value, nullptr),
          db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO event_evidence (event, position, ref) VALUES (?1, 1, ?2)", -1, &evidence,
                             nullptr),
          db, "prepare");
    const std::string recorded = "2025-11-29T08:30:00.000Z";
    const auto start = std::chrono::steady_clock::now();
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
    std::int64_t seq = 100;
    for (const Report& r : reports) {
      ++seq;
      const std::string key = "t" + std::to_string(r.item.task);
      const std::string date = format_date(r.date);
      sqlite3_bind_int64(event, 1, seq);
      sqlite3_bind_int64(event, 2, r.item.plan);
      sqlite3_bind_int64(event, 3, r.item.task);
      sqlite3_bind_text(event, 4, key.data(), static_cast<int>(key.size()), kTransient);
      sqlite3_bind_int64(event, 5, r.actor.unit);
      sqlite3_bind_text(event, 6, r.actor.user.data(), static_cast<int>(r.actor.user.size()), kTransient);
      sqlite3_bind_text(event, 7, date.data(), static_cast<int>(date.size()), kTransient);
      sqlite3_bind_text(event, 8, recorded.data(), static_cast<int>(recorded.size()), kTransient);
      sqlite3_bind_int(event, 9, static_cast<int>(r.status));
      sqlite3_bind_double(event, 10, *r.percent);
      sqlite3_bind_text(event, 11, r.narrative.data(), static_cast<int>(r.narrative.size()), kTransient);
      sqlite3_bind_blob(event, 12, digest, 32, kTransient);
      sqlite3_bind_blob(event, 13, digest, 32, kTransient);
      check(sqlite3_step(event), db, "insert event");
      sqlite3_reset(event);
      const Indicator& v = r.indicators.front();
      sqlite3_bind_int64(value, 1, seq);
      sqlite3_bind_text(value, 2, v.metric.data(), static_cast<int>(v.metric.size()), kTransient);
      sqlite3_bind_double(value, 3, v.value);
      sqlite3_bind_text(value, 4, v.unit.data(), static_cast<int>(v.unit.size()), kTransient);
      check(sqlite3_step(value), db, "insert value");
      sqlite3_reset(value);
      const std::string& ref = r.evidence.front();
      sqlite3_bind_int64(evidence, 1, seq);
      sqlite3_bind_text(evidence, 2, ref.data(), static_cast<int>(ref.size()), kTransient);
      check(sqlite3_step(evidence), db, "insert evidence");
      sqlite3_reset(evidence);
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    const double took = seconds_since(start);
    total += took;
    state.SetIterationTime(took);
    sqlite3_finalize(event);
    sqlite3_finalize(value);
    sqlite3_finalize(evidence);
    sqlite3_close(db);
  }
  state.counters["reports"] = static_cast<double>(g_reports);
  // Against the wall-clock time of the writes alone (a kIsRate counter
  // would divide by CPU time).
  state.counters["reports/s"] = static_cast<double>(g_reports) * static_cast<double>(state.iterations()) / total;
}

// Remembers the best rate of each ingest run for the ratio printed at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred || run.iterations == 0) continue;
      const double rate =
          static_cast<double>(g_reports) * static_cast<double>(run.iterations) / run.real_accumulated_time;
      const std::string name = run.benchmark_name();
      if (name.find("BM_IngestLedger") == 0) g_ledger_rate = std::max(g_ledger_rate, rate);
      if (name.find("BM_IngestBaseline") == 0) g_baseline_rate = std::max(g_baseline_rate, rate);
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

// A history for the state benchmark: five monthly reports per task, a
// correction for every tenth task, closures (one in twenty returned
// first) and extensions for every fiftieth.
std::filesystem::path history_ledger() {
  const auto path = work_dir() / ("history-" + std::to_string(g_tasks) + ".duban");
  if (std::filesystem::exists(path)) return path;
  const auto tmp = fresh_copy(base_ledger(g_tasks), "history-building.duban");
  {
    auto ledger = Ledger::open(tmp.string());
    std::vector<Report> reports;
    reports.reserve(static_cast<std::size_t>(g_tasks) * 5);
    for (std::int64_t k = 0; k < 5; ++k) {
      for (std::int64_t t = 0; t < g_tasks; ++t) {
        Report r = nth_report(t, g_tasks);
        r.date = ymd(2025, static_cast<int>(2 + k * 2), 15);
        r.percent = static_cast<double>(20 * (k + 1));
        r.status = k == 4 ? ReportStatus::done : ReportStatus::in_progress;
        reports.push_back(std::move(r));
      }
    }
    const auto ids = ledger.add_reports(reports);
    std::vector<Report> fixes;
    for (std::int64_t t = 0; t < g_tasks; t += 10) {
      Report fix = reports[static_cast<std::size_t>(t)];
      fix.supersedes = ids[static_cast<std::size_t>(t)];
      fix.date = ymd(2025, 3, 1);
      fix.percent = 25;
      fixes.push_back(std::move(fix));
    }
    ledger.add_reports(fixes);
    for (std::int64_t t = 1; t <= g_tasks; t += 50) {
      const ItemRef item{1, t, {}};
      const Actor lead{lead_of(t), {}};
      const Actor office{1, {}};
      const Date due = *ledger.state(item).current_due;
      const Date asked = ymd(2025, 1, 20);
      if (!(due < asked) && due < ymd(2025, 12, 20)) {
        const EventId x = ledger.request_extension(item, ymd(2025, 12, 30), Step{lead, asked, "延期", {}});
        ledger.approve_extension(x, Step{office, ymd(2025, 1, 25), {}, {}});
      }
      EventId s = ledger.submit_closure(item, Step{lead, ymd(2025, 10, 16), {}, {"e.pdf"}});
      if (t % 1000 == 1) {
        ledger.return_closure(s, Step{office, ymd(2025, 10, 18), "补充", {}});
        s = ledger.submit_closure(item, Step{lead, ymd(2025, 10, 20), {}, {"e2.pdf"}});
      }
      ledger.approve_closure(s, Step{office, ymd(2025, 10, 22), {}, {}});
    }
  }
  std::filesystem::rename(tmp, path);
  return path;
}

void BM_StatesAsOfCold(benchmark::State& state) {
  const auto path = history_ledger();
  std::size_t items = 0;
  for (auto _ : state) {
    auto ledger = Ledger::open(path.string(), {.read_only = true});
    const auto states = ledger.states(1, ymd(2025, 6, 30));
    items = states.size();
    benchmark::DoNotOptimize(states.data());
  }
  state.counters["items"] = static_cast<double>(items);
}

void BM_StatesAsOfWarm(benchmark::State& state) {
  const auto path = history_ledger();
  auto ledger = Ledger::open(path.string(), {.read_only = true});
  (void)ledger.states(1, ymd(2025, 1, 1));  // loads the plan and its graph
  std::size_t items = 0;
  for (auto _ : state) {
    const auto states = ledger.states(1, ymd(2025, 6, 30));
    items = states.size();
    benchmark::DoNotOptimize(states.data());
  }
  state.counters["items"] = static_cast<double>(items);
}

// The peak resident memory of this process image, in KiB. Not getrusage:
// across exec Linux carries ru_maxrss over from the image before, which
// here would be the benchmark's own; VmHWM belongs to this image alone.
long max_rss_kb() {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return -1;
  char line[256];
  long kb = -1;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
  }
  std::fclose(status);
  return kb;
}

// Peak memory of a fresh process that opens the ledger and rebuilds every
// state once: this binary again, with --rss-child=FILE.
void BM_StatesPeakMemory(benchmark::State& state) {
  const auto path = history_ledger();
  long before = 0;
  long after = 0;
  for (auto _ : state) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string flag = "--rss-child=" + path.string();
    char* argv[] = {self.data(), flag.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), &actions, nullptr, argv, environ) != 0) std::abort();
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    std::string out;
    char buf[256];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (std::sscanf(out.c_str(), "%ld %ld", &before, &after) != 2) state.SkipWithError("the child said nothing");
  }
  state.counters["rss_open_MB"] = static_cast<double>(before) / 1024.0;
  state.counters["rss_peak_MB"] = static_cast<double>(after) / 1024.0;
}

int rss_child(const std::string& path) {
  auto ledger = Ledger::open(path, {.read_only = true});
  (void)ledger.event_count();
  const long before = max_rss_kb();
  const auto states = ledger.states(1, ymd(2025, 6, 30));
  const long after = max_rss_kb();
  std::printf("%ld %ld %zu\n", before, after, states.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--rss-child=")) return rss_child(std::string(a.substr(12)));
    if (a.starts_with("--reports=")) {
      g_reports = std::atoll(argv[i] + 10);
    } else if (a.starts_with("--tasks=")) {
      g_tasks = std::atoll(argv[i] + 8);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (g_reports < 1 || g_tasks < 1) {
    std::fprintf(stderr, "ledger_bench: --reports and --tasks must be positive\n");
    return 1;
  }
  benchmark::RegisterBenchmark("BM_IngestLedger", BM_IngestLedger)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("BM_IngestBaseline", BM_IngestBaseline)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("BM_StatesAsOfCold", BM_StatesAsOfCold)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_StatesAsOfWarm", BM_StatesAsOfWarm)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_StatesPeakMemory", BM_StatesPeakMemory)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (g_ledger_rate > 0 && g_baseline_rate > 0) {
    std::printf("ingest of %lld reports: ledger %.0f reports/s, bare SQLite %.0f reports/s, ratio %.2f (aim >= 0.50)\n",
                static_cast<long long>(g_reports), g_ledger_rate, g_baseline_rate, g_ledger_rate / g_baseline_rate);
  }
  std::error_code ec;
  std::filesystem::remove_all(work_dir(), ec);
  return 0;
}
