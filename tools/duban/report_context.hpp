// What the report, history, close, extend and coordinator commands share:
// opening the ledger for writing, naming a task (and instance) by key, a
// unit by name, a date (default: today in China), and printing an event.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "context.hpp"
#include "duban/ledger.hpp"
#include "duban/report.hpp"

namespace duban::tool {

// --task KEY and either --instance ID or --period PERIOD (2025-03, which
// with task 3 names instance 3@2025-03).
struct ItemArgs {
  std::string task;
  std::string instance;
  std::string period;
};

void add_item_options(CLI::App& sub, ItemArgs& args, bool required = true);

// An open ledger (for writing unless `read_only`) with its directory and
// the chosen plan.
struct Desk {
  Ledger ledger;
  Directory directory;
  PlanId plan_id = 0;
  Plan plan;

  ItemRef item(const ItemArgs& args) const;
  UnitId unit(const std::string& name, const char* option) const;
  std::string unit_name(UnitId id) const;  // "host" for 0
  const Task& task(TaskId id) const { return plan.tasks.at(static_cast<std::size_t>(id - 1)); }
};

Desk open_desk(const LedgerArgs& args, bool read_only);

// YYYY-MM-DD; empty: today in China (UTC+8). A usage error naming the
// option otherwise.
Date date_arg(const std::string& text, const char* option);

// "task 5 (选派专业技术人才)" or "instance 3@2025-03 of task 3 (建立月度报告制度)".
std::string item_label(const Desk& desk, const ItemRef& item);

// "40%", "done", "in_progress 40%".
std::string progress_text(ReportStatus status, const std::optional<double>& percent);

// A number without trailing zeros: 40, 42.5.
std::string number_text(double value);

}  // namespace duban::tool
