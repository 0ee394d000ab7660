// Import throughput on a generated document of ≥ 50 MB in the shape of a
// district's 工作要点 (front matter, a preamble, sections, categories, numbered
// tasks whose bodies break across lines and pages, trailing responsibility
// brackets with collectives and 等, guarantee measures, back matter), beside
// a baseline that only reads the same bytes and splits them into lines; and
// the time to import one document of the seed's size.
//
// The text is generated from templates written for this benchmark, not from
// any real document. `import_bench --write-document=FILE [--tasks=N]` writes
// the generated document, for profiling.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "duban/import.hpp"

namespace {

struct TaskTemplate {
  const char* title;
  const char* body;   // \n marks where extracted text breaks the line
  const char* units;  // the annotation's list, used for a quarter of the tasks
};

// Units to draw lists from, so annotations are not repeated verbatim.
constexpr const char* kUnitPool[] = {
    "区委办", "区政府办", "区合作交流办", "区发展改革委", "区商务委", "区国资委", "区财政局", "区审计局",
    "区教育局", "区卫生健康委", "区人力资源社会保障局", "区民政局", "区农业农村委", "区文化旅游局", "区委组织部",
    "区委宣传部", "区工商联", "区总工会", "团区委", "区妇联", "区残联", "区投资促进中心", "区机关事务管理局",
    "区科委", "区生态环境局", "区规划资源局", "区住房城乡建设管理委", "区市场监管局", "区统计局", "区司法局",
    "区融媒体中心", "区慈善基金会", "东湖集团", "西岸集团", "北城集团", "前方工作组", "各街道", "各相关部门",
    "区各领导小组成员单位", "结对企业主管部门"};

// A unit list for the n-th task: 3 to 7 units from the pool, sometimes a
// lead and supporters, sometimes ending in 等.
std::string unit_list(std::size_t n) {
  std::uint64_t x = n * 6364136223846793005ULL + 1442695040888963407ULL;
  const auto next = [&x] {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 29;
    return x;
  };
  const std::size_t count = 3 + next() % 5;
  std::string out;
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0) out += "、";
    out += kUnitPool[next() % std::size(kUnitPool)];
  }
  if (next() % 5 == 0) out += "等";
  if (n % 3 == 0) return std::string(kUnitPool[n % 30]) + "牵头，" + out + "配合";
  return "责任部门：" + out;
}

// Tasks of a district's East–West cooperation plan, written for this file.
constexpr TaskTemplate kTasks[] = {
    {"健全协作工作机制", "完善区东西部协作工作领导小组议事规则和成员单位联络员制度，定期召开专题会议研究部署年度重点工作，\n"
                         "及时协调解决推进中的困难和问题，形成上下联动、部门协同的工作格局。",
     "区委办、区政府办、区合作交流办、前方工作组"},
    {"深化产业园区共建", "围绕协作地区资源禀赋和产业基础，推动共建产业园区提档升级，完善园区道路、供水、标准厂房等配套设施，\n"
                         "引导区内企业到园区投资兴业，全年新引进协作企业不少于5家，带动当地群众就近就业。",
     "区发展改革委、区商务委、区国资委、区投资促进中心、各街道"},
    {"拓展消费帮扶渠道", "持续推进协作地区农特产品进机关、进学校、进医院、进企业、进社区，办好年货节、丰收节等展销活动，\n\n"
                         "支持电商平台开设协作地区特色馆，努力扩大协作地区农特产品采购量。",
     "区商务委、区机关事务管理局、区教育局、区卫生健康委、区总工会、各相关部门等"},
    {"做实劳务协作", "加强两地人社部门对接，建立劳务协作信息共享机制，开展线上线下招聘活动，\n"
                     "帮助协作地区农村劳动力到区内稳定就业，全年组织技能培训不少于1000人次。",
     "区人力资源社会保障局、区就业促进中心、前方工作组"},
    {"加强干部人才交流", "选派优秀干部到协作地区挂职锻炼，组织教师、医生等专业技术人才开展组团式帮扶，\n"
                         "县均选派2名教师、2名医生开展至少6个月的接力帮扶，为协作地区培养一批带不走的人才队伍。",
     "区委组织部、区教育局、区卫生健康委、区人力资源社会保障局"},
    {"推进村企结对帮扶", "深化“百企联百村”行动，动员区属国有企业、民营企业和社会组织与协作地区脱贫村开展结对，\n"
                         "因地制宜发展特色产业，巩固结对帮扶成果。",
     "区工商联、区国资委、区民政局、结对企业主管部门、各街道"},
    {"保持财政帮扶力度", "统筹安排区级财政帮扶资金，保持区级财政帮扶资金不低于去年水平，\n"
                         "加强项目资金全过程绩效管理，确保资金使用安全规范高效。",
     "区财政局、区审计局、区合作交流办"},
    {"促进交往交流交融", "组织两地青少年、文艺工作者和基层干部开展互访交流，举办民族文化展示活动，\n"
                         "讲好民族团结进步故事，铸牢中华民族共同体意识。",
     "区委宣传部、区民族宗教办、区文化旅游局、团区委、区妇联、区各领导小组成员单位"},
};

constexpr const char* kCategories[] = {"组织领导", "产业协作", "消费帮扶", "劳务协作", "人才支援", "携手兴乡村"};

std::string chinese(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* units[] = {"", "十", "百", "千", "万"};
  std::string out;
  const std::string s = std::to_string(n);
  bool zero = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int d = s[i] - '0';
    const std::size_t place = s.size() - 1 - i;
    if (d == 0) {
      zero = true;
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    if (!(d == 1 && place == 1 && i == 0)) out += digits[d];
    out += units[place];
  }
  return out;
}

// A document of at least `min_bytes` (or of `tasks` tasks when > 0).
std::string make_document(std::size_t min_bytes, int tasks = 0) {
  std::string d =
      "东湖区对口支援与合作交流工作领导小组办公室文件\n\n"
      "东合组办〔2024〕3号\n\n"
      "2024年东湖区东西部协作和 对口支援 工作要点\n\n"
      "2024年是推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接的关键一年。为深入做好东西部协作和对口支援工作，\n"
      "结合本区实际，制定本要点。\n\n"
      "一、工作目标\n\n"
      "坚持政府引导、市场运作、社会参与，推动协作地区产业发展水平、乡村建设水平、\n\n"
      "乡村治理水平同步提升，助力协作地区全面推进乡村振兴。\n\n"
      "二、重点任务\n\n";
  int number = 0;
  int category = 0;
  std::size_t t = 0;
  while ((tasks > 0 && number < tasks) || (tasks <= 0 && d.size() < min_bytes)) {
    ++category;
    d += "（" + chinese(category) + "）" + kCategories[category % std::size(kCategories)] + "\n\n";
    const int in_category = 1 + category % 4;
    for (int k = 0; k < in_category && (tasks <= 0 || number < tasks); ++k) {
      const TaskTemplate& tt = kTasks[t++ % std::size(kTasks)];
      ++number;
      // A quarter of the tasks repeat their template's list, as real plans
      // repeat a list for related tasks; the rest draw varied lists.
      const std::string units = number % 4 == 0 ? std::string("责任部门：") + tt.units
                                                : unit_list(static_cast<std::size_t>(number));
      d += std::to_string(number) + ". " + tt.title + "。" + tt.body + "（" + units + "）\n\n";
      if (number % 7 == 0) d += "- " + std::to_string(number / 7) + " -\n\n";
    }
  }
  d += "三、保障措施\n\n"
       "（一）提高政治站位，压实工作责任。各成员单位要把东西部协作作为重大政治任务，主要负责同志亲自抓，\n"
       "分管负责同志具体抓。（责任部门：区领导小组成员单位及相关部门、区合作交流办）\n\n"
       "（二）加强统筹协调，形成工作合力。完善月度报告、年终总结等工作机制，加强信息沟通和政策协同。\n\n"
       "（三）强化宣传引导，营造良好氛围。及时总结推广典型经验。（责任部门：区委宣传部、区合作交流办）\n\n"
       "东湖区对口支援与合作交流\n工作领导小组办公室\n2024年3月18日\n\n"
       "东湖区人民政府合作交流办公室 2024年3月18日印发\n";
  return d;
}

std::size_t g_document_bytes = 52u << 20;  // --document-mb=N changes it (smoke runs)

const std::string& big_document() {
  static const std::string doc = make_document(g_document_bytes);
  return doc;
}

// The baseline: the bytes read into lines, as any line-oriented reader must.
void BM_SplitLinesBaseline(benchmark::State& state) {
  const std::string& doc = big_document();
  for (auto _ : state) {
    std::vector<std::string> lines;
    lines.reserve(doc.size() / 64);
    std::size_t pos = 0;
    while (pos < doc.size()) {
      const void* nl = std::memchr(doc.data() + pos, '\n', doc.size() - pos);
      const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - doc.data()) : doc.size();
      lines.emplace_back(doc, pos, end - pos);
      pos = end + 1;
    }
    benchmark::DoNotOptimize(lines.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_SplitLinesBaseline)->Unit(benchmark::kMillisecond);

void BM_ImportText(benchmark::State& state) {
  const std::string& doc = big_document();
  std::size_t tasks = 0;
  for (auto _ : state) {
    const duban::ImportResult r = duban::import_text(doc);
    tasks = r.plan.tasks.size();
    benchmark::DoNotOptimize(tasks);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
  state.counters["MB"] = static_cast<double>(doc.size()) / 1e6;
  state.counters["tasks"] = static_cast<double>(tasks);
}
BENCHMARK(BM_ImportText)->Unit(benchmark::kMillisecond);

// Not a baseline: a copy of the import's own result (every task's strings,
// responsibilities, deadline and targets allocated and filled, then freed),
// the least any importer that hands back this Plan must also do.
void BM_CopyResult(benchmark::State& state) {
  const duban::ImportResult r = duban::import_text(big_document());
  for (auto _ : state) {
    duban::ImportResult copy = r;
    benchmark::DoNotOptimize(copy.plan.tasks.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * big_document().size()));
}
BENCHMARK(BM_CopyResult)->Unit(benchmark::kMillisecond);

// A document of the seed's size: 18 tasks and 3 measures, about 9 KB.
void BM_ImportSeedSized(benchmark::State& state) {
  static const std::string doc = make_document(0, 18);
  for (auto _ : state) {
    const duban::ImportResult r = duban::import_text(doc);
    benchmark::DoNotOptimize(r.plan.tasks.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
  state.counters["KB"] = static_cast<double>(doc.size()) / 1e3;
}
BENCHMARK(BM_ImportSeedSized)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  // Our own flags, taken out before Google Benchmark sees the rest.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--document-mb=")) {
      g_document_bytes = static_cast<std::size_t>(std::atoi(argv[i] + 14)) << 20;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--write-document=")) {
      int tasks = 0;
      for (int j = 1; j < argc; ++j) {
        if (std::string_view(argv[j]).starts_with("--tasks=")) tasks = std::atoi(argv[j] + 8);
      }
      std::ofstream(std::string(a.substr(17)), std::ios::binary) << (tasks > 0 ? make_document(0, tasks) : big_document());
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
