#include "import/unit_names.hpp"

#include <array>
#include <cstdint>

#include "import/chars.hpp"
#include "import/cjk_bytes.hpp"

namespace duban::importer {
namespace {

constexpr std::u32string_view kLevelChars = U"省市区县";
// Punctuation trimmed from the end of a name (a view built once: its length
// would otherwise be counted on every call).
constexpr std::u32string_view kListPunctuation = U"。.，,；;、：:";

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

// Does the name begin with a level character (省市区县)? By bytes: each is one
// 3-byte character.
bool starts_with_level(std::string_view s) {
  switch (head3(s)) {
    case head3("省"): case head3("市"): case head3("区"): case head3("县"):
      return true;
    default:
      return false;
  }
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

// The characters a unit name ends with (局, 委, 办, 中心, 街道, 单位, 部门…).
bool unit_last_char(char32_t c) noexcept {
  switch (c) {
    case U'局': case U'委': case U'办': case U'部': case U'厅': case U'会': case U'院': case U'所': case U'队':
    case U'处': case U'室': case U'站': case U'馆': case U'社': case U'司': case U'行': case U'心': case U'团':
    case U'道': case U'镇': case U'乡': case U'府': case U'位': case U'门': case U'构': case U'联': case U'组':
    case U'业': case U'校': case U'科': case U'署': case U'台':
      return true;
    default:
      return false;
  }
}

// Ends with 局, 委, 办, 厅, 委员会 or 办公室; the last character decides first.
inline bool government_like(std::string_view s) {
  switch (tail3(s)) {
    case head3("局"): case head3("委"): case head3("办"): case head3("厅"):
      return true;
    case head3("会"):
      return s.ends_with("委员会");
    case head3("室"):
      return s.ends_with("办公室");
    default:
      return false;
  }
}

// A piece that sets the level prefix for the names after it.
std::string_view level_prefix(std::string_view s) {
  if (!starts_with_level(s)) return {};
  if (!government_like(s) && tail3(s) != head3("部")) return {};
  return s.substr(0, 3);
}

// A bare name that may take the run's prefix: 发展改革委 after 市市场监管局.
bool may_take_prefix(std::string_view s) {
  if (s.empty() || !government_like(s)) return false;
  if (s.size() > 8 && char_count(s) > 8) return false;  // fewer bytes than 9 are fewer characters too
  if (kLevelChars.find(nth_char(s, 0)) != std::u32string_view::npos) return false;
  if (kLevelChars.find(nth_char(s, 1)) != std::u32string_view::npos) return false;  // 团区委
  return !starts_with_any(s, {"各", "相关", "有关", "前方", "党", "中共", "团", "驻", "全"}) && !is_collective(s);
}

// The last bytes of 及, 和, 与 and 以.
constexpr std::array<bool, 256> kConjunctionLast = [] {
  std::array<bool, 256> t{};
  for (const std::string_view c : {"及", "和", "与", "以"}) t[static_cast<unsigned char>(c[2])] = true;
  return t;
}();

// The length of 及/和/与/以及 when `c` (the character at i) begins one, else 0.
std::size_t conjunction_length(std::string_view list, std::size_t i, std::uint32_t c) {
  switch (c) {
    case head3("及"): case head3("和"): case head3("与"):
      return 3;
    case head3("以"):
      return list.substr(i).starts_with("以及") ? 6 : 0;
    default:
      return 0;
  }
}

// Does the conjunction `c` (at i, `wlen` bytes) split the run: a complete
// name on its left, and on its right one (及) or the start of one (和/与)?
bool conjunction_splits(std::string_view list, std::size_t start, std::size_t i, std::uint32_t c, std::size_t wlen) {
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
  if (left.empty() || right.empty() || !ends_like_unit(left)) return false;
  if (c == head3("及") || c == head3("以")) {
    return ends_like_unit(right) || is_collective(right);
  }
  return kLevelChars.find(first_char(right)) != std::u32string_view::npos ||
         starts_with_any(right, {"各", "相关", "有关"});
}

// Calls `piece(text, after_comma)` for the pieces of a list: split on
// separators outside brackets, and on 及/和/与 only between two complete
// names. `after_comma`: separated from the piece before by ，；。 rather than 、.
template <typename F>
void for_each_piece(std::string_view list, F&& piece) {
  std::size_t start = 0;
  int depth = 0;
  bool comma = false;
  const auto push = [&](std::size_t end, bool next_comma) {
    if (end > start) piece(list.substr(start, end - start), comma);
    comma = next_comma;
  };
  for (std::size_t i = 0; i < list.size();) {
    if (const auto b = static_cast<unsigned char>(list[i]); ideograph_lead(b)) {
      // Not a bracket nor a separator: only 及/和/与/以及 can matter, and
      // they begin with E4 or E5 and end with few last bytes.
      const std::uint32_t c =
          depth == 0 && b <= 0xE5 && i + 2 < list.size() && kConjunctionLast[static_cast<unsigned char>(list[i + 2])]
              ? bytes3(list, i)
              : 0;
      if (const std::size_t wlen = c != 0 ? conjunction_length(list, i, c) : 0;
          wlen > 0 && conjunction_splits(list, start, i, c, wlen)) {
        push(i, false);
        start = i + wlen;
        i += wlen;
        continue;
      }
      i += 3;
      continue;
    }
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
      }
    }
    i += len;
  }
  push(list.size(), false);
}

// 前方工作机构等 → 前方工作机构; A等部门 → A. Sets `open` when 等 was there.
std::string_view strip_etc(std::string_view s, bool& open) {
  static constexpr std::array<std::string_view, 12> kGeneric = {
      "等相关部门", "等有关部门", "等相关单位", "等有关单位", "等部门单位", "等单位部门",
      "等部门",     "等单位",     "等机构",     "等有关方面", "等方面",     "等"};
  switch (tail3(s)) {  // the last characters of kGeneric
    case head3("等"): case head3("门"): case head3("位"): case head3("构"): case head3("面"):
      break;
    default:
      return s;
  }
  for (std::string_view g : kGeneric) {
    if (s.size() > g.size() && s.ends_with(g)) {
      open = true;
      return trim_view(s.substr(0, s.size() - g.size()));
    }
  }
  return s;
}

std::string_view strip_lead_words(std::string_view s) {
  switch (head3(s)) {  // the first characters of the words below
    case head3("由"): case head3("请"): case head3("会"): case head3("并"):
      break;
    default:
      return s;
  }
  for (std::string_view w : {std::string_view("由"), std::string_view("请"), std::string_view("会同"),
                             std::string_view("并由")}) {
    if (s.size() > w.size() && s.starts_with(w)) return trim_view(s.substr(w.size()));
  }
  return s;
}

}  // namespace

bool ends_like_unit(std::string_view s) {
  s = trim_view(s);
  // A name that ends with an ideograph has no bracket group to look through.
  const std::string_view core = ends_with_ideograph(s) ? s : without_trailing_group(s);
  if (core.empty()) return false;
  std::size_t len = 1;
  return unit_last_char(decode_before(core, core.size(), len));
}

bool is_collective(std::string_view name) {
  name = trim_view(name);
  if (name.empty()) return false;
  if (name.starts_with("各")) return true;
  // 区各对口支援领导小组成员单位, 区直各部门, 全区各街道
  if (nth_char(name, 1) == U'各' || nth_char(name, 2) == U'各') return true;
  // The suffixes below end with 位, 门, 关, 构, 道, 镇, 业 or 面: most names end otherwise.
  switch (tail3(name)) {
    case head3("位"): case head3("门"): case head3("关"):
      if (ends_with_any(name, {"成员单位", "主管部门", "派出单位", "结对单位", "所属单位", "下属单位", "直部门",
                               "直单位", "直机关", "级部门", "级单位", "级机关"})) {
        return true;
      }
      break;
    case head3("构"): case head3("道"): case head3("镇"): case head3("业"): case head3("面"):
      break;
    default:
      return false;
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

void visit_units(std::string_view list, const KnownName& known, UnitVisit visit, void* context) {
  std::string_view prefix;  // the level prefix of the current 、 run, in `list`
  std::string with;         // a name with the run's prefix restored
  for_each_piece(list, [&](std::string_view text, bool after_comma) {
    if (after_comma) prefix = {};
    std::string_view s = trim_view(text);
    s = trim_trailing_quick(s, kListPunctuation);
    s = strip_lead_words(s);
    bool open = false;
    s = strip_etc(s, open);
    s = trim_view(s);
    // strip_etc keeps the first character (not whitespace), so a name is
    // empty only when its piece was, never with `open` set.
    if (s.empty()) return;
    UnitView u{s, open, false};
    if (const std::string_view own = level_prefix(s); !own.empty()) {
      prefix = own;
    } else if (!prefix.empty() && may_take_prefix(s) && !(known && known(s))) {
      with.assign(prefix).append(s);
      u.name = with;
      u.restored = true;
    }
    visit(context, u);
  });
}

std::vector<UnitName> split_units(std::string_view list, const KnownName& known) {
  std::vector<UnitName> out;
  for_each_unit(list, known, [&out](const UnitView& u) {
    out.push_back({std::string(u.name), u.open_ended, u.restored});
  });
  return out;
}

}  // namespace duban::importer
