#include "import/annotation.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "import/chars.hpp"
#include "import/cjk_bytes.hpp"
#include "import/deadline_phrase.hpp"
#include "import/word_index.hpp"

namespace duban::importer {
namespace {

enum class LabelKind { lead, responsible_label, support, person, deadline };

struct Label {
  std::string_view word;
  LabelKind kind;
};

// Longest first among labels that share a beginning: 第一责任单位 before 责任单位
// is not needed (different first characters) but 牵头单位 before 牵头 is.
constexpr std::array<Label, 46> kLabels{{
    {"第一责任单位", LabelKind::lead},
    {"牵头责任单位", LabelKind::lead},
    {"牵头单位", LabelKind::lead},
    {"牵头部门", LabelKind::lead},
    {"牵头处室", LabelKind::lead},
    {"牵头领导", LabelKind::person},
    {"牵头人", LabelKind::person},
    {"牵头", LabelKind::lead},
    {"主办单位", LabelKind::lead},
    {"主办部门", LabelKind::lead},
    {"主责单位", LabelKind::lead},
    {"主责部门", LabelKind::lead},
    {"汇总单位", LabelKind::lead},
    {"具体责任单位", LabelKind::responsible_label},
    {"责任单位", LabelKind::responsible_label},
    {"责任部门", LabelKind::responsible_label},
    {"责任主体", LabelKind::responsible_label},
    {"责任领导", LabelKind::person},
    {"责任人", LabelKind::person},
    {"承办单位", LabelKind::responsible_label},
    {"承办部门", LabelKind::responsible_label},
    {"实施单位", LabelKind::responsible_label},
    {"落实单位", LabelKind::responsible_label},
    {"配合单位", LabelKind::support},
    {"配合部门", LabelKind::support},
    {"协办单位", LabelKind::support},
    {"协办部门", LabelKind::support},
    {"协作单位", LabelKind::support},
    {"协同单位", LabelKind::support},
    {"协助单位", LabelKind::support},
    {"参与单位", LabelKind::support},
    {"参与部门", LabelKind::support},
    {"分管领导", LabelKind::person},
    {"联系领导", LabelKind::person},
    {"负责人", LabelKind::person},
    {"包保领导", LabelKind::person},
    {"完成时限", LabelKind::deadline},
    {"完成时间", LabelKind::deadline},
    {"完成期限", LabelKind::deadline},
    {"时间节点", LabelKind::deadline},
    {"时限要求", LabelKind::deadline},
    {"时间要求", LabelKind::deadline},
    {"时间安排", LabelKind::deadline},
    {"办结时限", LabelKind::deadline},
    {"进度安排", LabelKind::deadline},
    {"时限", LabelKind::deadline},
}};

struct Verb {
  std::string_view word;
  Said said;
};

constexpr std::array<Verb, 30> kVerbs{{
    {"按职责分工负责", Said::responsible},
    {"按职责分工落实", Said::responsible},
    {"按职能职责负责", Said::responsible},
    {"按职责负责", Said::responsible},
    {"分别负责", Said::responsible},
    {"共同负责", Said::responsible},
    {"具体负责", Said::responsible},
    {"负责落实", Said::responsible},
    {"负总责", Said::lead},
    {"负责", Said::responsible},
    {"为牵头单位", Said::lead},
    {"为配合单位", Said::support},
    {"为责任单位", Said::responsible_label},
    {"牵头负责", Said::lead},
    {"牵头落实", Said::lead},
    {"牵头实施", Said::lead},
    {"牵头组织", Said::lead},
    {"牵头抓总", Said::lead},
    {"牵头", Said::lead},
    {"主办", Said::lead},
    {"配合落实", Said::support},
    {"配合实施", Said::support},
    {"配合做好", Said::support},
    {"配合", Said::support},
    {"协办", Said::support},
    {"协助", Said::support},
    {"参与", Said::support},
    {"承办", Said::responsible},
    {"抓落实", Said::responsible},
    {"组织实施", Said::responsible},
}};

constexpr WordIndex kLabelIndex(kLabels);
constexpr WordIndex kVerbIndex(kVerbs);

// A label (with its colon) at byte i of `s`: the label and the end of the
// colon. Whitespace inside the label (牵 头单位) and before the colon is
// allowed.
std::optional<std::pair<const Label*, std::size_t>> label_at(std::string_view s, std::size_t i) {
  for (const std::uint8_t n : kLabelIndex.words_at(s, i)) {
    const Label& l = kLabels[n];
    const std::size_t m = kLabelIndex.matching(n, s, i);
    std::size_t j = i + m;
    if (m < l.word.size()) {
      // Whitespace can stand only where a later character of the label
      // begins; most texts differ there by an ideograph and need no more.
      if (j >= s.size() || ideograph_lead(static_cast<unsigned char>(s[j]))) continue;
      std::size_t len = 1;
      std::size_t used = 0;
      if (!is_space(decode_at(s, j, len)) || !starts_with_loose(s.substr(i), l.word, used)) continue;
      j = i + used;
    }
    while (j < s.size()) {
      std::size_t l2 = 1;
      const char32_t cp = decode_at(s, j, l2);
      if (is_colon(cp)) return std::make_pair(&l, j + l2);
      if (!is_space(cp)) break;
      j += l2;
    }
  }
  return std::nullopt;
}

// Where the next colon (： or :) at or after i begins; s.size() when none.
std::size_t next_colon(std::string_view s, std::size_t i) {
  const std::size_t narrow = std::min(s.find(':', i), s.size());
  // ： is EF BC 9A; its last byte is rare elsewhere.
  for (std::size_t k = s.find('\x9A', i + 2); k != std::string_view::npos && k - 2 < narrow;
       k = s.find('\x9A', k + 1)) {
    if (s[k - 2] == '\xEF' && s[k - 1] == '\xBC') return k - 2;
  }
  return narrow;
}

// The first position at or after i, outside brackets (angle brackets
// count), where a word of `index` may begin; s.size() when none. `depth`
// carries the bracket depth from one call to the next.
template <std::size_t N>
std::size_t next_word(std::string_view s, std::size_t i, int& depth, const WordIndex<N>& index) {
  while (i < s.size()) {
    if (ideograph_lead(static_cast<unsigned char>(s[i]))) {  // never a bracket
      if (depth == 0 && index.may_begin(s, i)) return i;
      i += 3;
      continue;
    }
    std::size_t len = 1;
    depth = std::max(0, depth + bracket_kind(decode_at(s, i, len), true));
    i += len;
  }
  return s.size();
}

struct VerbAt {
  std::size_t at = 0;   // where it begins; the piece's size when there is none
  std::size_t end = 0;  // where it ends
  const Verb* verb = nullptr;
};

// The first verb of `piece` at or after `from`, outside brackets.
VerbAt find_verb(std::string_view piece, std::size_t from, int& depth) {
  for (std::size_t i = next_word(piece, from, depth, kVerbIndex); i < piece.size();
       i = next_word(piece, i + 3, depth, kVerbIndex)) {
    for (const std::uint8_t n : kVerbIndex.words_at(piece, i)) {
      if (kVerbIndex.matching(n, piece, i) == kVerbIndex.length(n)) return {i, i + kVerbIndex.length(n), &kVerbs[n]};
    }
  }
  return {piece.size(), piece.size(), nullptr};
}

// A piece of an annotation between ，；。 outside brackets (、 stays
// inside), trimmed, and where a verb may first begin in it outside brackets:
// the pass that splits the pieces finds that too, so a piece without verbs
// is not read again to look for one.
struct Clause {
  std::string_view text;
  std::size_t verb_from = 0;  // in `text`; text.size() when no verb can begin there
};

template <typename F>
void for_each_clause(std::string_view s, F&& f) {
  std::size_t start = 0;
  std::size_t verb = std::string_view::npos;
  int depth = 0;
  const auto emit = [&](std::size_t end) {
    if (end > start) {
      const std::string_view raw = s.substr(start, end - start);
      const std::string_view text = trim_view(raw);
      const auto cut = static_cast<std::size_t>(text.data() - raw.data());  // whitespace: never a verb
      f(Clause{text, verb == std::string_view::npos ? text.size() : verb - start - cut});
    }
    verb = std::string_view::npos;
  };
  for (std::size_t i = 0; i < s.size();) {
    if (ideograph_lead(static_cast<unsigned char>(s[i]))) {  // neither a bracket nor a separator
      if (verb == std::string_view::npos && depth == 0 && kVerbIndex.may_begin(s, i)) verb = i;
      i += 3;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    const int k = bracket_kind(cp, true);
    if (k > 0) {
      ++depth;
    } else if (k < 0) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 &&
               (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002 || cp == '\n')) {
      emit(i);
      start = i + len;
    }
    i += len;
  }
  emit(s.size());
}

// For find_annotations: the bytes to skip at a character that is neither a
// bracket nor a full stop, by its lead byte; 0 at ( ) [ ] and at the E3/EF
// that begin CJK punctuation.
constexpr std::array<std::uint8_t, 256> kPlainStep = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t b = 0; b < t.size(); ++b) t[b] = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  for (const char c : {'(', ')', '[', ']', '\xE3', '\xEF'}) t[static_cast<unsigned char>(c)] = 0;
  return t;
}();

// The last bytes of the CJK brackets and full stops: CJK punctuation ending
// otherwise (，、：) is skipped like an ideograph.
constexpr std::array<bool, 256> kMarkLast = [] {
  std::array<bool, 256> t{};
  for (const std::string_view c : {"（", "）", "〔", "〕", "［", "］", "【", "】", "〖", "〗", "。", "；"}) {
    t[static_cast<unsigned char>(c[2])] = true;
  }
  return t;
}();

// The first position at or after i that may hold a bracket or a full stop
// (bracket_kind, 。；); p.size() when none.
std::size_t next_mark(std::string_view p, std::size_t i) {
  while (i < p.size()) {
    const auto b = static_cast<unsigned char>(p[i]);
    if (const std::uint8_t step = kPlainStep[b]; step != 0) {
      i += step;
    } else if (b >= 0x80 && i + 2 < p.size() && !kMarkLast[static_cast<unsigned char>(p[i + 2])]) {
      i += 3;
    } else {
      return i;
    }
  }
  return p.size();
}

// Words between a unit run and its verb: 各部门要按职责分工负责.
std::string_view strip_modal(std::string_view s) {
  for (;;) {
    switch (tail3(s)) {  // the last characters of the words below
      case head3("要"): case head3("均"): case head3("应"): case head3("需"): case head3("别"): case head3("同"):
      case head3("为"): case head3("体"):
        break;
      default:
        return trim_view(s);
    }
    bool changed = false;
    for (std::string_view w : {std::string_view("要"), std::string_view("均"), std::string_view("应"),
                               std::string_view("需"), std::string_view("分别"), std::string_view("共同"),
                               std::string_view("为"), std::string_view("具体")}) {
      if (s.size() > w.size() && s.ends_with(w)) {
        s.remove_suffix(w.size());
        changed = true;
      }
    }
    if (!changed) return trim_view(s);
  }
}

bool unit_like(std::string_view name, const KnownName& known) {
  return ends_like_unit(name) || is_collective(name) || (known && known(name));
}

// Does the run of names before a verb (`before`: 区发改委 of 区发改委牵头) end
// with a unit? Then the piece states who does what.
bool units_before_verb(std::string_view before) {
  before = strip_modal(trim_view(before));
  for (std::string_view w : {std::string_view("由"), std::string_view("请")}) {
    if (before.starts_with(w)) before.remove_prefix(w.size());
  }
  // The last name of the run decides.
  bool last_unit = false;
  for_each_unit(before, {}, [&](const UnitView& u) { last_unit = ends_like_unit(u.name) || is_collective(u.name); });
  return last_unit;
}

// A piece that states a verb after unit names: 区发改委牵头.
bool has_verb_form(const Clause& clause) {
  int depth = 0;
  const VerbAt v = find_verb(clause.text, clause.verb_from, depth);
  return v.verb != nullptr && units_before_verb(clause.text.substr(0, v.at));
}

void verb_form(std::string_view text, std::optional<Said> by_label, const KnownName& known,
               AnnotationContent& out) {
  // Names wait at the end of out.mentions, from `pending` on, for the verb
  // after them that says their role.
  std::size_t pending = out.mentions.size();
  const auto flush = [&](Said said) {
    for (std::size_t n = pending; n < out.mentions.size(); ++n) out.mentions[n].said = said;
    pending = out.mentions.size();
  };
  const auto take = [&](std::string_view segment) {
    segment = strip_modal(trim_view(segment));
    if (segment.empty()) return;
    for_each_unit(segment, known, [&](const UnitView& n) {
      if (n.name.empty()) return;
      if (!by_label && !unit_like(n.name, known)) return;
      if (by_label && n.name.size() > 60 && char_count(n.name) > 60) return;  // prose, not a name
      if (out.mentions.capacity() == 0) out.mentions.reserve(8);  // one allocation for a typical list
      // The role is set by the verb after it, or at the end. The name is
      // built to its size: assign() would round a short string's first
      // allocation up to 30 bytes, and names end up in the result.
      out.mentions.push_back({std::string(n.name), Said::responsible_label, n.open_ended});
    });
  };
  for_each_clause(text, [&](const Clause& clause) {
    const std::string_view piece = clause.text;
    if (piece.empty()) return;
    if (read_lead_note(piece, out)) return;
    if (piece == "下同") {
      out.sticky = true;
      return;
    }
    int depth = 0;
    VerbAt v = find_verb(piece, clause.verb_from, depth);
    // A deadline, unless the piece ends like a unit or states a verb form
    // (the cheapest test first: most pieces are unit lists).
    if (!ends_like_unit(piece) && mentions_deadline(piece) &&
        !(v.verb && units_before_verb(piece.substr(0, v.at)))) {
      out.deadlines.emplace_back(piece);
      return;
    }
    std::size_t seg_start = 0;
    for (; v.verb != nullptr; v = find_verb(piece, seg_start, depth)) {
      take(piece.substr(seg_start, v.at - seg_start));
      flush(v.verb->said);
      seg_start = v.end;
    }
    take(piece.substr(seg_start));
  });
  flush(by_label.value_or(Said::responsible_label));
}

bool only_punctuation(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    if (!is_space(cp) && !is_clause_break(cp) && cp != U'、') return false;
    i += len;
  }
  return true;
}

// Is `c`, the inside of a bracket group with its whitespace repaired, a
// responsibility annotation?
bool is_annotation(std::string_view c, bool trailing) {
  if (c.empty()) return false;
  if (starts_with_label(c)) return true;
  AnnotationContent note;
  if (read_lead_note(c, note)) return true;
  bool verb = false;
  for_each_clause(c, [&](const Clause& clause) { verb = verb || has_verb_form(clause); });
  if (verb) return true;
  if (!trailing) return false;
  // A trailing bracket holding only a deadline (（2024年6月底前完成）) or only
  // unit names (（区发改委、区财政局）).
  bool deadline = false;
  bool units = true;
  std::size_t names = 0;
  for_each_clause(c, [&](const Clause& clause) {
    const std::string_view p = clause.text;
    if (mentions_deadline(p)) {
      deadline = true;
      return;
    }
    for_each_unit(p, {}, [&](const UnitView& n) {
      ++names;
      const std::size_t chars = char_count(n.name);
      if (chars < 3 || chars > 30 || !(ends_like_unit(n.name) || is_collective(n.name))) units = false;
    });
  });
  if (names == 0) return deadline;
  return units;
}

// The content of a bracket group: its inside with whitespace repaired, and
// whether it is an annotation. Repairs (and copies) only when needed.
std::optional<std::string> annotation_content(std::string_view inside, bool trailing) {
  if (has_space(inside)) {
    std::string repaired = repair_spaces(inside);
    if (!is_annotation(repaired, trailing)) return std::nullopt;
    return repaired;
  }
  if (!is_annotation(inside, trailing)) return std::nullopt;
  return std::string(inside);
}

}  // namespace

bool starts_with_label(std::string_view s) {
  s = trim_view(s);
  return !s.empty() && label_at(s, 0).has_value();
}

bool read_lead_note(std::string_view text, AnnotationContent& into) {
  bool found = false;
  const bool names_lead = text.find("为牵头") != std::string_view::npos;
  if (names_lead && (text.find("第一") != std::string_view::npos || text.find("首位") != std::string_view::npos ||
                     text.find("第1") != std::string_view::npos)) {
    into.first_is_lead = true;
    found = true;
  }
  if (names_lead && text.find("无牵头") != std::string_view::npos) {
    into.responsible_is_lead = true;
    into.first_is_lead = false;
    found = true;
  }
  if (found && text.find("下同") != std::string_view::npos) into.sticky = true;
  return found;
}

std::vector<Annotation> find_annotations(std::string_view p) {
  std::vector<Annotation> out;
  if (starts_with_label(p)) {
    Annotation a;
    a.begin = 0;
    a.end = p.size();
    a.content = repair_spaces(p);
    a.whole_paragraph = true;
    out.push_back(std::move(a));
    return out;
  }
  struct Group {
    std::size_t open, inner, close, end;  // opener, inside start, closer, after closer
  };
  // Scratch reused across calls: a paragraph per call would otherwise cost
  // four allocations before anything is found.
  thread_local std::vector<Group> closed;
  thread_local std::vector<std::pair<std::size_t, std::size_t>> stack;  // opener offset, inside start
  closed.clear();
  stack.clear();
  // Labels after a sentence, outside brackets: 。牵头单位：A责任单位：B runs
  // to the paragraph's end.
  std::optional<std::size_t> label_from;
  bool sentence_end = false;
  for (std::size_t i = 0; i < p.size();) {
    if (sentence_end && stack.empty() && !label_from) {
      std::size_t j = i;
      while (j < p.size()) {
        std::size_t l2 = 1;
        if (!is_space(decode_at(p, j, l2))) break;
        j += l2;
      }
      if (j < p.size() && label_at(p, j)) label_from = j;
      sentence_end = false;
    }
    i = next_mark(p, i);
    if (i >= p.size()) break;
    std::size_t len = 1;
    const char32_t cp = decode_at(p, i, len);
    const int k = bracket_kind(cp);
    if (k > 0) {
      stack.emplace_back(i, i + len);
    } else if (k < 0 && !stack.empty()) {
      closed.push_back({stack.back().first, stack.back().second, i, i + len});
      stack.pop_back();
    } else if (cp == 0x3002 || cp == 0xFF1B) {
      sentence_end = true;
    }
    i += len;
  }
  if (label_from) {
    // Brackets opened after the labels belong to them.
    std::erase_if(closed, [&](const Group& g) { return g.open >= *label_from; });
    while (!stack.empty() && stack.back().first >= *label_from) stack.pop_back();
  }
  // A bracket never closed: the outermost (or innermost) one that opens an
  // annotation runs to the paragraph's end.
  std::optional<Annotation> open_one;
  if (label_from && stack.empty()) {
    Annotation a;
    a.begin = *label_from;
    a.end = p.size();
    a.content = repair_spaces(trim_trailing(p.substr(*label_from), U"。；;，,"));
    open_one = std::move(a);
  }
  for (std::size_t idx : {std::size_t{0}, stack.size() - 1}) {
    if (stack.empty() || open_one) break;
    const auto [open, inner] = stack[idx];
    const std::string_view inside = p.substr(inner);
    if (annotation_content(inside, true)) {
      Annotation a;
      a.begin = open;
      a.end = p.size();
      a.content = repair_spaces(trim_trailing(inside, U"。；;，,"));
      a.unclosed = true;
      a.whole_paragraph = only_punctuation(p.substr(0, open));
      open_one = std::move(a);
    }
  }
  // Outermost closed groups, in order.
  std::sort(closed.begin(), closed.end(), [](const Group& a, const Group& b) { return a.open < b.open; });
  thread_local std::vector<Group> top;
  top.clear();
  std::size_t reach = 0;
  for (const Group& g : closed) {
    if (!top.empty() && g.open < reach) continue;
    if (open_one && g.open > open_one->begin) break;
    top.push_back(g);
    reach = g.end;
  }
  // Trailing: nothing but punctuation (and other trailing groups) after it.
  thread_local std::vector<bool> trailing;
  trailing.assign(top.size(), false);
  std::size_t tail_start = open_one ? open_one->begin : p.size();
  bool tail_ok = true;
  for (std::size_t n = top.size(); n-- > 0;) {
    tail_ok = tail_ok && only_punctuation(p.substr(top[n].end, tail_start - top[n].end));
    trailing[n] = tail_ok;
    tail_start = top[n].open;
  }
  for (std::size_t n = 0; n < top.size(); ++n) {
    const Group& g = top[n];
    std::optional<std::string> content = annotation_content(p.substr(g.inner, g.close - g.inner), trailing[n]);
    if (!content) continue;
    Annotation a;
    a.begin = g.open;
    a.end = g.end;
    a.content = std::move(*content);
    a.whole_paragraph = only_punctuation(p.substr(0, g.open)) && trailing[n];
    out.push_back(std::move(a));
  }
  if (open_one) out.push_back(std::move(*open_one));
  return out;
}

AnnotationContent parse_annotation(std::string_view content, const KnownName& known) {
  AnnotationContent out;
  struct Found {
    std::size_t at;
    std::size_t after;
    LabelKind kind;
  };
  thread_local std::vector<Found> labels;  // scratch: no allocation per annotation
  labels.clear();
  // A label ends with a colon: the scan looks only up to the next one, and
  // stops after the last (most unit lists follow it).
  int depth = 0;
  for (std::size_t i = 0, colon = next_colon(content, 0); colon < content.size(); colon = next_colon(content, i)) {
    i = next_word(content.substr(0, colon), i, depth, kLabelIndex);
    if (i >= colon) {
      i = colon + (content[colon] == ':' ? 1 : 3);
    } else if (const auto l = label_at(content, i)) {
      labels.push_back({i, l->second, l->first->kind});
      i = l->second;
    } else {
      i += 3;
    }
  }
  const auto clause = [&](std::size_t from, std::size_t to) {
    static constexpr std::u32string_view kClauseEnd = U"。；;，,、";  // length counted once
    return trim_view(trim_trailing_quick(content.substr(from, to - from), kClauseEnd));
  };
  const std::size_t first = labels.empty() ? content.size() : labels.front().at;
  if (first > 0) verb_form(clause(0, first), std::nullopt, known, out);
  for (std::size_t n = 0; n < labels.size(); ++n) {
    const std::size_t to = n + 1 < labels.size() ? labels[n + 1].at : content.size();
    const std::string_view text = clause(labels[n].after, to);
    if (text.empty()) continue;
    switch (labels[n].kind) {
      case LabelKind::person: out.persons.emplace_back(text); break;
      case LabelKind::deadline: out.deadlines.emplace_back(text); break;
      case LabelKind::lead: verb_form(text, Said::lead, known, out); break;
      case LabelKind::responsible_label: verb_form(text, Said::responsible_label, known, out); break;
      case LabelKind::support: verb_form(text, Said::support, known, out); break;
    }
  }
  return out;
}

AnnotationContent parse_units(std::string_view text, Said by_column, const KnownName& known) {
  const std::string c = repair_spaces(text);
  for (std::size_t i = 0; i < c.size();) {
    std::size_t len = 1;
    decode_at(c, i, len);
    if (label_at(c, i)) return parse_annotation(c, known);  // at any depth
    i += len;
  }
  AnnotationContent out;
  verb_form(c, by_column, known, out);
  return out;
}

}  // namespace duban::importer
