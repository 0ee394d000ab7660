// A batch of reports from a CSV file (docs/ledger.md, "CSV batches"): read
// whole, every row checked, every problem reported with its line, and then
// written in one transaction, or not at all.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "duban/error.hpp"
#include "ledger/reports.hpp"
#include "ledger/write.hpp"
#include "text/utf8.hpp"

namespace duban::ledger {
namespace {

constexpr std::size_t kMaxErrors = 20;

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

// RFC 4180: commas (or tabs, when the header has tabs and no comma),
// double quotes around fields that hold separators, quotes or line breaks,
// "" for a quote inside them. CRLF and LF both end a record.
std::vector<Record> read_records(std::string_view text, std::string_view origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view first_line = text.substr(0, text.find('\n'));
  const char separator =
      first_line.find(',') == std::string_view::npos && first_line.find('\t') != std::string_view::npos ? '\t' : ',';
  std::vector<Record> out;
  Record record;
  std::string cell;
  int line = 1;
  record.line = 1;
  bool quoted = false;
  bool was_quoted = false;
  const auto end_cell = [&] {
    record.cells.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
  };
  const auto end_record = [&] {
    end_cell();
    const bool blank = std::all_of(record.cells.begin(), record.cells.end(), [](const std::string& c) {
      return c.find_first_not_of(" \t\r") == std::string::npos;
    });
    if (!blank) out.push_back(std::move(record));
    record = Record{};
    record.line = line;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    if (c == '"' && cell.find_first_not_of(" \t") == std::string::npos && !was_quoted) {
      cell.clear();
      quoted = true;
      was_quoted = true;
    } else if (c == separator) {
      end_cell();
    } else if (c == '\n') {
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      ++line;
      end_record();
    } else {
      cell.push_back(c);
    }
  }
  if (quoted) {
    throw Error(Errc::parse, ErrClass::argument,
                std::string(origin) + ":" + std::to_string(record.line) + ": a quoted field is never closed");
  }
  if (!cell.empty() && cell.back() == '\r') cell.pop_back();
  if (!cell.empty() || !record.cells.empty()) end_record();
  return out;
}

std::string trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
  return s;
}

enum class Column { task, instance, period, unit, date, status, percent, text, values, evidence, user, supersedes };

const std::map<std::string, Column, std::less<>>& column_names() {
  static const std::map<std::string, Column, std::less<>> names = {
      {"task", Column::task},
      {"任务", Column::task},
      {"任务编号", Column::task},
      {"instance", Column::instance},
      {"period", Column::period},
      {"期次", Column::period},
      {"unit", Column::unit},
      {"单位", Column::unit},
      {"填报单位", Column::unit},
      {"date", Column::date},
      {"日期", Column::date},
      {"填报日期", Column::date},
      {"status", Column::status},
      {"状态", Column::status},
      {"percent", Column::percent},
      {"进度", Column::percent},
      {"完成进度", Column::percent},
      {"text", Column::text},
      {"narrative", Column::text},
      {"进展情况", Column::text},
      {"values", Column::values},
      {"indicators", Column::values},
      {"指标", Column::values},
      {"evidence", Column::evidence},
      {"佐证材料", Column::evidence},
      {"佐证", Column::evidence},
      {"user", Column::user},
      {"填报人", Column::user},
      {"supersedes", Column::supersedes},
      {"更正", Column::supersedes},
  };
  return names;
}

// A list cell: items separated by ; or ；, blanks dropped.
std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::string item;
  const auto flush = [&] {
    std::string t = trimmed(item);
    if (!t.empty()) out.push_back(std::move(t));
    item.clear();
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ';') {
      flush();
    } else if (cell.substr(i).starts_with("\xEF\xBC\x9B")) {  // ；
      flush();
      i += 2;
    } else {
      item.push_back(cell[i]);
    }
  }
  flush();
  return out;
}

class Problems {
 public:
  explicit Problems(std::string_view origin) : origin_(origin) {}
  void add(int line, const std::string& what) {
    ++count_;
    if (lines_.size() < kMaxErrors) lines_.push_back(origin_ + ":" + std::to_string(line) + ": " + what);
  }
  void throw_if_any() const {
    if (count_ == 0) return;
    std::string message = "the batch is rejected; nothing was written: " + std::to_string(count_) +
                          (count_ == 1 ? " problem" : " problems");
    for (const std::string& l : lines_) message += "\n  " + l;
    if (count_ > lines_.size()) message += "\n  … and " + std::to_string(count_ - lines_.size()) + " more";
    throw Error(Errc::inval, ErrClass::argument, message);
  }

 private:
  std::string origin_;
  std::vector<std::string> lines_;
  std::size_t count_ = 0;
};

}  // namespace
}  // namespace duban::ledger

namespace duban {

std::vector<EventId> Ledger::import_reports(std::string_view csv, PlanId plan_id, std::string_view origin) {
  storage::Storage& s = store();
  Rules& r = rules();
  if (const std::size_t bad = text::find_invalid_utf8(csv); bad != std::string_view::npos) {
    const auto line = 1 + std::count(csv.begin(), csv.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    throw Error(Errc::encoding, ErrClass::text,
                std::string(origin) + ":" + std::to_string(line) + ": not UTF-8 (byte " + std::to_string(bad) +
                    "); save the file as UTF-8");
  }
  const auto records = ledger::read_records(csv, origin);
  if (records.empty()) {
    throw Error(Errc::inval, ErrClass::argument, std::string(origin) + ": no header row and no reports");
  }
  ledger::Problems problems(origin);

  // The header: which column is which.
  std::map<ledger::Column, std::size_t> at;
  const ledger::Record& header = records.front();
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = ledger::lower(ledger::trimmed(header.cells[i]));
    const auto it = ledger::column_names().find(name);
    if (it == ledger::column_names().end()) {
      problems.add(header.line, "unknown column " + quote(name) +
                                    " (task, instance, period, unit, date, status, percent, text, values, "
                                    "evidence, user, supersedes)");
    } else if (!at.emplace(it->second, i).second) {
      problems.add(header.line, "column " + quote(name) + " is given twice");
    }
  }
  for (const auto& [column, name] :
       std::array<std::pair<ledger::Column, const char*>, 4>{{{ledger::Column::task, "task"},
                                                              {ledger::Column::unit, "unit"},
                                                              {ledger::Column::date, "date"},
                                                              {ledger::Column::status, "status"}}}) {
    if (at.count(column) == 0) problems.add(header.line, std::string("the column ") + name + " is missing");
  }
  problems.throw_if_any();

  return ledger::in_write(s, r, "import reports from " + std::string(origin), [&] {
    ledger::PlanRules& plan = r.plan(s, plan_id);
    const Directory& directory = r.directory(s);
    std::vector<Report> reports;
    std::vector<int> lines;
    reports.reserve(records.size() - 1);
    for (std::size_t k = 1; k < records.size(); ++k) {
      const ledger::Record& row = records[k];
      const auto cell = [&](ledger::Column c) -> std::string {
        const auto it = at.find(c);
        if (it == at.end() || it->second >= row.cells.size()) return {};
        return ledger::trimmed(row.cells[it->second]);
      };
      Report report;
      report.item.plan = plan_id;
      bool ok = true;
      const auto bad = [&](const std::string& what) {
        problems.add(row.line, what);
        ok = false;
      };
      const std::string key = cell(ledger::Column::task);
      const int index = plan.plan().find_task(key);
      if (key.empty()) {
        bad("column 'task' is empty");
      } else if (index < 0) {
        bad("plan " + std::to_string(plan_id) + " has no task " + quote(key));
      } else {
        report.item.task = index + 1;
      }
      std::string instance = cell(ledger::Column::instance);
      const std::string period = cell(ledger::Column::period);
      if (instance.empty() && !period.empty()) instance = key + "@" + period;
      report.item.instance = instance;
      const std::string unit = cell(ledger::Column::unit);
      if (const auto id = directory.lookup(unit)) {
        report.actor.unit = *id;
      } else {
        bad(unit.empty() ? std::string("column 'unit' is empty") : "unknown unit " + quote(unit));
      }
      report.actor.user = cell(ledger::Column::user);
      try {
        report.date = parse_date(cell(ledger::Column::date));
      } catch (const Error& e) {
        bad(std::string("column 'date': ") + e.what());
      }
      const std::string status = cell(ledger::Column::status);
      if (const auto st = report_status_from_string(ledger::lower(status))) {
        report.status = *st;
      } else {
        bad("column 'status': unknown status " + quote(status) + " (not_started, in_progress, done, blocked)");
      }
      std::string percent = cell(ledger::Column::percent);
      if (!percent.empty() && (percent.back() == '%')) percent.pop_back();
      if (!percent.empty()) {
        double value = 0;
        const auto [end, ec] = std::from_chars(percent.data(), percent.data() + percent.size(), value);
        if (ec != std::errc() || end != percent.data() + percent.size()) {
          bad("column 'percent': " + quote(percent) + " is not a number");
        } else {
          report.percent = value;
        }
      }
      report.narrative = cell(ledger::Column::text);
      for (const std::string& v : ledger::split_list(cell(ledger::Column::values))) {
        try {
          report.indicators.push_back(parse_indicator(v));
        } catch (const Error& e) {
          bad(std::string("column 'values': ") + e.what());
        }
      }
      report.evidence = ledger::split_list(cell(ledger::Column::evidence));
      const std::string supersedes = cell(ledger::Column::supersedes);
      if (!supersedes.empty()) {
        EventId id = 0;
        const auto [end, ec] = std::from_chars(supersedes.data(), supersedes.data() + supersedes.size(), id);
        if (ec != std::errc() || end != supersedes.data() + supersedes.size() || id <= 0) {
          bad("column 'supersedes': " + quote(supersedes) + " is not an event number");
        } else {
          report.supersedes = id;
        }
      }
      if (row.cells.size() > header.cells.size()) {
        bad("the row has " + std::to_string(row.cells.size()) + " cells, the header " +
            std::to_string(header.cells.size()));
      }
      // The rules a row can break on its own (the item, the unit's role,
      // the numbers) are checked here, so every such line is listed at
      // once; corrections are checked as the batch is written.
      if (ok) {
        try {
          (void)ledger::require_item(s, r, report.item, "");
          if (!plan.holds_role(report.actor.unit, report.item.task)) {
            ledger::refuse("", ledger::actor_name(directory, report.actor),
                           "report on " + plan.label(report.item.task, report.item.instance),
                           "a unit may report only on tasks where it holds a role, directly or through its groups");
          }
          if (directory.at(report.actor.unit).is_group()) {
            ledger::refuse("", ledger::actor_name(directory, report.actor), "report",
                           "a group cannot act; one of its units must");
          }
        } catch (const Error& e) {
          bad(e.what());
        }
      }
      if (ok) {
        reports.push_back(std::move(report));
        lines.push_back(row.line);
      }
    }
    problems.throw_if_any();
    const std::string name(origin);
    try {
      return ledger::append_reports(s, r, reports,
                                    [&](std::size_t i) { return name + ":" + std::to_string(lines[i]); });
    } catch (const Error& e) {
      if (e.klass() == ErrClass::storage) throw;
      throw Error(e.code(), e.klass(), "the batch is rejected; nothing was written: " + std::string(e.what()),
                  e.subcode());
    }
  });
}

}  // namespace duban
