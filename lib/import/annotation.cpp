#include "import/annotation.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "import/chars.hpp"
#include "import/deadline_phrase.hpp"

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

// First characters of the labels: 第牵主汇具责承实落配协参分联负包完时办进.
bool label_first(char32_t c) noexcept {
  switch (c) {
    case U'第': case U'牵': case U'主': case U'汇': case U'具': case U'责': case U'承': case U'实': case U'落':
    case U'配': case U'协': case U'参': case U'分': case U'联': case U'负': case U'包': case U'完': case U'时':
    case U'办': case U'进':
      return true;
    default:
      return false;
  }
}

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

// First characters of the verbs: 按分共具负为牵主配协参承抓组.
bool verb_first(char32_t c) noexcept {
  switch (c) {
    case U'按': case U'分': case U'共': case U'具': case U'负': case U'为': case U'牵': case U'主': case U'配':
    case U'协': case U'参': case U'承': case U'抓': case U'组':
      return true;
    default:
      return false;
  }
}

// A label (with its colon) at byte i of `s`: the label and the end of the
// colon. Whitespace before the colon is allowed.
char32_t first_of(std::string_view w) {
  std::size_t len = 1;
  return decode_at(w, 0, len);
}

// First characters of the labels and verbs, computed once, so a scan compares
// one integer per entry before comparing any bytes.
template <typename T, std::size_t N>
std::array<char32_t, N> firsts(const std::array<T, N>& table) {
  std::array<char32_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = first_of(table[i].word);
  return out;
}

std::optional<std::pair<const Label*, std::size_t>> label_at(std::string_view s, std::size_t i) {
  static const auto kFirst = firsts(kLabels);
  std::size_t len = 1;
  const char32_t c = decode_at(s, i, len);
  if (!label_first(c)) return std::nullopt;
  for (std::size_t n = 0; n < kLabels.size(); ++n) {
    if (kFirst[n] != c) continue;
    const Label& l = kLabels[n];
    std::size_t used = 0;
    if (s.compare(i, l.word.size(), l.word) == 0) {
      used = l.word.size();
    } else if (!starts_with_loose(s.substr(i), l.word, used)) {
      continue;
    }
    std::size_t j = i + used;
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

std::optional<std::pair<const Verb*, std::size_t>> verb_at(std::string_view s, std::size_t i) {
  static const auto kFirst = firsts(kVerbs);
  std::size_t len = 1;
  const char32_t c = decode_at(s, i, len);
  if (!verb_first(c)) return std::nullopt;
  for (std::size_t n = 0; n < kVerbs.size(); ++n) {
    if (kFirst[n] == c && s.compare(i, kVerbs[n].word.size(), kVerbs[n].word) == 0) {
      return std::make_pair(&kVerbs[n], i + kVerbs[n].word.size());
    }
  }
  return std::nullopt;
}

// Pieces of `s` split on ，；。 outside brackets (、 stays inside a piece).
std::vector<std::string_view> clause_pieces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    const int k = bracket_kind(cp, true);
    if (k > 0) {
      ++depth;
    } else if (k < 0) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 &&
               (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002 || cp == '\n')) {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + len;
    }
    i += len;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

// Words between a unit run and its verb: 各部门要按职责分工负责.
std::string_view strip_modal(std::string_view s) {
  for (;;) {
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

// A piece that states a verb after unit names: 区发改委牵头.
bool piece_has_verb_form(std::string_view piece) {
  int depth = 0;
  for (std::size_t i = 0; i < piece.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(piece, i, len);
    const int k = bracket_kind(cp, true);
    if (k != 0) {
      depth = std::max(0, depth + k);
    } else if (depth == 0) {
      if (const auto v = verb_at(piece, i)) {
        std::string_view before = strip_modal(trim_view(piece.substr(0, i)));
        for (std::string_view w : {std::string_view("由"), std::string_view("请")}) {
          if (before.starts_with(w)) before.remove_prefix(w.size());
        }
        // The last name of the run before the verb decides.
        const auto names = split_units(before);
        return !names.empty() && (ends_like_unit(names.back().name) || is_collective(names.back().name));
      }
    }
    i += len;
  }
  return false;
}

void verb_form(std::string_view text, std::optional<Said> by_label, const KnownName& known,
               AnnotationContent& out) {
  std::vector<Mention> pending;
  const auto flush = [&](Said said) {
    for (Mention& m : pending) {
      m.said = said;
      out.mentions.push_back(std::move(m));
    }
    pending.clear();
  };
  const auto take = [&](std::string_view segment) {
    segment = strip_modal(trim_view(segment));
    if (segment.empty()) return;
    for (UnitName& n : split_units(segment, known)) {
      if (n.name.empty()) continue;
      if (!by_label && !unit_like(n.name, known)) continue;
      if (by_label && char_count(n.name) > 60) continue;  // prose, not a name
      pending.push_back({std::move(n.name), Said::responsible_label, n.open_ended});
    }
  };
  for (std::string_view piece : clause_pieces(text)) {
    piece = trim_view(piece);
    if (piece.empty()) continue;
    if (read_lead_note(piece, out)) continue;
    if (piece == "下同") {
      out.sticky = true;
      continue;
    }
    if (mentions_deadline(piece) && !piece_has_verb_form(piece) && !ends_like_unit(piece)) {
      out.deadlines.emplace_back(piece);
      continue;
    }
    std::size_t seg_start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < piece.size();) {
      std::size_t len = 1;
      const char32_t cp = decode_at(piece, i, len);
      const int k = bracket_kind(cp, true);
      if (k != 0) {
        depth = std::max(0, depth + k);
      } else if (depth == 0) {
        if (const auto v = verb_at(piece, i)) {
          take(piece.substr(seg_start, i - seg_start));
          flush(v->first->said);
          i = seg_start = v->second;
          continue;
        }
      }
      i += len;
    }
    take(piece.substr(seg_start));
  }
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

// Is the inside of a bracket group a responsibility annotation?
bool is_annotation(std::string_view raw, bool trailing) {
  std::string repaired;
  std::string_view c = raw;
  if (has_space(raw)) c = repaired = repair_spaces(raw);
  if (c.empty()) return false;
  if (starts_with_label(c)) return true;
  AnnotationContent note;
  if (read_lead_note(c, note)) return true;
  const auto pieces = clause_pieces(c);
  for (std::string_view p : pieces) {
    if (piece_has_verb_form(trim_view(p))) return true;
  }
  if (!trailing) return false;
  // A trailing bracket holding only a deadline (（2024年6月底前完成）) or only
  // unit names (（区发改委、区财政局）).
  bool deadline = false;
  bool units = true;
  std::size_t names = 0;
  for (std::string_view p : pieces) {
    p = trim_view(p);
    if (mentions_deadline(p)) {
      deadline = true;
      continue;
    }
    for (const UnitName& n : split_units(p)) {
      ++names;
      if (char_count(n.name) < 3 || char_count(n.name) > 30 || !(ends_like_unit(n.name) || is_collective(n.name))) {
        units = false;
      }
    }
  }
  if (names == 0) return deadline;
  return units;
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
    const auto b = static_cast<unsigned char>(p[i]);
    std::size_t len = 1;
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
    // Only ASCII brackets and the 3-byte CJK ones matter: skip the rest fast.
    if (b >= 0x80 && b != 0xEF && b != 0xE3) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      continue;
    }
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
    if (is_annotation(inside, true)) {
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
    const std::string_view inside = p.substr(g.inner, g.close - g.inner);
    if (!is_annotation(inside, trailing[n])) continue;
    Annotation a;
    a.begin = g.open;
    a.end = g.end;
    a.content = repair_spaces(inside);
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
  std::vector<Found> labels;
  int depth = 0;
  for (std::size_t i = 0; i < content.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(content, i, len);
    const int k = bracket_kind(cp, true);
    if (k != 0) {
      depth = std::max(0, depth + k);
    } else if (depth == 0) {
      if (const auto l = label_at(content, i)) {
        labels.push_back({i, l->second, l->first->kind});
        i = l->second;
        continue;
      }
    }
    i += len;
  }
  const auto clause = [&](std::size_t from, std::size_t to) {
    return trim_view(trim_trailing(content.substr(from, to - from), U"。；;，,、"));
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
    if (label_at(c, i)) return parse_annotation(c, known);
    i += len;
  }
  AnnotationContent out;
  verb_form(c, by_column, known, out);
  return out;
}

}  // namespace duban::importer
