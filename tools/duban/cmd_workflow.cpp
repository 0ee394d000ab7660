// duban close submit | approve | return, duban extend request | approve |
// refuse, duban coordinator — the closure (办结/退回) and extension (延期)
// workflow and who coordinates it. Every step is an event in the ledger.
#include <iostream>

#include "commands.hpp"
#include "duban/error.hpp"
#include "report_context.hpp"

namespace duban::tool {
namespace {

struct StepArgs {
  LedgerArgs ledger;
  ItemArgs item;
  std::optional<EventId> event;
  std::string unit;
  std::string user;
  std::string date;
  std::string reason;
  std::vector<std::string> evidence;
};

// --unit is who acts; --date defaults to today.
void add_step_options(CLI::App& cmd, StepArgs& args, const char* unit_help) {
  add_ledger_options(cmd, args.ledger);
  cmd.add_option("--unit", args.unit, unit_help)->required();
  cmd.add_option("--user", args.user, "Who acts for the unit");
  cmd.add_option("--date", args.date, "The day of the step, YYYY-MM-DD (default: today in China)");
}

// A decision names what it decides: --event N, or --task KEY whose pending
// submission (request) it then is.
void add_decision_options(CLI::App& cmd, StepArgs& args) {
  add_item_options(cmd, args.item, false);
  auto* event = cmd.add_option("--event", args.event, "The submission or request, by event number");
  event->excludes(cmd.get_option("--task"));
}

Step step_of(const Desk& desk, const StepArgs& args) {
  return Step{Actor{desk.unit(args.unit, "--unit"), args.user}, date_arg(args.date, "--date"), args.reason,
              args.evidence};
}

EventId decided(const Desk& desk, const StepArgs& args, bool closure) {
  if (args.event) return *args.event;
  if (args.item.task.empty()) throw CLI::ValidationError("--event", "give --event N or --task KEY");
  const ItemRef item = desk.item(args.item);
  const ItemState st = desk.ledger.state(item);
  if (closure) {
    if (st.closure == ClosureState::submitted) return *st.submission;
    throw Error(Errc::notfound, ErrClass::argument,
                item_label(desk, item) + " has no submission waiting for a decision (closure " +
                    std::string(to_string(st.closure)) + ")");
  }
  for (const ExtensionEntry& x : st.extensions) {
    if (x.decision == ExtensionDecision::pending) return x.request;
  }
  throw Error(Errc::notfound, ErrClass::argument, item_label(desk, item) + " has no extension request waiting");
}

void say(const Desk& desk, EventId id, const std::string& what) {
  const Event e = desk.ledger.event(id);
  std::cout << "event " << id << ": " << item_label(desk, e.item) << " " << what << " by "
            << desk.unit_name(e.actor.unit) << " on " << format_date(e.date) << "\n";
}

void add_close_commands(CLI::App& app) {
  CLI::App* close = app.add_subcommand("close", "Closure (办结): submit done with evidence, approve, or return");
  close->require_subcommand(1, 1);

  auto submit = std::make_shared<StepArgs>();
  CLI::App* s = close->add_subcommand("submit", "The lead unit (or the coordinating office) submits the task as done");
  add_step_options(*s, *submit, "The submitting unit: the task's lead, or the coordinating office");
  add_item_options(*s, submit->item);
  s->add_option("--evidence", submit->evidence, "A file name or document number (required, repeatable)")->required();
  s->add_option("--text", submit->reason, "A note");
  s->callback([submit] {
    Desk desk = open_desk(submit->ledger, false);
    const EventId id = desk.ledger.submit_closure(desk.item(submit->item), step_of(desk, *submit));
    say(desk, id, "submitted for closure");
  });

  auto approve = std::make_shared<StepArgs>();
  CLI::App* a = close->add_subcommand("approve", "The coordinating office closes the task (办结)");
  add_step_options(*a, *approve, "The coordinating office");
  add_decision_options(*a, *approve);
  a->add_option("--text", approve->reason, "A note");
  a->callback([approve] {
    Desk desk = open_desk(approve->ledger, false);
    const EventId id = desk.ledger.approve_closure(decided(desk, *approve, true), step_of(desk, *approve));
    say(desk, id, "closed (办结)");
  });

  auto back = std::make_shared<StepArgs>();
  CLI::App* r = close->add_subcommand("return", "The coordinating office returns it with a reason (退回); it reopens");
  add_step_options(*r, *back, "The coordinating office");
  add_decision_options(*r, *back);
  r->add_option("--reason", back->reason, "Why it is returned")->required();
  r->callback([back] {
    Desk desk = open_desk(back->ledger, false);
    const EventId id = desk.ledger.return_closure(decided(desk, *back, true), step_of(desk, *back));
    say(desk, id, "returned (退回)");
  });
}

void add_extend_commands(CLI::App& app) {
  CLI::App* extend = app.add_subcommand("extend", "Extensions (延期): request before the due date, approve or refuse");
  extend->require_subcommand(1, 1);

  struct RequestArgs : StepArgs {
    std::string until;
  };
  auto request = std::make_shared<RequestArgs>();
  CLI::App* q = extend->add_subcommand("request", "The lead unit (or the office) asks to move the due date");
  add_step_options(*q, *request, "The requesting unit: the task's lead, or the coordinating office");
  add_item_options(*q, request->item);
  q->add_option("--until", request->until, "The new due date asked for, YYYY-MM-DD")->required();
  q->add_option("--reason", request->reason, "Why")->required();
  q->callback([request] {
    Desk desk = open_desk(request->ledger, false);
    const Date until = date_arg(request->until, "--until");
    const EventId id = desk.ledger.request_extension(desk.item(request->item), until, step_of(desk, *request));
    say(desk, id, "extension to " + format_date(until) + " requested");
  });

  for (const bool yes : {true, false}) {
    auto args = std::make_shared<StepArgs>();
    CLI::App* d =
        extend->add_subcommand(yes ? "approve" : "refuse", yes ? "The coordinating office approves the extension"
                                                               : "The coordinating office refuses it, with a reason");
    add_step_options(*d, *args, "The coordinating office");
    add_decision_options(*d, *args);
    auto* reason = d->add_option("--reason", args->reason, yes ? "A note" : "Why it is refused");
    if (!yes) reason->required();
    d->callback([args, yes] {
      Desk desk = open_desk(args->ledger, false);
      const EventId asked = decided(desk, *args, false);
      const EventId id = yes ? desk.ledger.approve_extension(asked, step_of(desk, *args))
                             : desk.ledger.refuse_extension(asked, step_of(desk, *args));
      say(desk, id, yes ? "extension approved" : "extension refused");
    });
  }
}

void add_coordinator_command(CLI::App& app) {
  struct Args {
    std::string db;
    std::string set;
    std::string unit;
    std::string user;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "coordinator", "Show the coordinating office, or set it (--set NAME): who decides closures and extensions");
  cmd->add_option("--db", args->db, "The ledger file (SQLite)")->required();
  cmd->add_option("--set", args->set, "The unit that coordinates from now on");
  cmd->add_option("--unit", args->unit, "Who acts: the current coordinating office (none needed while unset)");
  cmd->add_option("--user", args->user, "Who acts for the unit");
  cmd->callback([args] {
    Ledger ledger = open_existing(args->db, args->set.empty());
    const Directory directory = ledger.load_directory();
    const auto lookup = [&](const std::string& name, const char* option) {
      if (const auto id = directory.lookup(name)) return *id;
      throw Error(Errc::notfound, ErrClass::argument, std::string(option) + ": unknown unit " + quote(name));
    };
    if (!args->set.empty()) {
      // The tool acts for a unit once there is an office: handing the role
      // on is the office's own step, not anyone's with the file.
      if (args->unit.empty() && ledger.coordinator()) {
        throw CLI::ValidationError("--unit", "the coordinating office is '" + directory.at(*ledger.coordinator()).name +
                                                 "'; name it with --unit to hand the role on");
      }
      Actor by{args->unit.empty() ? 0 : lookup(args->unit, "--unit"), args->user};
      ledger.set_coordinator(lookup(args->set, "--set"), by);
    }
    const auto office = ledger.coordinator();
    std::cout << (office ? directory.at(*office).name : std::string("(none)")) << "\n";
  });
}

}  // namespace

void add_workflow_commands(CLI::App& app) {
  add_close_commands(app);
  add_extend_commands(app);
  add_coordinator_command(app);
}

}  // namespace duban::tool
