// The calendar data file: JSON read strictly (unknown fields are errors, so
// a typo cannot silently drop a holiday), every error naming the file and
// the field path. docs/calendar.md describes the format.
#include <fstream>
#include <initializer_list>
#include <sstream>

#include <nlohmann/json.hpp>

#include "calendar/iso_date.hpp"
#include "calendar/validate.hpp"
#include "duban/calendar.hpp"
#include "duban/error.hpp"
#include "text/utf8.hpp"

namespace duban {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr int format_version = 1;
constexpr std::string_view version_key = "duban_calendar";

// A JSON value and where it is, for messages.
class Field {
 public:
  Field(const Json& value, std::string_view origin, std::string path)
      : value_(&value), origin_(origin), path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(Errc::parse, ErrClass::time,
                std::string(origin_) + (path_.empty() ? "" : ": " + path_) + ": " + what);
  }

  void expect_object() const {
    if (!value_->is_object()) {
      fail(std::string(path_.empty() ? "expected a JSON object" : "expected an object") + ", found " +
           value_->type_name());
    }
  }

  // Members not in `known` are errors.
  void only(std::initializer_list<std::string_view> known) const {
    expect_object();
    for (const auto& [key, ignored] : value_->items()) {
      bool ok = false;
      for (const auto k : known) ok = ok || k == key;
      if (!ok) fail("unknown field \"" + key + "\"");
    }
  }

  std::optional<Field> get(std::string_view key) const {
    expect_object();
    const auto it = value_->find(key);
    if (it == value_->end() || it->is_null()) return std::nullopt;
    return Field(*it, origin_, (path_.empty() ? "" : path_ + ".") + std::string(key));
  }

  Field need(std::string_view key) const {
    if (auto f = get(key)) return *f;
    fail("missing field \"" + std::string(key) + "\"");
  }

  std::size_t size() const {
    if (!value_->is_array()) fail(std::string("expected an array, found ") + value_->type_name());
    return value_->size();
  }

  Field at(std::size_t i) const {
    return Field((*value_)[i], origin_, path_ + "[" + std::to_string(i) + "]");
  }

  std::string string() const {
    if (!value_->is_string()) fail(std::string("expected a string, found ") + value_->type_name());
    return value_->get<std::string>();
  }

  long long integer() const {
    if (!value_->is_number_integer()) fail(std::string("expected an integer, found ") + value_->type_name());
    return value_->get<long long>();
  }

  bool boolean() const {
    if (!value_->is_boolean()) fail(std::string("expected true or false, found ") + value_->type_name());
    return value_->get<bool>();
  }

  Date date() const {
    const std::string text = string();
    if (auto d = calendar::parse_iso(text)) return *d;
    fail("expected a date YYYY-MM-DD, found " + quote(text));
  }

 private:
  const Json* value_;
  std::string_view origin_;
  std::string path_;
};

// "first" and "last", or "date" for a single day.
std::pair<Date, Date> day_range(const Field& f) {
  if (auto one = f.get("date")) {
    if (f.get("first") || f.get("last")) f.fail("give either \"date\" or \"first\" and \"last\", not both");
    const Date d = one->date();
    return {d, d};
  }
  return {f.need("first").date(), f.need("last").date()};
}

YearCalendar read_year(const Field& f) {
  f.only({"year", "source", "holidays", "workdays"});
  YearCalendar y;
  const long long year = f.need("year").integer();
  if (year < calendar::first_data_year || year > calendar::last_data_year) {
    f.need("year").fail("year " + std::to_string(year) + " is outside " + std::to_string(calendar::first_data_year) +
                        ".." + std::to_string(calendar::last_data_year));
  }
  y.year = static_cast<int>(year);
  y.source = f.need("source").string();
  if (auto hs = f.get("holidays")) {
    for (std::size_t i = 0; i < hs->size(); ++i) {
      const Field h = hs->at(i);
      h.only({"name", "first", "last", "date"});
      const auto [first, last] = day_range(h);
      y.holidays.push_back({h.need("name").string(), first, last});
    }
  }
  if (auto ws = f.get("workdays")) {
    for (std::size_t i = 0; i < ws->size(); ++i) y.workdays.push_back(ws->at(i).date());
  }
  return y;
}

LocalRule read_local(const Field& f) {
  f.only({"name", "scope", "first", "last", "date", "working", "source"});
  LocalRule r;
  r.name = f.need("name").string();
  if (auto s = f.get("scope")) r.scope = s->string();
  std::tie(r.first, r.last) = day_range(f);
  if (auto w = f.get("working")) r.working = w->boolean();
  r.source = f.need("source").string();
  return r;
}

std::string line_column(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // characters, not bytes, for people
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Json parse_json(std::string_view text, std::string_view origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from Windows editors
  text::require_utf8(text, origin);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    if (const auto p = what.find("]: "); p != std::string::npos) what = what.substr(p + 3);
    throw Error(Errc::parse, ErrClass::text,
                std::string(origin) + ":" + line_column(text, e.byte == 0 ? 0 : e.byte - 1) + ": " + what);
  }
}

}  // namespace

CalendarData parse_calendar_data(std::string_view json, std::string_view origin) {
  const Json root = parse_json(json, origin);
  const Field top(root, origin, "");
  top.only({version_key, "years", "local"});
  if (!top.get(version_key)) top.fail("missing field \"duban_calendar\" (the format version, 1)");
  const long long version = top.need(version_key).integer();
  if (version < 1 || version > format_version) {
    top.need(version_key).fail("format version " + std::to_string(version) + " is not supported (this reader knows 1)");
  }
  CalendarData data;
  if (auto ys = top.get("years")) {
    for (std::size_t i = 0; i < ys->size(); ++i) data.years.push_back(read_year(ys->at(i)));
  }
  if (auto ls = top.get("local")) {
    for (std::size_t i = 0; i < ls->size(); ++i) data.local.push_back(read_local(ls->at(i)));
  }
  calendar::validate(data, origin);
  return data;
}

CalendarData load_calendar_data(const std::filesystem::path& path) {
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in && !std::filesystem::is_directory(path, ec)) text << in.rdbuf();
  if (!in || in.bad() || std::filesystem::is_directory(path, ec)) {
    throw Error(Errc::io, ErrClass::storage, "cannot read calendar data file " + quote(path.string()));
  }
  return parse_calendar_data(text.str(), path.string());
}

std::string to_json(const CalendarData& data, int indent) {
  OrderedJson root;
  root[std::string(version_key)] = format_version;
  const auto range = [](OrderedJson& out, Date first, Date last) {
    if (first == last) {
      out["date"] = calendar::iso(first);
    } else {
      out["first"] = calendar::iso(first);
      out["last"] = calendar::iso(last);
    }
  };
  OrderedJson years = OrderedJson::array();
  for (const auto& y : data.years) {
    OrderedJson year;
    year["year"] = y.year;
    year["source"] = y.source;
    OrderedJson holidays = OrderedJson::array();
    for (const auto& h : y.holidays) {
      OrderedJson holiday;
      holiday["name"] = h.name;
      range(holiday, h.first, h.last);
      holidays.push_back(std::move(holiday));
    }
    year["holidays"] = std::move(holidays);
    OrderedJson workdays = OrderedJson::array();
    for (const auto& w : y.workdays) workdays.push_back(calendar::iso(w));
    year["workdays"] = std::move(workdays);
    years.push_back(std::move(year));
  }
  root["years"] = std::move(years);
  OrderedJson local = OrderedJson::array();
  for (const auto& r : data.local) {
    OrderedJson rule;
    rule["name"] = r.name;
    if (!r.scope.empty()) rule["scope"] = r.scope;
    range(rule, r.first, r.last);
    rule["working"] = r.working;
    rule["source"] = r.source;
    local.push_back(std::move(rule));
  }
  root["local"] = std::move(local);
  return root.dump(indent) + "\n";
}

}  // namespace duban
