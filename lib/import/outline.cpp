#include "import/outline.hpp"

#include <algorithm>
#include <array>

#include "duban/error.hpp"
#include "import/annotation.hpp"
#include "import/chars.hpp"
#include "text/words.hpp"

namespace duban::importer {
namespace {

char32_t last_char(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t len = 1;
  return decode_before(s, s.size(), len);
}

char32_t first_char(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t len = 1;
  return decode_at(s, 0, len);
}

bool ascii_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Bracket depth after `s`, starting from `depth`; a stray closer is ignored.
// Every line of a document passes through here. Brackets are ASCII or lead
// with EF or E3, so two ideographs with other leads (most of a plan) are
// passed in one step.
int bracket_depth(std::string_view s, int depth) {
  namespace w = text::words;
  for (std::size_t i = 0; i < s.size();) {
    if (w::kLittleEndian && i + 8 <= s.size()) {
      const std::uint64_t word = w::load(s.data() + i);
      if (w::two_triples(word)) {
        const unsigned a = w::lead_nibble(word);
        const unsigned b = w::second_lead_nibble(word);
        if (a != 0xF && a != 0x3 && b != 0xF && b != 0x3) {
          i += 6;
          continue;
        }
      }
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 && b != 0xEF && b != 0xE3) {
      i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      continue;
    }
    std::size_t len = 1;
    const int k = bracket_kind(decode_at(s, i, len));
    if (k > 0) {
      ++depth;
    } else if (k < 0 && depth > 0) {
      --depth;
    }
    i += len;
  }
  return depth;
}

class Builder {
 public:
  Outline run(const std::vector<SourceLine>& lines, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < lines.size(); ++i) {
      if (lines[i].kind == LineKind::text) line(lines[i]);
    }
    return std::move(out_);
  }

 private:
  struct Level {
    NumberStyle style;
    int value;
    int item;
  };

  std::vector<Para>& paras() { return out_.items.empty() ? out_.preamble : out_.items.back().paras; }

  void note(Severity severity, int line, std::string message) {
    out_.diagnostics.push_back({severity, line, {}, std::move(message)});
  }

  void new_para(std::string_view text, int line) {
    Para p;
    p.text.assign(text);
    p.lines.emplace_back(0, line);
    paras().push_back(std::move(p));
    depth_ = bracket_depth(text, 0);
    open_ = !is_terminal(last_char(text));
  }

  void append(std::string_view text, int line) {
    Para& p = paras().back();
    if (ascii_word(last_char(p.text)) && ascii_word(first_char(text))) p.text += ' ';
    p.lines.emplace_back(static_cast<std::uint32_t>(p.text.size()), line);
    p.text.append(text);
    depth_ = bracket_depth(text, depth_);
    open_ = !is_terminal(last_char(text));
  }

  bool para_open() { return !paras().empty() && (open_ || depth_ > 0); }

  bool in_sequence(const Marker& m) const {
    if (m.value == 1) return true;
    const int s = static_cast<int>(m.style);
    if (m.value == last_value_[s] + 1) return true;
    for (const Level& l : stack_) {
      if (l.style == m.style && m.value == l.value + 1) return true;
    }
    return false;
  }

  void accept(const Marker& m, int line) {
    const auto same = std::find_if(stack_.begin(), stack_.end(), [&](const Level& l) { return l.style == m.style; });
    if (same != stack_.end()) {
      stack_.erase(same, stack_.end());
    } else {
      while (!stack_.empty() && static_cast<int>(stack_.back().style) >= static_cast<int>(m.style)) stack_.pop_back();
    }
    Item item;
    item.marker = m;
    item.line = line;
    item.depth = static_cast<int>(stack_.size());
    item.parent = stack_.empty() ? -1 : stack_.back().item;
    const int index = static_cast<int>(out_.items.size());
    if (item.parent >= 0) out_.items[static_cast<std::size_t>(item.parent)].children.push_back(index);
    out_.items.push_back(std::move(item));
    stack_.push_back({m.style, m.value, index});
    last_value_[static_cast<int>(m.style)] = m.value;
    open_ = false;
    depth_ = 0;
  }

  void line(const SourceLine& l) {
    const std::string_view text = l.text;
    if (const auto m = read_marker(text)) {
      const std::string_view rest = text.substr(m->rest);
      const bool seq = in_sequence(*m);
      const bool open = para_open();
      if (rest.empty()) {
        if (open || !seq) {
          note(Severity::info, l.number, "line " + quote(text) + " read as a page number, not an item number");
          return;
        }
        accept(*m, l.number);
        out_.items.back().label = std::string(trim_view(marker_text(text, *m)));
        return;
      }
      if (seq || !open) {
        if (!seq) {
          note(Severity::warning, l.number,
               "numbering jumps to " + quote(m->printed) + " after " +
                   std::to_string(last_value_[static_cast<int>(m->style)]) + ": " + quote(text, 40));
        }
        accept(*m, l.number);
        out_.items.back().label = std::string(trim_view(marker_text(text, *m)));
        new_para(rest, l.number);
        if (depth_ == 0 && is_heading_text(rest)) open_ = false;
        return;
      }
      // A number inside an open sentence that breaks the sequence: text.
    }
    if (paras().empty()) {
      new_para(text, l.number);
    } else if (depth_ == 0 && starts_with_label(text)) {
      new_para(text, l.number);
    } else if (para_open()) {
      append(text, l.number);
    } else {
      new_para(text, l.number);
    }
  }

  Outline out_;
  std::vector<Level> stack_;
  std::array<int, number_style_count> last_value_{};
  bool open_ = false;
  int depth_ = 0;
};

}  // namespace

int Para::line_at(std::size_t offset) const noexcept {
  if (lines.empty()) return 0;
  const auto after = std::upper_bound(lines.begin(), lines.end(), offset,
                                      [](std::size_t o, const auto& entry) { return o < entry.first; });
  return after == lines.begin() ? lines.front().second : std::prev(after)->second;
}

bool is_heading_text(std::string_view text) {
  text = trim_view(text);
  // A character is at most four bytes: a long paragraph is no heading without
  // counting its characters.
  if (text.empty() || text.size() > 4 * 30 || char_count(text) > 30) return false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(text, i, len);
    if (cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == 0xFF01 || cp == 0xFF1F) return false;
    i += len;
  }
  const char32_t last = last_char(text);
  return !(last == 0xFF0C || last == ',' || last == U'、' || last == 0xFF1A || last == ':');
}

Outline build_outline(const std::vector<SourceLine>& lines, std::size_t from, std::size_t to) {
  return Builder().run(lines, from, to);
}

}  // namespace duban::importer
