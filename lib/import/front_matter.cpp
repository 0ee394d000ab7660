#include "import/front_matter.hpp"

#include "import/chars.hpp"
#include "import/numbering.hpp"

namespace duban::importer {
namespace {

constexpr std::size_t kHeadLines = 30;  // a head longer than this is not a head

bool head_ends_at(std::string_view t) {
  if (read_marker(t)) return true;
  if (t.find("。") != std::string_view::npos) return true;
  return char_count(t) > 45;
}

// 临合组办〔2025〕2号 inside a line; empty when there is none.
std::string find_doc_number(std::string_view t, int& year) {
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(t, i, len);
    if (bracket_kind(cp) > 0) {
      std::size_t j = i + len;
      int y = 0;
      int digits = 0;
      while (j < t.size()) {
        std::size_t l2 = 1;
        const int d = digit_value(decode_at(t, j, l2));
        if (d < 0) break;
        y = y * 10 + d;
        ++digits;
        j += l2;
      }
      std::size_t l3 = 1;
      if (digits == 4 && j < t.size() && bracket_kind(decode_at(t, j, l3)) < 0) {
        j += l3;
        std::size_t k = j;
        int n = 0;
        while (k < t.size()) {
          std::size_t l4 = 1;
          if (digit_value(decode_at(t, k, l4)) < 0) break;
          k += l4;
          ++n;
        }
        if (n > 0 && t.substr(k).starts_with("号")) {
          k += 3;
          std::size_t start = i;
          while (start > 0) {
            std::size_t l5 = 1;
            const char32_t prev = decode_before(t, start, l5);
            if (is_space(prev) || prev == 0xFF1A || prev == ':') break;
            start -= l5;
          }
          year = y;
          return repair_spaces(t.substr(start, k - start));
        }
      }
    }
    i += len;
  }
  return {};
}

bool has_title_word(std::string_view t) {
  for (std::string_view w : {"要点", "方案", "计划", "通知", "意见", "安排", "清单", "办法", "分工", "台账",
                             "任务", "要求", "规划", "实施", "细则", "决定"}) {
    if (t.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool is_recipients(std::string_view t) {
  std::size_t len = 1;
  const char32_t last = decode_before(t, t.size(), len);
  return last == 0xFF1A || last == ':';
}

bool org_like(std::string_view t) {
  for (std::string_view w : {"办公室", "办公厅", "人民政府", "委员会", "领导小组", "指挥部", "局", "委"}) {
    if (t.ends_with(w)) return true;
  }
  return false;
}

// 关于印发《X》的通知 → X; 关于印发X的通知 → X.
std::string plan_title(std::string title) {
  const std::size_t p = title.find("印发");
  if (p == std::string::npos) return title;
  const std::size_t open = title.find("《", p);
  const std::size_t close = title.rfind("》");
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return title.substr(open + 3, close - open - 3);
  }
  const std::size_t tail = title.rfind("的通知");
  if (tail != std::string::npos && tail > p + 6) return title.substr(p + 6, tail - p - 6);
  return title;
}

int year_in(std::string_view t) {
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    int y = 0;
    std::size_t j = i;
    int n = 0;
    while (j < t.size() && n < 5) {
      std::size_t len = 1;
      const int d = digit_value(decode_at(t, j, len));
      if (d < 0) break;
      y = y * 10 + d;
      ++n;
      j += len;
    }
    if (n == 4 && t.substr(j).starts_with("年") && y >= 1990 && y <= 2100 &&
        (i == 0 || digit_value(t[i - 1]) < 0)) {
      return y;
    }
    if (n > 0) i = j - 1;
  }
  return 0;
}

}  // namespace

FrontMatter read_front_matter(const std::vector<SourceLine>& lines) {
  FrontMatter fm;
  // The head: lines before the first item number, sentence or long line.
  std::size_t end = 0;
  std::size_t seen = 0;
  for (; end < lines.size(); ++end) {
    if (lines[end].kind != LineKind::text) continue;
    if (head_ends_at(lines[end].text) || ++seen > kHeadLines) break;
  }
  if (seen > kHeadLines) end = 0;  // no head at all: a table, or a body without one
  fm.body_start = end;

  std::vector<std::size_t> head;
  for (std::size_t i = 0; i < end; ++i) {
    if (lines[i].kind == LineKind::text) head.push_back(i);
  }
  int number_year = 0;
  std::size_t after = 0;  // the title starts after the number or the header
  for (std::size_t i : head) {
    const std::string_view t = lines[i].text;
    if (fm.doc_number.empty()) {
      std::string n = find_doc_number(t, number_year);
      if (!n.empty()) {
        fm.doc_number = std::move(n);
        after = i + 1;
        continue;
      }
    }
    if (fm.issuer.empty() && t.ends_with("文件") && char_count(t) > 4) {
      fm.issuer = repair_spaces(t.substr(0, t.size() - 6));
      if (fm.doc_number.empty()) after = i + 1;
    }
  }
  // Title: the first run of consecutive lines after `after` that reads as a
  // title; runs end at a blank line or the recipients' line.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = after; i < end;) {
    if (lines[i].kind != LineKind::text || is_recipients(lines[i].text) || !find_doc_number(lines[i].text, number_year).empty() ||
        (!fm.issuer.empty() && lines[i].text.ends_with("文件"))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && lines[j].kind == LineKind::text && !is_recipients(lines[j].text)) ++j;
    runs.emplace_back(i, j);
    i = j;
  }
  const auto joined = [&](const std::pair<std::size_t, std::size_t>& r) {
    std::string t;
    for (std::size_t k = r.first; k < r.second; ++k) t += lines[k].text;
    return repair_spaces(t);
  };
  std::size_t title_run = runs.size();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (has_title_word(joined(runs[r]))) {
      title_run = r;
      break;
    }
  }
  if (title_run == runs.size() && !runs.empty()) title_run = 0;
  if (title_run < runs.size()) {
    fm.title = plan_title(joined(runs[title_run]));
    // A run before the title that names an office is the issuer.
    if (fm.issuer.empty()) {
      for (std::size_t r = 0; r < title_run; ++r) {
        const std::string t = joined(runs[r]);
        if (org_like(t)) {
          fm.issuer = t;
          break;
        }
      }
    }
  }
  // Issue date: the first date standing alone, else the 印发 line's.
  std::optional<Date> printed;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == LineKind::date && !fm.issued) {
      fm.issued = lines[i].date;
      if (fm.issuer.empty()) {
        std::string sig;
        std::size_t k = i;
        while (k > 0 && (lines[k - 1].kind == LineKind::signature || lines[k - 1].kind == LineKind::blank)) --k;
        for (; k < i; ++k) {
          if (lines[k].kind == LineKind::signature) sig += lines[k].text;
        }
        fm.issuer = repair_spaces(sig);
      }
    }
    if (lines[i].kind == LineKind::back_matter && lines[i].date && !printed) printed = lines[i].date;
  }
  if (!fm.issued) fm.issued = printed;

  fm.year = year_in(fm.title);
  if (fm.year == 0 && fm.issued) fm.year = static_cast<int>(fm.issued->year());
  if (fm.year == 0) fm.year = number_year;
  return fm;
}

}  // namespace duban::importer
