// duban plan load | show | list
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "duban/error.hpp"
#include "duban/export.hpp"
#include "duban/json.hpp"
#include "output.hpp"

namespace duban::tool {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, ErrClass::storage, path + ": cannot open the file for reading");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void show_text(const Session& s) {
  const Plan& p = s.plan;
  std::cout << p.title << "\n";
  if (!p.doc_number.empty()) std::cout << "  文号 " << p.doc_number << "\n";
  if (!p.issuer.empty()) std::cout << "  发文 " << p.issuer << "\n";
  if (p.issued) std::cout << "  日期 " << format_date(*p.issued) << "\n";
  std::cout << "  year " << p.year << ", plan " << s.plan_id << ", " << p.tasks.size() << " tasks\n";
  int last_section = -2;
  int last_category = -2;
  for (const Task& t : p.tasks) {
    if (t.section != last_section) {
      last_section = t.section;
      last_category = -2;
      if (t.section >= 0) {
        const auto& sec = p.sections[static_cast<std::size_t>(t.section)];
        std::cout << "\n" << sec.number << "、" << sec.title << "\n";
      }
    }
    if (t.category != last_category) {
      last_category = t.category;
      if (t.category >= 0) {
        const auto& cat = p.categories[static_cast<std::size_t>(t.category)];
        std::cout << "（" << cat.number << "）" << cat.title << "\n";
      }
    }
    std::cout << "  " << task_heading(t);
    const std::string due = due_summary(t.deadline);
    if (!due.empty()) std::cout << "  [" << due << "]";
    std::cout << "\n";
    for (Role role : {Role::lead, Role::responsible, Role::support}) {
      const std::string names = units_with_role(p, t, role);
      if (!names.empty()) std::cout << "      " << role_label(role) << "：" << names << "\n";
    }
  }
}

}  // namespace

void add_plan_commands(CLI::App& app) {
  CLI::App* plan = app.add_subcommand("plan", "Load, show and list plans");
  plan->require_subcommand(1, 1);

  struct LoadArgs {
    std::string file;
    std::string db;
    bool replace = false;
  };
  auto load = std::make_shared<LoadArgs>();
  CLI::App* load_cmd = plan->add_subcommand("load", "Load a plan file (JSON, docs/plan-format.md) into a ledger");
  load_cmd->add_option("file", load->file, "The plan file")->required();
  load_cmd->add_option("--db", load->db, "The ledger file; created when missing")->required();
  load_cmd->add_flag("--replace", load->replace, "Replace a stored plan with the same year and document number");
  load_cmd->callback([load] {
    const PlanFile file = parse_plan_file(read_file(load->file), load->file);
    Ledger ledger = Ledger::open(load->db);
    const std::size_t units_before = ledger.load_directory().size();
    const PlanId id = ledger.import_plan(file, load->replace ? IfExists::replace : IfExists::fail);
    const std::size_t units_after = ledger.load_directory().size();
    std::cout << "plan " << id << ": " << file.plan.title << " (" << file.plan.tasks.size() << " tasks; "
              << units_after - units_before << " new units, " << units_after << " in the directory)\n";
  });

  struct ShowArgs {
    LedgerArgs ledger;
    bool json = false;
  };
  auto show = std::make_shared<ShowArgs>();
  CLI::App* show_cmd = plan->add_subcommand("show", "Show a stored plan");
  add_ledger_options(*show_cmd, show->ledger);
  show_cmd->add_flag("--json", show->json, "Print the plan file (docs/plan-format.md)");
  show_cmd->callback([show] {
    const Session s = open_session(show->ledger);
    if (show->json) {
      std::cout << to_plan_file(s.plan, s.directory);
    } else {
      show_text(s);
    }
  });

  auto list = std::make_shared<LedgerArgs>();
  CLI::App* list_cmd = plan->add_subcommand("list", "List the plans in a ledger");
  add_ledger_options(*list_cmd, *list, false);
  list_cmd->callback([list] {
    const Ledger ledger = open_existing(list->db, true);
    for (const auto& p : ledger.plans()) {
      std::cout << p.id << "\t" << p.year << "\t" << p.task_count << "\t" << p.doc_number << "\t" << p.title
                << "\n";
    }
  });
}

}  // namespace duban::tool
