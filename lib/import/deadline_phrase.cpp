#include "import/deadline_phrase.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "import/chars.hpp"

namespace duban::importer {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// A clause as code points with whitespace dropped and full-width digits
// folded, so the scanner compares plain characters.
std::u32string compact(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t cp = decode_at(s, i, len);
    i += len;
    if (is_space(cp)) continue;
    if (const int d = digit_value(cp); d >= 0) cp = static_cast<char32_t>('0' + d);
    out += cp;
  }
  return out;
}

int cn_value(char32_t c) {
  switch (c) {
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
  }
}

Date last_of(int y, unsigned m) {
  return Date{std::chrono::year_month_day_last{year{y}, std::chrono::month_day_last{month{m}}}};
}

// The scanner over one clause. Each position tries a handful of fixed
// patterns with bounded look-ahead, so a clause is read in linear time.
class Clause {
 public:
  // Characters a pattern can begin with: everything else is skipped at once,
  // which keeps a long clause (or a hostile 10 MB one) cheap to scan.
  static bool may_start(char32_t c) {
    if (c >= '0' && c <= '9') return true;
    switch (c) {
      case U'次': case U'翌': case U'下': case U'明': case U'每': case U'持': case U'长': case U'常': case U'经':
      case U'贯': case U'立': case U'即': case U'马': case U'按': case U'根': case U'上': case U'适': case U'视':
      case U'另': case U'待': case U'年': case U'本': case U'今': case U'全': case U'第': case U'一': case U'二':
      case U'两': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九': case U'十':
        return true;
      default:
        return false;
    }
  }

  // What one clause tells the next: 2025年6月底前…，12月底前… both mean 2025.
  struct Context {
    int offset = 0;  // 次年: +1
    std::optional<int> explicit_year;
  };

  Clause(std::u32string text, int plan_year, Context& context)
      : c_(std::move(text)), plan_year_(plan_year), offset_(context.offset), explicit_year_(context.explicit_year),
        context_(context) {}

  void scan() {
    while (i_ < c_.size()) {
      if (!may_start(c_[i_])) {
        ++i_;
        continue;
      }
      const std::size_t before = i_;
      step();
      if (i_ == before) ++i_;
    }
    if (pending_year_end_ && dates_.empty()) add_date(last_of(*explicit_year_, 12));
    context_.offset = offset_;
    context_.explicit_year = explicit_year_;
  }

  std::vector<Date> dates_;
  std::optional<Recurrence> recurrence_;
  std::optional<int> within_;
  bool workdays_ = false;
  bool ongoing_ = false;
  std::string unclear_;  // first reason something was not understood
  bool any_ = false;

 private:
  bool at(std::u32string_view w) const {
    return i_ + w.size() <= c_.size() && std::equal(w.begin(), w.end(), c_.begin() + static_cast<std::ptrdiff_t>(i_));
  }

  bool eat(std::u32string_view w) {
    if (!at(w)) return false;
    i_ += w.size();
    return true;
  }
  bool eat_any(std::initializer_list<std::u32string_view> ws) {
    for (auto w : ws) {
      if (eat(w)) return true;
    }
    return false;
  }
  char32_t cur() const { return i_ < c_.size() ? c_[i_] : 0; }

  // Arabic digits (at most `max`) or a Chinese numeral up to 十二/三十一.
  std::optional<int> number(int max_digits = 4) {
    std::size_t j = i_;
    int v = 0;
    int n = 0;
    while (j < c_.size() && c_[j] >= '0' && c_[j] <= '9' && n <= max_digits) v = v * 10 + int(c_[j++] - '0'), ++n;
    if (n > 0 && n <= max_digits) {
      i_ = j;
      return v;
    }
    if (n > max_digits) return std::nullopt;
    // 十二, 二十, 三十一, 六
    int total = 0;
    int cur = -1;
    while (j < c_.size() && cn_value(c_[j]) > 0 && j - i_ < 3) {
      const int d = cn_value(c_[j]);
      if (d == 10) {
        total += (cur < 0 ? 1 : cur) * 10;
        cur = -1;
      } else {
        if (cur >= 0) return std::nullopt;
        cur = d;
      }
      ++j;
    }
    if (j == i_) return std::nullopt;
    if (cur > 0) total += cur;
    i_ = j;
    return total;
  }

  int year_for_relative() {
    if (plan_year_ <= 0) {
      if (unclear_.empty()) unclear_ = "the plan year is unknown";
      return 0;
    }
    return plan_year_ + offset_;
  }
  int year_now() { return explicit_year_ ? *explicit_year_ : year_for_relative(); }

  void add_date(Date d) {
    any_ = true;
    if (!d.ok() || static_cast<int>(d.year()) <= 0) return;
    dates_.push_back(d);
  }
  void unclear(std::string why) {
    any_ = true;
    if (unclear_.empty()) unclear_ = std::move(why);
  }

  void step() {
    if (eat_any({U"次年", U"翌年", U"下一年度", U"下一年", U"明年", U"下年度"})) {
      offset_ = 1;
      any_ = true;
      return;
    }
    if (at(U"每")) {
      recurring();
      return;
    }
    if (eat_any({U"持续推进", U"长期坚持", U"常态化", U"长期推进", U"持续开展", U"长期", U"持续", U"常年",
                 U"经常性", U"贯穿全年"})) {
      ongoing_ = true;
      any_ = true;
      return;
    }
    if (eat_any({U"立行立改", U"即知即改", U"立即", U"马上"})) {
      within_ = 0;
      any_ = true;
      return;
    }
    if (eat_any({U"按上级要求", U"按照上级要求", U"根据上级要求", U"按上级部署", U"按照上级部署", U"上级要求",
                 U"按要求", U"适时", U"视情", U"另行通知", U"根据工作需要", U"根据需要", U"待定"})) {
      unclear("it names no date");
      return;
    }
    if (eat(U"上半年") || eat(U"年中")) {
      add_date(last_of(year_now(), 6));
      return;
    }
    if (eat(U"下半年")) {
      add_date(last_of(year_now(), 12));
      return;
    }
    if (eat_any({U"年底", U"年末", U"年内", U"年度内", U"本年度", U"今年", U"全年", U"年终", U"本年"})) {
      add_date(last_of(year_now(), 12));
      return;
    }
    if (at(U"年前")) {
      // 年前 is as often "before the Spring Festival" as "before year end".
      i_ += 2;
      unclear("年前 may mean before the Spring Festival or before the year's end");
      return;
    }
    if (eat(U"第")) {
      quarter_after_number();
      return;
    }
    if (cur() >= '0' && cur() <= '9') {
      numeric();
      return;
    }
    if (cn_value(cur()) > 0) {
      chinese_led();
      return;
    }
  }

  // 一季度, 二季度末, 六月底 — Chinese numerals before 季度 or 月.
  void chinese_led() {
    const std::size_t save = i_;
    const auto n = number(2);
    if (!n) return;
    if (at(U"季度")) {
      i_ = save;
      quarter_after_number();
      return;
    }
    if (at(U"月") && *n >= 1 && *n <= 12) {
      ++i_;
      month_tail(year_now(), *n);
      return;
    }
    if (at(U"个工作日") || at(U"个月") || at(U"日内") || at(U"天内")) {
      i_ = save;
      numeric_with(*number(2));
      return;
    }
    i_ = save + 1;
  }

  void quarter_after_number() {
    const std::size_t save = i_;
    const auto q = number(1);
    if (!q || *q < 1 || *q > 4 || !eat(U"季度")) {
      i_ = save;
      return;
    }
    eat_any({U"末", U"底"});
    add_date(last_of(year_now(), static_cast<unsigned>(*q * 3)));
  }

  void numeric() {
    const std::size_t save = i_;
    const auto n = number(4);
    if (!n) {
      while (i_ < c_.size() && c_[i_] >= '0' && c_[i_] <= '9') ++i_;
      return;
    }
    if (i_ - save == 4 && at(U"年")) {
      ++i_;
      if (*n < 1990 || *n > 2100) {
        unclear("year " + std::to_string(*n) + " is out of range");
        return;
      }
      explicit_year_ = *n;
      any_ = true;
      if (eat_any({U"年底", U"年末", U"底", U"末", U"内", U"年内", U"全年", U"年度内"})) {
        add_date(last_of(*n, 12));
      } else if (!at(U"上半年") && !at(U"下半年") && !at(U"第") && !(cur() >= '0' && cur() <= '9') &&
                 cn_value(cur()) < 0) {
        pending_year_end_ = true;  // 2024年完成
      }
      return;
    }
    numeric_with(*n);
  }

  void numeric_with(int n) {
    if (eat(U"月")) {
      if (n < 1 || n > 12) {
        unclear(std::to_string(n) + "月 is not a month");
        return;
      }
      month_tail(year_now(), n);
      return;
    }
    if (eat(U"季度")) {
      if (n >= 1 && n <= 4) {
        eat_any({U"末", U"底"});
        add_date(last_of(year_now(), static_cast<unsigned>(n * 3)));
      }
      return;
    }
    // 1—5日内, 1-5个工作日内: the upper bound counts.
    if (at(U"—") || at(U"-") || at(U"－") || at(U"~") || at(U"～") || at(U"至")) {
      const std::size_t save = i_;
      ++i_;
      if (const auto hi = number(3)) {
        n = *hi;
      } else {
        i_ = save;
        return;
      }
    }
    if (eat(U"个工作日")) {
      eat(U"内");
      within_ = n;
      workdays_ = true;
      any_ = true;
      return;
    }
    if (eat(U"日内") || eat(U"天内") || eat(U"天")) {
      within_ = n;
      workdays_ = false;
      any_ = true;
      return;
    }
    if (eat(U"个月")) {
      unclear(std::to_string(n) + "个月 is a span of months, not a date");
      return;
    }
  }

  // After "M月": 底/末, D日, 上中下旬, 前, 份.
  void month_tail(int y, int m) {
    const auto mu = static_cast<unsigned>(m);
    if (eat_any({U"底", U"末", U"下旬"})) {
      add_date(last_of(y, mu));
      return;
    }
    if (eat(U"上旬") || eat(U"初")) {
      add_date(Date{year{y}, month{mu}, day{10}});
      return;
    }
    if (eat(U"中旬")) {
      add_date(Date{year{y}, month{mu}, day{20}});
      return;
    }
    const std::size_t save = i_;
    if (const auto d = number(2)) {
      if (eat(U"日") || eat(U"号")) {
        const Date date{year{y}, month{mu}, day{static_cast<unsigned>(*d)}};
        if (!date.ok()) {
          unclear(std::to_string(m) + "月" + std::to_string(*d) + "日 does not exist");
          return;
        }
        add_date(date);
        return;
      }
      i_ = save;
    }
    if (at(U"前")) {
      // 6月前: before June begins.
      ++i_;
      add_date(m == 1 ? last_of(y - 1, 12) : last_of(y, mu - 1));
      return;
    }
    if (eat(U"中")) {
      add_date(Date{year{y}, month{mu}, day{15}});
      return;
    }
    eat(U"份");
    add_date(last_of(y, mu));
  }

  // 每周五, 每月10日, 每季度最后一个月的25日, 每个季度第1个月的20日, 每半年, 每年.
  void recurring() {
    ++i_;  // 每
    Recurrence r;
    if (eat_any({U"周", U"星期", U"个星期"})) {
      r.every = Every::week;
      static constexpr std::u32string_view kDays = U"一二三四五六日";
      const char32_t d = cur();
      const auto pos = kDays.find(d);
      if (pos != std::u32string_view::npos) {
        r.day = static_cast<int>(pos) + 1;
        ++i_;
      } else if (eat(U"天")) {
        r.day = 7;
      } else if (cur() >= '1' && cur() <= '7') {
        r.day = static_cast<int>(cur() - '0');
        ++i_;
      }
    } else if (eat_any({U"个月", U"月"})) {
      r.every = Every::month;
      month_day(r);
    } else if (eat_any({U"个季度", U"一季度", U"季度", U"季"})) {
      r.every = Every::quarter;
      period_month_day(r);
    } else if (eat_any({U"半年", U"个半年"})) {
      r.every = Every::half_year;
      period_month_day(r);
    } else if (eat_any({U"年度", U"年"})) {
      r.every = Every::year;
      const std::size_t save = i_;
      if (const auto m = number(2); m && *m >= 1 && *m <= 12 && eat(U"月")) {
        r.month = *m == 12 ? 0 : *m;
        month_day(r);
      } else {
        i_ = save;
        period_month_day(r);
      }
    } else {
      return;
    }
    any_ = true;
    if (!recurrence_) recurrence_ = r;
  }

  // After 每月 or a period's month: 10日, 底/末, 上中下旬, 第3个工作日, 最后一个工作日.
  void month_day(Recurrence& r) {
    if (eat_any({U"底", U"末", U"下旬"})) return;
    if (eat(U"上旬")) {
      r.day = 10;
      return;
    }
    if (eat(U"中旬")) {
      r.day = 20;
      return;
    }
    if (eat(U"最后一个工作日")) {
      r.workday = -1;
      return;
    }
    const std::size_t save = i_;
    if (eat(U"第")) {
      if (const auto n = number(2); n && eat(U"个工作日")) {
        r.workday = *n;
        return;
      }
      i_ = save;
    }
    if (const auto n = number(2)) {
      if (eat(U"个工作日")) {
        r.workday = *n;
        return;
      }
      if ((eat(U"日") || eat(U"号")) && *n >= 1 && *n <= 31) {
        r.day = *n;
        return;
      }
      i_ = save;
    }
  }

  // After 每季度 / 每半年 / 每年: 末, 最后一个月的25日, 第1个月的20日, 结束后10日内.
  void period_month_day(Recurrence& r) {
    if (eat_any({U"末", U"底"})) return;
    if (eat_any({U"最后一个月的", U"最后一个月", U"末月"})) {
      month_day(r);
      return;
    }
    if (eat_any({U"首月", U"第一个月的", U"第一个月", U"第1个月的", U"第1个月"})) {
      r.next_period = true;  // the report on the period before: Q4's falls in January of Y+1
      month_day(r);
      return;
    }
    const std::size_t save = i_;
    if (eat(U"第")) {
      if (const auto n = number(1); n && eat(U"个月")) {
        eat(U"的");
        r.month = *n;
        month_day(r);
        return;
      }
      i_ = save;
    }
    if (eat_any({U"结束后", U"后"})) {
      r.next_period = true;
      if (const auto n = number(2); n && (eat(U"日内") || eat(U"天内") || eat(U"日") || eat(U"个工作日内"))) {
        r.day = *n;
      }
      return;
    }
    month_day(r);
  }

  std::u32string c_;
  std::size_t i_ = 0;
  int plan_year_;
  int offset_;
  std::optional<int> explicit_year_;
  bool pending_year_end_ = false;
  Context& context_;
};

// Clauses of a phrase: split on ；，。 and line breaks (not on ：, which
// joins 第一季度：… to its milestone text).
std::vector<std::string_view> clauses(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    if (cp == 0xFF1B || cp == ';' || cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == '\n') {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + len;
    }
    i += len;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

}  // namespace

DeadlineReading read_deadline(std::string_view phrase, int plan_year) {
  DeadlineReading r;
  r.deadline.text = repair_spaces(phrase);
  struct Dated {
    Date date;
    std::string text;
  };
  std::vector<Dated> dated;
  bool any = false;
  Clause::Context context;
  for (std::string_view piece : clauses(r.deadline.text)) {
    Clause c(compact(piece), plan_year, context);
    c.scan();
    any = any || c.any_;
    for (const Date& d : c.dates_) dated.push_back({d, std::string(trim_view(piece))});
    if (c.recurrence_ && !r.deadline.recurrence) r.deadline.recurrence = c.recurrence_;
    if (c.within_ && !r.deadline.within_days) {
      r.deadline.within_days = c.within_;
      r.deadline.within_workdays = c.workdays_;
    }
    r.deadline.ongoing = r.deadline.ongoing || c.ongoing_;
    if (!c.unclear_.empty() && r.why.empty()) r.why = c.unclear_;
  }
  if (dated.size() == 1) {
    r.deadline.due = dated.front().date;
  } else if (dated.size() > 1) {
    for (auto& d : dated) r.deadline.milestones.push_back({d.date, std::move(d.text), 0.0});
    std::stable_sort(r.deadline.milestones.begin(), r.deadline.milestones.end(),
                     [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
    r.deadline.due = r.deadline.milestones.back().date;
  }
  if (r.deadline.ongoing && !r.deadline.due && plan_year > 0) {
    r.deadline.due = last_of(plan_year, 12);  // evaluated at the year's end
  }
  r.recognised = !dated.empty() || r.deadline.recurrence || r.deadline.within_days || r.deadline.ongoing;
  if (!r.why.empty()) {
    r.unclear = true;
  } else if (!r.recognised) {
    r.unclear = true;
    r.why = any ? "it gives no date" : "it is not a deadline phrase duban knows";
  }
  return r;
}

bool mentions_deadline(std::string_view phrase) {
  // Most pieces it is asked about are unit names: no character of them can
  // begin a deadline pattern, and they need no copy to say so.
  bool may = false;
  for (std::size_t i = 0; i < phrase.size() && !may;) {
    std::size_t len = 1;
    char32_t cp = decode_at(phrase, i, len);
    if (const int d = digit_value(cp); d >= 0) cp = static_cast<char32_t>('0' + d);
    may = Clause::may_start(cp);
    i += len;
  }
  if (!may) return false;
  Clause::Context context;
  for (std::string_view piece : clauses(phrase)) {
    Clause c(compact(piece), 2000, context);
    c.scan();
    if (c.any_) return true;
  }
  return false;
}

}  // namespace duban::importer
