#include "import/targets.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "import/chars.hpp"

namespace duban::importer {
namespace {

struct Op {
  std::u32string_view word;
  TargetOp op;
};

// Operators written before the number (or before a baseline).
constexpr std::array<Op, 22> kOpsBefore{{
    {U"不低于", TargetOp::ge}, {U"不少于", TargetOp::ge}, {U"不高于", TargetOp::le}, {U"不超过", TargetOp::le},
    {U"不多于", TargetOp::le}, {U"至少", TargetOp::ge},   {U"力争达到", TargetOp::ge}, {U"达到", TargetOp::ge},
    {U"超过", TargetOp::gt},   {U"突破", TargetOp::gt},   {U"高于", TargetOp::gt},   {U"低于", TargetOp::lt},
    {U"控制在", TargetOp::le}, {U"保持在", TargetOp::ge}, {U"力争", TargetOp::ge},   {U"累计", TargetOp::ge},
    {U"增长", TargetOp::ge},   {U"提高", TargetOp::ge},   {U"提升", TargetOp::ge},   {U"增加", TargetOp::ge},
    {U"新增", TargetOp::ge},   {U"完成", TargetOp::ge},
}};

constexpr std::array<Op, 6> kOpsAfter{{
    {U"及以上", TargetOp::ge}, {U"以上", TargetOp::ge}, {U"以内", TargetOp::le},
    {U"以下", TargetOp::le},   {U"左右", TargetOp::approx}, {U"内", TargetOp::le},
}};

// Longest first where one is a prefix of another.
constexpr std::array<std::u32string_view, 41> kUnits{{
    U"个百分点", U"万人次", U"亿元", U"万元", U"千元", U"万人", U"万户", U"万亩", U"万吨", U"万个", U"人次",
    U"个月", U"小时", U"公里", U"平方米", U"%", U"％", U"‰", U"个", U"人", U"名", U"家", U"所", U"张",
    U"条", U"件", U"项", U"次", U"场", U"户", U"期", U"批", U"亩", U"元", U"篇", U"台", U"套", U"天",
    U"倍", U"支", U"吨",
}};

constexpr std::array<std::u32string_view, 6> kBaselines{{U"去年", U"上年度", U"上一年", U"上年", U"同比", U"同期"}};

constexpr std::array<std::u32string_view, 8> kMetricEnds{{U"数量", U"人数", U"总额", U"金额", U"比例", U"比重",
                                                          U"规模", U"量"}};

constexpr std::array<std::u32string_view, 5> kGrowth{{U"提升", U"提高", U"增加", U"扩大", U"增长"}};

// Per-X averages (县均选派2名教师), removed from the front of a metric.
constexpr std::array<std::u32string_view, 6> kAverages{{U"县均", U"人均", U"户均", U"村均", U"校均", U"年均"}};

// The averages and 全年 name a target's scope.
constexpr std::array<std::u32string_view, 7> kScopes{{U"县均", U"人均", U"户均", U"村均", U"校均", U"年均", U"全年"}};

// Removed in this order from the front of the subject before an operator.
constexpr std::array<std::u32string_view, 13> kSubjectOpenings{{U"县均", U"人均", U"户均", U"村均", U"校均",
                                                                U"年均", U"全年", U"保持", U"确保", U"实现",
                                                                U"力争", U"努力", U"推动"}};

// Verbs of holding a level (稳定…规模 as a 目标).
constexpr std::array<std::u32string_view, 4> kHolds{{U"稳定", U"保持", U"确保", U"稳住"}};

constexpr std::array<std::u32string_view, 8> kNounStops{{U"开展", U"进行", U"以上", U"左右", U"以内", U"作为",
                                                         U"用于", U"参加"}};

// The first characters of the words signal() knows.
constexpr std::u32string_view kTriggers = U"不至达超突高低控力保提增扩稳确目去上同";

// The triggers by their low six bits, no more than two to a slot, so that
// is_trigger() is one lookup.
constexpr auto kTriggerSlots = [] {
  std::array<std::array<char32_t, 2>, 64> slots{};
  for (char32_t c : kTriggers) {
    auto& slot = slots[c & 0x3F];
    if (slot[1] != 0) throw "more than two triggers share a slot";
    (slot[0] == 0 ? slot[0] : slot[1]) = c;
  }
  return slots;
}();

bool is_trigger(char32_t c) {
  const auto& slot = kTriggerSlots[c & 0x3F];
  return c != 0 && (slot[0] == c || slot[1] == c);
}

// Sets of characters by their low six bits: a word with a character not in
// a clause's set is not in the clause, and a position whose character is not
// among the first characters of a table starts none of its words. Either
// settles most searches without comparing words.
constexpr std::uint64_t char_bit(char32_t c) { return std::uint64_t{1} << (c & 0x3F); }

template <class Words, class Char>
constexpr std::uint64_t char_set(const Words& words, Char&& pick) {
  std::uint64_t set = 0;
  for (const auto& w : words) set |= char_bit(pick(w));
  return set;
}

// The slots in use. A character's low six bits are those of its last byte,
// so that byte alone tells most characters apart from every trigger.
constexpr std::uint64_t kTriggerTails = char_set(kTriggers, [](char32_t c) { return c; });

bool may_end_trigger(char b) { return (kTriggerTails & char_bit(static_cast<unsigned char>(b))) != 0; }

constexpr std::uint64_t kUnitFirsts = char_set(kUnits, [](std::u32string_view w) { return w.front(); });
constexpr std::uint64_t kOpBeforeLasts = char_set(kOpsBefore, [](const Op& op) { return op.word.back(); });
constexpr std::uint64_t kNounStopFirsts = char_set(kNounStops, [](std::u32string_view w) { return w.front(); });

// Whole numbers, nearly every value, convert exactly without strtod.
double number_value(const std::string& number) {
  if (number.size() <= 15 && number.find('.') == std::string::npos) {
    std::uint64_t v = 0;
    for (char c : number) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return static_cast<double>(v);
  }
  return std::strtod(number.c_str(), nullptr);
}

// One clause, compacted (whitespace removed, full-width digits as ASCII) with
// a flag for each character, 1 inside quotation marks; both belong to the
// Scanner, which reuses them from clause to clause. `chars` holds char_bit()
// of each character. `raw` is the clause as written.
class ClauseReader {
 public:
  ClauseReader(std::u32string_view text, const std::vector<char>& quoted, std::uint64_t chars,
               std::string_view raw)
      : s_(text), quoted_(quoted), chars_(chars), raw_(raw) {}

  void read(std::vector<Target>& out) {
    std::u32string_view last_verb;
    bool any = false;
    for (std::size_t i = 0; i < s_.size();) {
      if (quoted_[i] || !is_digit(s_[i]) || (i > 0 && is_digit(s_[i - 1]))) {
        ++i;
        continue;
      }
      const std::size_t num_begin = i;
      std::string number;
      while (i < s_.size() && (is_digit(s_[i]) || ((s_[i] == '.' || s_[i] == ',') && i + 1 < s_.size() &&
                                                   is_digit(s_[i + 1]) && !number.empty()))) {
        if (s_[i] != ',') number += static_cast<char>(s_[i]);
        ++i;
      }
      const auto unit = unit_at(i);
      if (!unit) continue;  // a bare number, or a date (2024年, 6月)
      if (out.empty()) out.reserve(4);  // a clause or task rarely states more
      Target t;
      t.text = text();
      t.value = number_value(number);
      t.unit = to_utf8(*unit);
      i += unit->size();
      t.op = TargetOp::ge;
      std::size_t subject_end = num_begin;
      bool had_op = false;
      if (const auto op = op_before(num_begin)) {
        t.op = op->op;
        subject_end = num_begin - op->word.size();
        had_op = true;
      }
      if (const auto op = op_after(i)) {
        if (!had_op || op->op != TargetOp::ge) t.op = op->op;
        i += op->word.size();
      }
      std::u32string_view verb;
      if (subject_end > 0 && s_[subject_end - 1] == U'、' && !last_verb.empty()) {
        verb = last_verb;
      }
      const std::u32string_view noun = noun_after(i);
      if (verb.empty()) {
        // 选派2名教师: the verb before the number and the noun after it; 培训
        // 农村劳动力2000人次: all of the words before it.
        verb = had_op || noun.empty() ? subject(subject_end) : last_ideographs(subject_end, 2);
      }
      last_verb = verb;
      floor_ = i + noun.size();
      t.metric = to_utf8(verb);
      append_utf8(t.metric, noun);
      t.scope = scope();
      t.baseline = baseline();
      out.push_back(std::move(t));
      any = true;
    }
    if (!any) qualitative(out);
  }

 private:
  static bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

  // s_.find(w), unless the clause's character set rules it out.
  bool contains(std::u32string_view w) const {
    for (char32_t c : w) {
      if ((chars_ & char_bit(c)) == 0) return false;
    }
    return s_.find(w) != std::u32string_view::npos;
  }

  // The first character settles most comparisons: the word tables are
  // tried at every number and trigger.
  bool at(std::size_t i, std::u32string_view w) const {
    if (i < s_.size() && s_[i] != w.front()) return false;
    return s_.compare(i, w.size(), w) == 0;
  }

  std::optional<std::u32string_view> unit_at(std::size_t i) const {
    if (i >= s_.size() || (kUnitFirsts & char_bit(s_[i])) == 0) return std::nullopt;
    for (std::u32string_view u : kUnits) {
      if (at(i, u)) {
        // 3个月 is a unit; 6月 is a date: 月 alone is never matched. 个 before
        // 工作日 is a deadline, not a count.
        if (u == U"个" && (at(i, U"个工作日") || at(i, U"个季度"))) return std::nullopt;
        if (u == U"天" && at(i, U"天内")) return std::nullopt;
        return u;
      }
    }
    return std::nullopt;
  }

  std::optional<Op> op_before(std::size_t end) const {
    if (end == 0 || (kOpBeforeLasts & char_bit(s_[end - 1])) == 0) return std::nullopt;
    for (const Op& op : kOpsBefore) {
      if (end >= op.word.size() && s_[end - 1] == op.word.back() &&
          s_.compare(end - op.word.size(), op.word.size(), op.word) == 0) {
        return op;
      }
    }
    return std::nullopt;
  }
  std::optional<Op> op_after(std::size_t i) const {
    for (const Op& op : kOpsAfter) {
      if (at(i, op.word)) return op;
    }
    return std::nullopt;
  }

  // Up to n ideographs right before `end` (after a scope word is removed).
  std::u32string_view last_ideographs(std::size_t end, std::size_t n) const {
    std::size_t b = end;
    while (b > floor_ && end - b < n && is_ideograph(s_[b - 1]) && !quoted_[b - 1]) --b;
    std::u32string_view v = s_.substr(b, end - b);
    for (std::u32string_view w : kAverages) {
      if (v.starts_with(w)) v.remove_prefix(w.size());
    }
    return v;
  }

  // The subject before an operator: 森林覆盖率达到95% → 森林覆盖率.
  std::u32string_view subject(std::size_t end) const {
    std::size_t b = end;
    while (b > floor_ && end - b < 12 && is_ideograph(s_[b - 1]) && !quoted_[b - 1]) --b;
    std::u32string_view v = s_.substr(b, end - b);
    for (std::u32string_view w : kSubjectOpenings) {
      if (v.starts_with(w)) v.remove_prefix(w.size());
    }
    return v;
  }

  std::u32string_view noun_after(std::size_t& i) const {
    if (at(i, U"的")) ++i;
    std::size_t e = i;
    while (e < s_.size() && e - i < 8 && is_ideograph(s_[e]) && !quoted_[e]) {
      bool stop = false;
      if ((kNounStopFirsts & char_bit(s_[e])) != 0) {
        for (auto w : kNounStops) stop = stop || at(e, w);
      }
      if (stop) break;
      ++e;
    }
    return s_.substr(i, e - i);
  }

  // The clause with its spaces repaired, as each target's text; most
  // clauses read give no target and never need it.
  const std::string& text() const {
    if (!text_) text_ = repair_spaces(raw_);
    return *text_;
  }

  // scope() and baseline() depend on the clause alone: worked out once.
  const std::string& scope() const {
    if (!scope_) scope_ = find_scope();
    return *scope_;
  }
  const std::string& baseline() const {
    if (!baseline_) baseline_ = find_baseline();
    return *baseline_;
  }

  std::string find_scope() const {
    for (std::u32string_view w : kScopes) {
      if (contains(w)) return to_utf8(w);
    }
    const std::size_t p = s_.find(U'每');
    if (p != std::u32string_view::npos && p + 1 < s_.size() && is_ideograph(s_[p + 1])) {
      const std::size_t n = s_[p + 1] == U'个' && p + 2 < s_.size() && is_ideograph(s_[p + 2]) ? 3 : 2;
      return to_utf8(s_.substr(p, n));
    }
    return {};
  }

  std::string find_baseline() const {
    for (std::u32string_view w : kBaselines) {
      if (contains(w)) return to_utf8(w);
    }
    return {};
  }

  // Clauses with no number: 不低于去年, 提升…采购量, 稳定…规模 as a 目标.
  void qualitative(std::vector<Target>& out) const {
    // An operator followed by a baseline.
    for (std::size_t i = 0; i < s_.size(); ++i) {
      if (!is_trigger(s_[i])) continue;
      for (const Op& op : kOpsBefore) {
        if (!at(i, op.word)) continue;
        if (op.op == TargetOp::ge && (op.word == U"提升" || op.word == U"提高" || op.word == U"增加" ||
                                      op.word == U"完成" || op.word == U"新增" || op.word == U"累计")) {
          continue;
        }
        const std::size_t after = i + op.word.size();
        for (std::u32string_view b : kBaselines) {
          if (!at(after, b)) continue;
          Target t;
          t.text = text();
          t.op = op.op;
          t.metric = to_utf8(subject(i));
          t.baseline = to_utf8(b);
          t.scope = scope();
          out.push_back(std::move(t));
          return;
        }
      }
    }
    // A growth verb and a measurable noun at the clause's end.
    for (std::size_t i = 0; i < s_.size(); ++i) {
      if (!is_trigger(s_[i])) continue;
      for (std::u32string_view g : kGrowth) {
        if (!at(i, g)) continue;
        const std::u32string_view rest = std::u32string_view(s_).substr(i + g.size());
        for (std::u32string_view m : kMetricEnds) {
          if (rest.size() > m.size() && rest.ends_with(m)) {
            Target t;
            t.text = text();
            t.op = TargetOp::gt;
            t.metric = to_utf8(rest);
            const std::string b = baseline();
            t.baseline = b.empty() ? "去年" : b;
            out.push_back(std::move(t));
            return;
          }
        }
      }
    }
    // Holding a level, stated as a 目标: 稳定脱贫人口务工规模作为“硬目标”.
    if (!contains(U"目标")) return;
    for (std::u32string_view v : kHolds) {
      const std::size_t p = s_.find(v);
      if (p == std::u32string_view::npos) continue;
      const std::size_t from = p + v.size();
      std::size_t best = std::u32string_view::npos;
      std::size_t best_len = 0;
      for (std::u32string_view m : kMetricEnds) {
        const std::size_t q = s_.find(m, from);
        if (q != std::u32string_view::npos && q < best) best = q, best_len = m.size();
      }
      if (best == std::u32string_view::npos) continue;
      Target t;
      t.text = text();
      t.op = TargetOp::ge;
      t.metric = to_utf8(s_.substr(from, best + best_len - from));
      const std::string b = baseline();
      t.baseline = b.empty() ? "去年" : b;
      out.push_back(std::move(t));
      return;
    }
  }

  std::u32string_view s_;
  const std::vector<char>& quoted_;
  std::uint64_t chars_;
  std::string_view raw_;
  std::size_t floor_ = 0;  // where the previous quantity's words end
  mutable std::optional<std::string> text_, scope_, baseline_;
};

// What a clause holds, learnt in one pass: a clause is read in full only when
// it can state a target.
struct Signals {
  bool digit = false;     // an arabic digit outside quotation marks
  bool op = false;        // 不低于, 达到, 控制在…: compares with something
  bool baseline = false;  // 去年, 上年, 同比, 同期
  bool growth = false;    // 提升, 提高, 增加, 扩大, 增长
  bool hold = false;      // 稳定, 保持, 确保, 稳住
  bool goal = false;      // 目标

  bool candidate(std::string_view clause) const {
    if (digit || (op && baseline) || (goal && hold)) return true;
    if (!growth) return false;
    static constexpr std::u32string_view kClauseEnds = U"。，,；;：:！？";
    const std::string_view t = trim_trailing(clause, kClauseEnds);
    static constexpr std::string_view kMetricEndsUtf8[] = {"数量", "人数", "总额", "金额",
                                                           "比例", "比重", "规模", "量"};
    for (std::string_view m : kMetricEndsUtf8) {
      if (t.ends_with(m)) return true;
    }
    return false;
  }
};

// The two characters at a trigger: sets what they signal.
void signal(char32_t a, char32_t b, Signals& s) {
  switch (a) {
    case U'不': s.op = s.op || b == U'低' || b == U'少' || b == U'高' || b == U'超' || b == U'多'; break;
    case U'至': s.op = s.op || b == U'少'; break;
    case U'达': s.op = s.op || b == U'到'; break;
    case U'超': s.op = s.op || b == U'过'; break;
    case U'突': s.op = s.op || b == U'破'; break;
    case U'高': s.op = s.op || b == U'于'; break;
    case U'低': s.op = s.op || b == U'于'; break;
    case U'控': s.op = s.op || b == U'制'; break;
    case U'力': s.op = s.op || b == U'争'; break;
    case U'保': s.op = s.op || b == U'持'; s.hold = s.hold || b == U'持'; break;
    case U'提': s.growth = s.growth || b == U'升' || b == U'高'; break;
    case U'增': s.growth = s.growth || b == U'加' || b == U'长'; break;
    case U'扩': s.growth = s.growth || b == U'大'; break;
    case U'稳': s.hold = s.hold || b == U'定' || b == U'住'; break;
    case U'确': s.hold = s.hold || b == U'保'; break;
    case U'目': s.goal = s.goal || b == U'标'; break;
    case U'去': s.baseline = s.baseline || b == U'年'; break;
    case U'上': s.baseline = s.baseline || b == U'年' || b == U'一'; break;
    case U'同': s.baseline = s.baseline || b == U'比' || b == U'期'; break;
    default: break;
  }
}

class Scanner {
 public:
  explicit Scanner(std::vector<Target>& out) : out_(out) {}

  void scan(std::string_view text) {
    text_ = text;
    start_ = 0;
    signals_ = {};
    quoted_at_start_ = quoted_;
    for (std::size_t i = 0; i < text.size();) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (b < 0x80) {
        if (b >= '0' && b <= '9') {
          signals_.digit = signals_.digit || !quoted_;
        } else if (b == ',' || b == ';' || b == '\n') {
          clause_end(i, 1);
        }
        ++i;
        continue;
      }
      if (b >= 0xE4 && b <= 0xE9 && text.size() - i >= 3) {
        i = pass_ideographs(text, i);
        continue;
      }
      std::size_t len = 1;
      const char32_t cp = decode_at(text, i, len);
      switch (cp) {
        case 0x201C: case 0x300C: quoted_ = true; break;
        case 0x201D: case 0x300D: quoted_ = false; break;
        case 0xFF0C: case 0x3002: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
          clause_end(i, len);
          break;
        default:
          if (cp >= 0xFF10 && cp <= 0xFF19) {
            signals_.digit = signals_.digit || !quoted_;
          } else if (is_trigger(cp) && i + len < text.size()) {
            std::size_t l2 = 1;
            signal(cp, decode_at(text, i + len, l2), signals_);
          }
      }
      i += len;
    }
    clause_end(text.size(), 0);
  }

 private:
  // Passes the run of ideographs (leads E4-E9) at text[i], the bulk of the
  // text, which matter here only as triggers: most are passed on their last
  // byte without being decoded.
  std::size_t pass_ideographs(std::string_view text, std::size_t i) {
    const char* p = text.data() + i;
    const char* const last = text.data() + text.size() - 3;  // the last place a whole one starts
    while (p <= last) {
      const auto b = static_cast<unsigned char>(*p);
      if (b < 0xE4 || b > 0xE9) break;
      if (may_end_trigger(p[2])) {
        const std::size_t at = static_cast<std::size_t>(p - text.data());
        std::size_t len = 3;
        const char32_t cp = decode_at(text, at, len);
        if (is_trigger(cp) && at + len < text.size()) {
          std::size_t l2 = 1;
          signal(cp, decode_at(text, at + len, l2), signals_);
        }
      }
      p += 3;
    }
    return static_cast<std::size_t>(p - text.data());
  }

  void clause_end(std::size_t at, std::size_t len) {
    const std::string_view raw = text_.substr(start_, at - start_);
    if (signals_.candidate(raw)) analyse(raw);
    start_ = at + len;
    signals_ = {};
    quoted_at_start_ = quoted_;
  }

  void analyse(std::string_view raw) {
    std::u32string& s = clause_;
    std::vector<char>& q = clause_quoted_;
    s.clear();
    q.clear();
    s.reserve(raw.size());  // no more characters than bytes
    q.reserve(raw.size());
    bool in = quoted_at_start_;
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t len = 1;
      const char32_t cp = decode_at(raw, i, len);
      i += len;
      if (is_space(cp)) continue;
      if (cp == 0x201C || cp == 0x300C) in = true;
      if (cp == 0x201D || cp == 0x300D) {
        s += cp;
        q.push_back(1);
        in = false;
        continue;
      }
      const int d = digit_value(cp);
      s += d >= 0 ? static_cast<char32_t>('0' + d) : cp;
      q.push_back(in ? 1 : 0);
    }
    std::uint64_t chars = 0;
    for (char32_t c : s) chars |= char_bit(c);
    ClauseReader(s, q, chars, raw).read(out_);
  }

  std::vector<Target>& out_;
  std::u32string clause_;  // analyse()'s buffers, kept for the next clause
  std::vector<char> clause_quoted_;
  std::string_view text_;
  std::size_t start_ = 0;
  Signals signals_;
  bool quoted_ = false;
  bool quoted_at_start_ = false;
};

}  // namespace

std::vector<Target> find_targets(std::string_view text) {
  std::vector<Target> out;
  Scanner(out).scan(text);
  return out;
}

std::vector<Target> find_targets(std::string_view title, std::string_view body) {
  std::vector<Target> out;
  Scanner scanner(out);
  scanner.scan(title);
  scanner.scan(body);
  return out;
}

}  // namespace duban::importer
