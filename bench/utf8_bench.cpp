// UTF-8 validation, the first pass over every imported document and every
// string that crosses the C API: find_invalid_utf8 on 8 MB of Chinese text
// (three-byte characters, some ASCII, a line break every 60 characters) and
// of ASCII, beside memchr over the same bytes as the floor of any pass.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

#include "text/utf8.hpp"

namespace {

constexpr std::size_t kBytes = 8u << 20;

const std::string& chinese_text() {
  static const std::string text = [] {
    const std::string sentence = "完善区东西部协作工作领导小组议事规则，全年组织技能培训不少于1000人次。";
    std::string s;
    while (s.size() < kBytes) s += sentence + (s.size() % 7 == 0 ? "\n\n" : "\n");
    return s;
  }();
  return text;
}

const std::string& ascii_text() {
  static const std::string text = [] {
    std::string s;
    while (s.size() < kBytes) s += "{\"task\": 12, \"unit\": \"east lake\", \"due\": \"2024-06-30\"}\n";
    return s;
  }();
  return text;
}

void run(benchmark::State& state, const std::string& text) {
  for (auto _ : state) benchmark::DoNotOptimize(duban::text::find_invalid_utf8(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_FindInvalidUtf8Chinese(benchmark::State& state) { run(state, chinese_text()); }
BENCHMARK(BM_FindInvalidUtf8Chinese)->Unit(benchmark::kMillisecond);

void BM_FindInvalidUtf8Ascii(benchmark::State& state) { run(state, ascii_text()); }
BENCHMARK(BM_FindInvalidUtf8Ascii)->Unit(benchmark::kMillisecond);

// The floor: one memchr over the same bytes (for a byte that is not there).
void BM_MemchrBaseline(benchmark::State& state) {
  const std::string& text = chinese_text();
  for (auto _ : state) benchmark::DoNotOptimize(std::memchr(text.data(), '\0', text.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MemchrBaseline)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
