#include "import/document.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "duban/error.hpp"
#include "import/chars.hpp"
#include "import/deadline_phrase.hpp"
#include "import/front_matter.hpp"
#include "import/lines.hpp"
#include "import/outline.hpp"
#include "import/targets.hpp"

namespace duban::importer {
namespace {

// Sections whose items set the scene (指导思想, 工作目标): not tasks unless
// they carry an annotation.
constexpr std::array<std::string_view, 10> kIntroTitles{
    {"指导思想", "总体要求", "工作目标", "基本原则", "主要目标", "总体目标", "目标要求", "总体思路", "工作思路",
     "发展目标"}};
// Sections that hold guarantee measures rather than tasks. Matched whole: a
// category 加强组织保障 holds tasks.
constexpr std::array<std::string_view, 12> kMeasureTitles{
    {"保障措施", "保障机制", "工作保障", "组织保障", "实施保障", "保障体系", "工作要求", "组织实施", "有关要求",
     "其他要求", "工作保障措施", "保障措施和工作要求"}};
// Titles of a plan's parts: a top level named only so is sections even when
// no category sits below it.
constexpr std::array<std::string_view, 10> kSectionTitles{
    {"重点任务", "主要任务", "工作任务", "具体任务", "重点工作", "主要工作", "任务分工", "工作重点", "目标任务",
     "主要措施"}};

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}

bool is_measure_title(std::string_view s) {
  return one_of(s, kMeasureTitles) || s.find("保障措施") != std::string_view::npos;
}

enum class Kind { undecided, container, task, sub, intro, title_only };

struct ItemState {
  std::vector<std::vector<Annotation>> anns;  // per paragraph
  bool own = false;                            // an annotation in its own paragraphs
  bool subtree = false;                        // own, or in any descendant
  Kind kind = Kind::undecided;
  std::vector<int> chain;  // container ancestors, outermost first
  int inherit = -1;        // the nearest annotated container above
  bool intro = false;
  std::optional<std::string> heading;  // computed on first use
  std::optional<bool> measure;         // a heading over guarantee measures
};

// Paragraph text with annotation ranges cut out: the text itself when it has
// none (most paragraphs), else built in `buf`, which the caller reuses so a
// document of many paragraphs does not allocate one string each.
std::string_view without(std::string_view text, const std::vector<Annotation>& anns, std::string& buf) {
  if (anns.empty()) return text;
  buf.clear();
  std::size_t at = 0;
  for (const Annotation& a : anns) {
    if (a.begin > at) buf.append(text, at, a.begin - at);
    at = std::max(at, a.end);
  }
  if (at < text.size()) buf.append(text.substr(at));
  return buf;
}

// The sentence up to the first 。 outside brackets, and the rest.
std::pair<std::string_view, std::string_view> first_sentence(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 && b != 0xEF && b != 0xE3) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    const int k = bracket_kind(cp);
    if (k > 0) {
      ++depth;
    } else if (k < 0) {
      depth = std::max(0, depth - 1);
    } else if (cp == 0x3002 && depth == 0) {
      return {s.substr(0, i), s.substr(i + len)};
    }
    i += len;
  }
  return {s, {}};
}

std::string clean_title(std::string_view s) {
  return repair_spaces(trim_trailing(trim_view(s), U"。，,；;：:、"));
}

std::string unbracketed(const Marker& m) {
  if (m.style != NumberStyle::cn_paren && m.style != NumberStyle::arabic_paren) return m.printed;
  std::string_view p = m.printed;
  std::size_t len = 1;
  decode_at(p, 0, len);
  p.remove_prefix(len);
  decode_before(p, p.size(), len);
  p.remove_suffix(len);
  return std::string(trim_view(p));
}

// A body clause that states its own deadline: 6月底前完成, 年内完成. Every
// marker holds 前 or 完成, so one pass over the bytes splits the clauses and
// notes which hold 前 or 完; only those are searched for the markers. Body
// text is valid UTF-8 (decode_text made it so).
std::vector<std::string> body_deadlines(std::string_view body) {
  std::vector<std::string> out;
  std::size_t start = 0;
  bool candidate = false;
  const auto check = [&](std::size_t end) {
    if (!candidate) return;
    candidate = false;
    const std::string_view c = body.substr(start, end - start);
    const bool marked = c.find("前完成") != std::string_view::npos || c.find("底前") != std::string_view::npos ||
                        c.find("日前") != std::string_view::npos || c.find("底完成") != std::string_view::npos ||
                        c.find("年内完成") != std::string_view::npos || c.find("月前") != std::string_view::npos ||
                        c.find("季度前") != std::string_view::npos;
    if (marked && mentions_deadline(c)) out.emplace_back(trim_view(c));
  };
  const auto* p = reinterpret_cast<const unsigned char*>(body.data());
  const std::size_t n = body.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned b = p[i];
    if (b < 0x80) {
      if (b == '\n') {
        check(i);
        start = i + 1;
      }
      ++i;
      continue;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (len == 3 && i + 2 < n) {
      const unsigned b1 = p[i + 1];
      const unsigned b2 = p[i + 2];
      const bool clause_break = (b == 0xEF && b1 == 0xBC && (b2 == 0x8C || b2 == 0x9B)) ||  // ，；
                                (b == 0xE3 && b1 == 0x80 && b2 == 0x82);                     // 。
      if (clause_break) {
        check(i);
        start = i + 3;
      } else if (b == 0xE5 && ((b1 == 0x89 && b2 == 0x8D) || (b1 == 0xAE && b2 == 0x8C))) {  // 前 完
        candidate = true;
      }
    }
    i += len;
  }
  check(n);
  return out;
}

class Reader {
 public:
  Reader(std::string_view text, const ImportOptions& options) : text_(text), options_(options) {
    if (options.directory != nullptr) {
      const Directory* dir = options.directory;
      known_ = [dir](std::string_view name) { return dir->lookup(name).has_value(); };
    }
  }

  Draft run() {
    const std::vector<SourceLine> lines = read_lines(text_);
    const FrontMatter fm = read_front_matter(lines);
    draft_.plan.title = fm.title;
    draft_.plan.doc_number = fm.doc_number;
    draft_.plan.issuer = fm.issuer;
    draft_.plan.issued = fm.issued;
    draft_.plan.year = options_.year > 0 ? options_.year : fm.year;
    outline_ = build_outline(lines, fm.body_start, lines.size());
    for (Diagnostic& d : outline_.diagnostics) draft_.diagnostics.push_back(std::move(d));
    for (const SourceLine& l : lines) {
      if (l.kind == LineKind::page_marker) {
        draft_.diagnostics.push_back(
            {Severity::info, l.number, {}, "line " + quote(l.text) + " read as page furniture and left out"});
      }
    }
    // A note in the cover or preamble holds for the whole document.
    for (const Para& p : outline_.preamble) {
      AnnotationContent note;
      if (read_lead_note(p.text, note)) {
        sticky_first_ = note.first_is_lead;
        sticky_responsible_ = note.responsible_is_lead;
      }
    }
    analyse();
    move_trailing_clauses();
    flag_subtrees();
    for (std::size_t i = 0; i < items().size(); ++i) {
      std::vector<int> chain;
      if (items()[i].parent < 0) classify(static_cast<int>(i), chain, -1, false);
    }
    settle_title_only();
    build();
    return std::move(draft_);
  }

 private:
  std::vector<Item>& items() { return outline_.items; }

  void analyse() {
    state_.resize(items().size());
    for (std::size_t i = 0; i < items().size(); ++i) {
      ItemState& s = state_[i];
      const Item& item = items()[i];
      s.anns.reserve(item.paras.size());
      for (std::size_t p = 0; p < item.paras.size(); ++p) {
        s.anns.push_back(find_annotations(item.paras[p].text));
        s.own = s.own || !s.anns.back().empty();
        if (p == 0) {
          for (const Annotation& a : s.anns.back()) {
            if (!a.whole_paragraph) inline_styles_[static_cast<int>(item.marker.style)] = true;
          }
        }
      }
    }
  }

  bool subtree_annotated_except(int idx, int skip_item, std::size_t skip_para) {
    const ItemState& s = state_[static_cast<std::size_t>(idx)];
    for (std::size_t p = 0; p < s.anns.size(); ++p) {
      if (idx == skip_item && p == skip_para) continue;
      if (!s.anns[p].empty()) return true;
    }
    for (int c : items()[static_cast<std::size_t>(idx)].children) {
      if (subtree_annotated_except(c, skip_item, skip_para)) return true;
    }
    return false;
  }

  // A clause standing alone after a block of sub-items （1）…（4） belongs to
  // their parent, unless items at that level carry annotations of their own
  // elsewhere in the document.
  void move_trailing_clauses() {
    for (std::size_t n = items().size(); n-- > 0;) {
      Item& parent = items()[n];
      if (parent.children.size() < 2) continue;
      const int child_style = static_cast<int>(items()[static_cast<std::size_t>(parent.children.front())].marker.style);
      if (inline_styles_[child_style]) continue;
      int d = parent.children.back();
      while (!items()[static_cast<std::size_t>(d)].children.empty()) d = items()[static_cast<std::size_t>(d)].children.back();
      Item& last = items()[static_cast<std::size_t>(d)];
      ItemState& ls = state_[static_cast<std::size_t>(d)];
      if (last.paras.size() < 2) continue;
      const std::size_t p = last.paras.size() - 1;
      if (ls.anns[p].size() != 1 || !ls.anns[p].front().whole_paragraph) continue;
      bool others = false;
      for (const auto& a : state_[n].anns) others = others || !a.empty();
      for (int c : parent.children) others = others || subtree_annotated_except(c, d, p);
      if (others) continue;
      parent.paras.push_back(std::move(last.paras[p]));
      state_[n].anns.push_back(std::move(ls.anns[p]));
      last.paras.pop_back();
      ls.anns.pop_back();
      state_[n].own = true;
      ls.own = std::any_of(ls.anns.begin(), ls.anns.end(), [](const auto& a) { return !a.empty(); });
    }
  }

  void flag_subtrees() {
    for (std::size_t n = items().size(); n-- > 0;) {
      ItemState& s = state_[n];
      s.subtree = s.subtree || s.own;
      const int parent = items()[n].parent;
      if (parent >= 0 && s.subtree) state_[static_cast<std::size_t>(parent)].subtree = true;
    }
  }

  const std::string& heading_of(int idx) {
    ItemState& s = state_[static_cast<std::size_t>(idx)];
    if (!s.heading) {
      const Item& item = items()[static_cast<std::size_t>(idx)];
      s.heading = item.paras.empty()
                      ? std::string()
                      : clean_title(first_sentence(without(item.paras.front().text, s.anns.front(), scratch_)).first);
    }
    return *s.heading;
  }

  // A heading like 保障措施 or 组织保障 holds measures when it closes the plan:
  // no heading after it at its level holds tasks. 一、组织保障 opening a plan
  // is a category of tasks.
  bool is_measure_part(int idx) {
    ItemState& s = state_[static_cast<std::size_t>(idx)];
    if (s.measure) return *s.measure;
    bool measure = is_measure_title(heading_of(idx));
    if (measure && heading_of(idx).find("保障措施") == std::string::npos) {
      const Item& item = items()[static_cast<std::size_t>(idx)];
      const std::vector<int>* siblings = nullptr;
      std::vector<int> top;
      if (item.parent >= 0) {
        siblings = &items()[static_cast<std::size_t>(item.parent)].children;
      } else {
        for (std::size_t i = 0; i < items().size(); ++i) {
          if (items()[i].parent < 0) top.push_back(static_cast<int>(i));
        }
        siblings = &top;
      }
      for (int sib : *siblings) {
        if (sib <= idx || is_measure_title(heading_of(sib))) continue;
        if (state_[static_cast<std::size_t>(sib)].kind == Kind::task || has_task_below(sib)) {
          measure = false;
          break;
        }
      }
    }
    s.measure = measure;
    return measure;
  }

  bool has_task_below(int idx) {
    for (int c : items()[static_cast<std::size_t>(idx)].children) {
      if (state_[static_cast<std::size_t>(c)].kind == Kind::task || has_task_below(c)) return true;
    }
    return false;
  }

  void mark_subtree(int idx, Kind kind) {
    for (int c : items()[static_cast<std::size_t>(idx)].children) {
      state_[static_cast<std::size_t>(c)].kind = kind;
      mark_subtree(c, kind);
    }
  }

  void classify(int idx, std::vector<int>& chain, int inherit, bool intro) {
    const Item& item = items()[static_cast<std::size_t>(idx)];
    ItemState& s = state_[static_cast<std::size_t>(idx)];
    s.chain = chain;
    s.inherit = inherit;
    s.intro = intro;
    bool children_annotated = false;
    for (int c : item.children) children_annotated = children_annotated || state_[static_cast<std::size_t>(c)].subtree;
    const bool heading =
        !item.paras.empty() && is_heading_text(without(item.paras.front().text, s.anns.front(), scratch_));
    const int rank = static_cast<int>(item.marker.style);

    Kind kind;
    if (s.own && !children_annotated) {
      kind = Kind::task;
    } else if (!item.children.empty()) {
      kind = Kind::container;
      if (!s.own && !children_annotated && !intro) {
        // No annotation anywhere below: sub-items （1） ① under a numbered
        // item make it a task; 1. under （一） make （一） a heading.
        const int child_rank = static_cast<int>(items()[static_cast<std::size_t>(item.children.front())].marker.style);
        if (child_rank >= static_cast<int>(NumberStyle::arabic_paren) && rank >= static_cast<int>(NumberStyle::cn_paren)) {
          kind = Kind::task;
        }
      }
    } else if (intro) {
      kind = Kind::intro;
    } else if (!heading) {
      kind = Kind::task;
    } else if (item.paras.size() > 1) {
      const bool top = item.depth == 0 && rank <= static_cast<int>(NumberStyle::cn_comma);
      kind = top ? Kind::container : Kind::task;
    } else {
      kind = Kind::title_only;
    }
    s.kind = kind;
    if (kind == Kind::task) {
      mark_subtree(idx, Kind::sub);
      return;
    }
    if (kind != Kind::container) return;
    const std::string title = heading_of(idx);
    const bool child_intro = intro || (item.depth == 0 && one_of(title, kIntroTitles));
    chain.push_back(idx);
    const int next_inherit = s.own ? idx : inherit;
    for (int c : item.children) classify(c, chain, next_inherit, child_intro);
    chain.pop_back();
  }

  // A title-only item (1. 加强组织领导, nothing more) is a task when items of
  // its style are tasks elsewhere, else an empty heading.
  void settle_title_only() {
    std::map<int, int> task_styles;
    for (std::size_t i = 0; i < items().size(); ++i) {
      if (state_[i].kind == Kind::task) ++task_styles[static_cast<int>(items()[i].marker.style)];
    }
    int best = -1;
    int count = 0;
    for (const auto& [style, n] : task_styles) {
      if (n > count) best = style, count = n;
    }
    for (std::size_t i = 0; i < items().size(); ++i) {
      if (state_[i].kind != Kind::title_only) continue;
      const bool task = items()[i].depth > 0 && static_cast<int>(items()[i].marker.style) == best;
      state_[i].kind = task ? Kind::task : Kind::container;
    }
  }

  // Paragraphs of a task: its own, then its sub-items' with their numbers.
  void gather(int idx, bool own, std::vector<std::pair<const Para*, const std::vector<Annotation>*>>& out,
              std::vector<std::string_view>& prefixes) {
    const Item& item = items()[static_cast<std::size_t>(idx)];
    const ItemState& s = state_[static_cast<std::size_t>(idx)];
    for (std::size_t p = 0; p < item.paras.size(); ++p) {
      out.emplace_back(&item.paras[p], &s.anns[p]);
      prefixes.push_back(!own && p == 0 ? std::string_view(item.label) : std::string_view());
    }
    if (!own && item.paras.empty()) {
      // A bare number whose text never came: keep the number in the body.
      static const Para empty;
      static const std::vector<Annotation> none;
      out.emplace_back(&empty, &none);
      prefixes.push_back(item.label);
    }
    for (int c : item.children) gather(c, false, out, prefixes);
  }

  // Mentions and deadline phrases of `anns` into `dt`; lead notes into
  // `notes`, and a 下同 note into the sticky state for the items after.
  void read_annotations(const std::vector<Annotation>& anns, const Para& para, DraftTask& dt,
                        AnnotationContent& notes) {
    for (const Annotation& a : anns) {
      const int line = para.line_at(a.begin);
      if (a.unclosed) {
        draft_.diagnostics.push_back({Severity::warning, line, {},
                                      "closing bracket missing in " + quote(a.content, 60) +
                                          ": the annotation was closed at the end of its paragraph"});
      }
      AnnotationContent c = parse_annotation(a.content, known_);
      for (Mention& m : c.mentions) dt.mentions.push_back({std::move(m), line});
      for (std::string& d : c.deadlines) {
        if (dt.deadline_line == 0) dt.deadline_line = line;
        dt.deadline_phrases.push_back(std::move(d));
      }
      if (c.first_is_lead || c.responsible_is_lead) {
        notes.first_is_lead = notes.first_is_lead || c.first_is_lead;
        notes.responsible_is_lead = notes.responsible_is_lead || c.responsible_is_lead;
        if (c.sticky) {
          sticky_first_ = c.first_is_lead;
          sticky_responsible_ = c.responsible_is_lead;
        }
      }
    }
  }

  void build() {
    std::vector<int> tasks;
    std::size_t max_chain = 0;
    for (std::size_t i = 0; i < items().size(); ++i) {
      if (state_[i].kind != Kind::task) continue;
      tasks.push_back(static_cast<int>(i));
      max_chain = std::max(max_chain, state_[i].chain.size());
    }
    // One level of headings is categories, unless every heading names a part
    // of a plan (重点任务, 保障措施): then they are sections.
    bool named_sections = false;
    for (std::size_t i = 0; i < items().size(); ++i) {
      if (items()[i].depth != 0 || state_[i].kind != Kind::container) continue;
      const std::string& h = heading_of(static_cast<int>(i));
      if (!one_of(h, kSectionTitles) && !one_of(h, kIntroTitles) && !is_measure_title(h)) {
        named_sections = false;
        break;
      }
      named_sections = true;
    }
    const bool has_sections = max_chain >= 2 || named_sections;
    std::map<int, int> section_of;  // item → Plan::sections index
    if (has_sections) {
      for (std::size_t i = 0; i < items().size(); ++i) {
        if (items()[i].depth != 0 || state_[i].kind != Kind::container) continue;
        section_of[static_cast<int>(i)] = static_cast<int>(draft_.plan.sections.size());
        draft_.plan.sections.push_back({unbracketed(items()[i].marker), heading_of(static_cast<int>(i))});
      }
    }
    std::map<int, int> category_of;
    // One allocation: growing a vector of a hundred thousand tasks moves
    // them all a dozen times and leaves the freed blocks to consolidate.
    draft_.tasks.reserve(tasks.size());
    for (int idx : tasks) build_task(idx, has_sections, section_of, category_of);
  }

  void build_task(int idx, bool has_sections, const std::map<int, int>& section_of, std::map<int, int>& category_of) {
    const Item& item = items()[static_cast<std::size_t>(idx)];
    const ItemState& s = state_[static_cast<std::size_t>(idx)];
    DraftTask dt;
    Task& t = dt.task;
    t.number = item.marker.printed;
    t.line = item.line;
    dt.number_value = item.marker.value;

    // Place: section, category, measure.
    int section_item = -1;
    int category_item = -1;
    if (has_sections) {
      if (!s.chain.empty() && section_of.count(s.chain.front()) != 0) section_item = s.chain.front();
      if (s.chain.size() >= 2) category_item = s.chain.back();
    } else if (!s.chain.empty()) {
      category_item = s.chain.back();
    }
    bool measure = false;
    for (int c : s.chain) measure = measure || is_measure_part(c);
    t.kind = measure ? TaskKind::measure : TaskKind::task;
    if (section_item >= 0) t.section = section_of.at(section_item);
    if (category_item >= 0) {
      auto it = category_of.find(category_item);
      if (it == category_of.end()) {
        const Item& c = items()[static_cast<std::size_t>(category_item)];
        it = category_of.emplace(category_item, static_cast<int>(draft_.plan.categories.size())).first;
        draft_.plan.categories.push_back({unbracketed(c.marker), heading_of(category_item), t.section});
      }
      t.category = it->second;
      dt.scope_value = items()[static_cast<std::size_t>(category_item)].marker.value;
    } else if (section_item >= 0) {
      dt.scope_value = items()[static_cast<std::size_t>(section_item)].marker.value;
    }

    // Text: title, body, annotations.
    std::vector<std::pair<const Para*, const std::vector<Annotation>*>>& paras = paras_;
    std::vector<std::string_view>& prefixes = prefixes_;
    paras.clear();
    prefixes.clear();
    gather(idx, true, paras, prefixes);
    std::size_t size = 0;
    for (const auto& [para, anns] : paras) size += para->text.size() + 1;
    std::string body;
    body.reserve(size);
    AnnotationContent notes;
    for (std::size_t p = 0; p < paras.size(); ++p) {
      const Para& para = *paras[p].first;
      const std::vector<Annotation>& anns = *paras[p].second;
      read_annotations(anns, para, dt, notes);
      std::string_view rest = trim_view(without(para.text, anns, scratch_));
      if (t.title.empty() && prefixes[p].empty()) {
        const auto [title, after] = first_sentence(rest);
        t.title = clean_title(title);
        rest = trim_view(after);
      }
      if (rest.empty() && prefixes[p].empty()) continue;
      if (!body.empty()) body += '\n';
      body += prefixes[p];
      body.append(rest);
    }
    t.body = std::move(body);
    if (dt.mentions.empty() && s.inherit >= 0) {
      // A container's annotation holds for the tasks under it that have none.
      const ItemState& cs = state_[static_cast<std::size_t>(s.inherit)];
      const Item& ci = items()[static_cast<std::size_t>(s.inherit)];
      AnnotationContent unused;
      for (std::size_t p = 0; p < ci.paras.size(); ++p) read_annotations(cs.anns[p], ci.paras[p], dt, unused);
    }
    // A 下同 note read in this task holds from this task on (it updated the
    // sticky flags); one without 下同 holds for this task only.
    dt.first_is_lead = notes.first_is_lead || sticky_first_;
    dt.responsible_is_lead = notes.responsible_is_lead || sticky_responsible_;
    if (dt.deadline_phrases.empty()) {
      dt.deadline_phrases = body_deadlines(t.body);
      if (!dt.deadline_phrases.empty()) dt.deadline_line = t.line;
    }
    t.targets = find_targets(t.title, t.body);
    draft_.tasks.push_back(std::move(dt));
  }

  std::string_view text_;
  const ImportOptions& options_;
  KnownName known_;
  Draft draft_;
  Outline outline_;
  std::vector<ItemState> state_;
  // Reused by every task, so building one allocates only what it keeps.
  std::string scratch_;
  std::vector<std::pair<const Para*, const std::vector<Annotation>*>> paras_;
  std::vector<std::string_view> prefixes_;
  std::array<bool, number_style_count> inline_styles_{};
  bool sticky_first_ = false;
  bool sticky_responsible_ = false;
};

}  // namespace

Draft read_document(std::string_view text, const ImportOptions& options) { return Reader(text, options).run(); }

}  // namespace duban::importer
