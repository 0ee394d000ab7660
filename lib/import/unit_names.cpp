#include "import/unit_names.hpp"

#include <array>

#include "import/chars.hpp"

namespace duban::importer {
namespace {

constexpr std::u32string_view kLevelChars = U"省市区县";

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (s.ends_with(w)) return true;
  }
  return false;
}
bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (s.starts_with(w)) return true;
  }
  return false;
}

char32_t first_char(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t len = 1;
  return decode_at(s, 0, len);
}

// The i-th code point (0-based), or 0.
char32_t nth_char(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; i < s.size(); ++k) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    if (k == n) return cp;
    i += len;
  }
  return 0;
}

// `s` with one bracket group at its end removed: 各乡镇（街道） → 各乡镇.
std::string_view without_trailing_group(std::string_view s) {
  std::size_t len = 1;
  if (s.empty() || bracket_kind(decode_before(s, s.size(), len), true) >= 0) return s;
  int depth = 0;
  std::size_t end = s.size();
  while (end > 0) {
    const char32_t cp = decode_before(s, end, len);
    end -= len;
    const int k = bracket_kind(cp, true);
    depth -= k;  // closers count up going backwards
    if (depth == 0) return s.substr(0, end);
  }
  return s;
}

bool government_like(std::string_view s) {
  return ends_with_any(s, {"局", "委", "办", "厅", "委员会", "办公室"});
}

// A piece that sets the level prefix for the names after it.
std::string_view level_prefix(std::string_view s) {
  const char32_t c = first_char(s);
  if (kLevelChars.find(c) == std::u32string_view::npos) return {};
  if (!government_like(s) && !s.ends_with("部")) return {};
  return s.substr(0, 3);
}

// A bare name that may take the run's prefix: 发展改革委 after 市市场监管局.
bool may_take_prefix(std::string_view s) {
  if (s.empty() || char_count(s) > 8 || !government_like(s)) return false;
  if (kLevelChars.find(nth_char(s, 0)) != std::u32string_view::npos) return false;
  if (kLevelChars.find(nth_char(s, 1)) != std::u32string_view::npos) return false;  // 团区委
  return !starts_with_any(s, {"各", "相关", "有关", "前方", "党", "中共", "团", "驻", "全"}) && !is_collective(s);
}

struct Piece {
  std::string_view text;
  bool after_comma = false;  // separated from the one before by ，； rather than 、
};

// Separators outside brackets; 及/和/与 only between two complete names.
std::vector<Piece> pieces(std::string_view list) {
  std::vector<Piece> out;
  std::size_t start = 0;
  int depth = 0;
  bool comma = false;
  const auto push = [&](std::size_t end, bool next_comma) {
    if (end > start) out.push_back({list.substr(start, end - start), comma});
    comma = next_comma;
  };
  for (std::size_t i = 0; i < list.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(list, i, len);
    const int k = bracket_kind(cp, true);
    if (k > 0) {
      ++depth;
    } else if (k < 0 && depth > 0) {
      --depth;
    } else if (depth == 0) {
      if (cp == U'、') {
        push(i, false);
        start = i + len;
      } else if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002 || cp == '\n') {
        push(i, true);
        start = i + len;
      } else if (cp == U'及' || cp == U'和' || cp == U'与' || (cp == U'以' && list.substr(i).starts_with("以及"))) {
        const std::size_t wlen = cp == U'以' ? 6 : 3;
        const std::string_view left = trim_view(list.substr(start, i - start));
        std::string_view right = list.substr(i + wlen);
        // The right side up to the next separator.
        for (std::size_t j = 0; j < right.size();) {
          std::size_t l2 = 1;
          const char32_t c2 = decode_at(right, j, l2);
          if (c2 == U'、' || c2 == 0xFF0C || c2 == ',' || c2 == 0xFF1B || c2 == ';') {
            right = right.substr(0, j);
            break;
          }
          j += l2;
        }
        right = trim_view(right);
        bool split = false;
        if (!left.empty() && !right.empty() && ends_like_unit(left)) {
          if (cp == U'及' || cp == U'以') {
            split = ends_like_unit(right) || is_collective(right);
          } else {
            split = kLevelChars.find(first_char(right)) != std::u32string_view::npos ||
                    starts_with_any(right, {"各", "相关", "有关"});
          }
        }
        if (split) {
          push(i, false);
          start = i + wlen;
          i += wlen;
          continue;
        }
      }
    }
    i += len;
  }
  push(list.size(), false);
  return out;
}

// 前方工作机构等 → 前方工作机构; A等部门 → A. Sets `open` when 等 was there.
std::string_view strip_etc(std::string_view s, bool& open) {
  static constexpr std::array<std::string_view, 12> kGeneric = {
      "等相关部门", "等有关部门", "等相关单位", "等有关单位", "等部门单位", "等单位部门",
      "等部门",     "等单位",     "等机构",     "等有关方面", "等方面",     "等"};
  for (std::string_view g : kGeneric) {
    if (s.size() > g.size() && s.ends_with(g)) {
      open = true;
      return trim_view(s.substr(0, s.size() - g.size()));
    }
  }
  return s;
}

std::string_view strip_lead_words(std::string_view s) {
  for (std::string_view w : {std::string_view("由"), std::string_view("请"), std::string_view("会同"),
                             std::string_view("并由")}) {
    if (s.size() > w.size() && s.starts_with(w)) return trim_view(s.substr(w.size()));
  }
  return s;
}

}  // namespace

bool ends_like_unit(std::string_view s) {
  s = trim_view(s);
  const std::string_view core = without_trailing_group(s);
  if (core.empty()) return false;
  std::size_t len = 1;
  const char32_t last = decode_before(core, core.size(), len);
  static constexpr std::u32string_view kLast = U"局委办部厅会院所队处室站馆社司行心团道镇乡府位门构联组业校科署台";
  return kLast.find(last) != std::u32string_view::npos;
}

bool is_collective(std::string_view name) {
  name = trim_view(name);
  if (name.empty()) return false;
  if (name.starts_with("各")) return true;
  // 区各对口支援领导小组成员单位, 区直各部门, 全区各街道
  if (nth_char(name, 1) == U'各' || nth_char(name, 2) == U'各') return true;
  if (ends_with_any(name, {"成员单位", "主管部门", "派出单位", "结对单位", "所属单位", "下属单位", "直部门",
                           "直单位", "直机关", "级部门", "级单位", "级机关"})) {
    return true;
  }
  const bool related = name.find("相关") != std::string_view::npos || name.find("有关") != std::string_view::npos;
  return related && ends_with_any(name, {"部门", "单位", "机构", "街道", "街镇", "乡镇", "企业", "方面"});
}

UnitKind guess_kind(std::string_view name) {
  if (is_collective(name)) return UnitKind::group;
  const std::string_view core = without_trailing_group(trim_view(name));
  if (ends_with_any(core, {"街道", "街道办事处", "街道办"})) return UnitKind::street;
  if (ends_with_any(core, {"镇", "乡", "镇人民政府", "乡人民政府"})) return UnitKind::town;
  if (ends_with_any(core, {"集团", "公司", "企业"})) return UnitKind::enterprise;
  if (ends_with_any(core, {"工商联", "妇联", "残联", "团区委", "团市委", "团县委", "团委", "社联会", "基金会",
                           "协会", "联合会", "红十字会", "科协", "侨联", "文联", "总工会"})) {
    return UnitKind::organisation;
  }
  if (core.find("前方") != std::string_view::npos || core.find("指挥部") != std::string_view::npos ||
      core.find("工作队") != std::string_view::npos) {
    return UnitKind::frontline;
  }
  return UnitKind::department;
}

std::vector<UnitName> split_units(std::string_view list, const KnownName& known) {
  std::vector<UnitName> out;
  std::string prefix;  // the level prefix of the current 、 run
  for (const Piece& p : pieces(list)) {
    if (p.after_comma) prefix.clear();
    std::string_view s = trim_view(p.text);
    s = trim_trailing(s, U"。.，,；;、：:");
    s = strip_lead_words(s);
    bool open = false;
    s = strip_etc(s, open);
    s = trim_view(s);
    if (s.empty()) {
      if (open && !out.empty()) out.back().open_ended = true;
      continue;
    }
    UnitName u{std::string(s), open, false};
    if (const std::string_view own = level_prefix(s); !own.empty()) {
      prefix.assign(own);
    } else if (!prefix.empty() && may_take_prefix(s)) {
      const std::string with = prefix + u.name;
      const bool bare_known = known && known(u.name);
      if (!bare_known) {
        u.name = with;
        u.restored = true;
      }
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace duban::importer
