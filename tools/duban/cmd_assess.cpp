// duban assess — score a plan's units under a scheme as of a date: the
// ranking with totals and grades, one unit's items, the explanation of
// every point, the result as JSON; store a run in the ledger and compare
// it with another (docs/assess.md).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "calendar_args.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "duban/assess.hpp"
#include "duban/error.hpp"

namespace duban::tool {
namespace {

// 86.4, 90, 4.52: as the explanations print points.
std::string pts(double value) {
  std::ostringstream out;
  out.precision(10);
  out << (value == 0 ? 0.0 : value);
  return out.str();
}

std::string vetoes_text(const UnitScore& u) {
  std::string out;
  for (const VetoHit& v : u.vetoes) {
    out += out.empty() ? "" : "; ";
    out += "veto " + v.item + ": ";
    switch (v.effect) {
      case VetoEffect::zero_group:
        out += v.target + " 0";
        break;
      case VetoEffect::zero_total:
        out += "total 0";
        break;
      case VetoEffect::cap_grade:
        out += "grade at best " + v.target;
        break;
    }
  }
  return out.empty() ? "-" : out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, ErrClass::argument, "cannot read " + quote(path, 1024));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void print_ranking(const Assessment& r) {
  std::cout << r.scheme_name;
  if (!r.scheme_version.empty()) std::cout << " (" << r.scheme_version << ")";
  std::cout << " as of " << format_date(r.as_of) << "\n";
  std::cout << "plan\t" << pts(r.plan.total) << "\tbase " << pts(r.plan.base) << "\tbonus " << pts(r.plan.bonus)
            << "\t" << (r.plan.grade.empty() ? "-" : r.plan.grade) << "\t" << vetoes_text(r.plan) << "\n";
  for (std::size_t i : r.ranking) {
    const UnitScore& u = r.units[i];
    std::cout << u.rank << "\t" << u.name << "\t" << pts(u.total) << "\tbase " << pts(u.base) << "\tbonus "
              << pts(u.bonus) << "\t" << (u.grade.empty() ? "-" : u.grade) << "\t" << vetoes_text(u) << "\n";
  }
}

namespace {

void print_unit(const Assessment& r, const Scheme& scheme, const UnitScore& u) {
  std::cout << u.name << "\t" << pts(u.total) << "\tbase " << pts(u.base) << "\tbonus " << pts(u.bonus) << "\t"
            << (u.grade.empty() ? "-" : u.grade);
  if (u.unit != 0) std::cout << "\trank " << u.rank << " of " << r.units.size();
  std::cout << "\t" << vetoes_text(u) << "\n";
  std::size_t index = 0;
  for (std::size_t g = 0; g < scheme.groups.size(); ++g) {
    std::cout << scheme.groups[g].name << "\t" << pts(u.groups[g].score) << " of " << pts(u.groups[g].points) << "\n";
    for (const Item& item : scheme.groups[g].items) {
      const ItemScore& is = u.items[index++];
      std::cout << "  " << item.id << "\t" << item.name << "\t" << pts(is.score);
      if (item.rule.kind != RuleKind::veto) std::cout << " of " << pts(item.points);
      if (!is.applicable) std::cout << "\t(not applicable)";
      if (is.vetoed) std::cout << "\t(vetoed)";
      std::cout << "\n";
    }
  }
}

}  // namespace

void add_assess_command(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    CalendarArgs calendar;
    std::string scheme;
    std::string as_of;
    std::vector<std::string> inputs;
    std::string unit;
    std::string compare;
    bool explain = false;
    bool json = false;
    bool no_ledger = false;
    bool store = false;
    bool runs = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "assess", "Score the plan's units under an assessment scheme as of a date: ranking, grades, explanations");
  add_ledger_options(*cmd, args->ledger);
  cmd->add_option("--scheme", args->scheme, "The scheme file (.toml, or JSON)");
  cmd->add_option("--as-of", args->as_of, "YYYY-MM-DD (default: today in China)");
  cmd->add_option("--inputs", args->inputs,
                  "An assessment input file (events, baselines, values, or facts laid over the ledger's); repeatable");
  cmd->add_flag("--no-ledger", args->no_ledger, "Take the facts from --inputs only, not from the ledger's reports");
  cmd->add_option("--unit", args->unit, "Show this unit's groups and items (with --explain: its explanation)");
  cmd->add_flag("--explain", args->explain, "Explain every point (of --unit, or of the plan)");
  cmd->add_flag("--json", args->json, "Print the whole result as JSON");
  cmd->add_flag("--store", args->store, "Keep the run in the ledger (assess_runs) and print its id");
  cmd->add_option("--compare", args->compare,
                  "Compare with an earlier result: a JSON file from --json, or run:ID for a stored run");
  cmd->add_flag("--runs", args->runs, "List the stored runs and stop");
  add_calendar_options(*cmd, args->calendar);
  cmd->callback([args] {
    if (args->runs) {
      for (const StoredRun& run : stored_runs(args->ledger.db)) {
        std::cout << run.id << "\t" << run.created << "\t" << run.as_of << "\t" << run.scheme_name << "\t"
                  << (run.scheme_version.empty() ? "-" : run.scheme_version) << "\t" << run.digest << "\n";
      }
      return;
    }
    if (args->scheme.empty()) throw CLI::RequiredError("--scheme");
    const Date as_of = args->as_of.empty() ? today_in_china() : parse_date_arg(args->as_of, "--as-of");
    const Session s = open_session(args->ledger);
    // The ledger's calendar: the built-in one with the data loaded into it.
    const auto calendar = load_calendar(args->calendar, s.ledger);
    const Scheme scheme = load_scheme(args->scheme);
    const Assessor assessor(s.plan, s.directory, *s.graph, calendar, scheme);

    AssessmentInput input;
    if (!args->no_ledger) input = assessment_input(s.ledger, s.plan_id, s.plan, *s.graph, *calendar, as_of);
    for (const std::string& file : args->inputs) {
      merge(input, load_assessment_input(file, s.plan, s.directory, *calendar));
    }
    // Handed over, not copied: at a district's size the facts run to
    // millions, and the result keeps them for its explanations.
    const Assessment result = assessor.run(std::make_shared<const AssessmentInput>(std::move(input)), as_of);

    const UnitScore* unit = &result.plan;
    if (!args->unit.empty()) {
      const UnitId id = s.directory.resolve(args->unit, "--unit");
      unit = result.find(id);
      if (!unit) {
        throw Error(Errc::notfound, ErrClass::argument,
                    "--unit: " + quote(args->unit) + " is not assessed by this scheme (it holds no task, or the "
                    "scheme's units leave it out)");
      }
    }
    if (args->store) {
      const std::int64_t id = store_run(args->ledger.db, result, s.plan_id);
      std::cerr << "stored run " << id << "\n";
    }
    if (!args->compare.empty()) {
      std::string before;
      if (args->compare.starts_with("run:")) {
        const std::string id = args->compare.substr(4);
        if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
          throw CLI::ValidationError("--compare", "run:ID needs a run number (see --runs), not " + quote(id));
        }
        before = load_run(args->ledger.db, std::stoll(id));
      } else {
        before = read_file(args->compare);
      }
      std::cout << to_text(diff_results(before, to_json(result)));
      return;
    }
    if (args->json) {
      std::cout << to_json(result) << "\n";
      return;
    }
    if (args->explain) {
      std::cout << explain(result, unit->unit);
      return;
    }
    if (!args->unit.empty()) {
      print_unit(result, scheme, *unit);
      return;
    }
    print_ranking(result);
  });
}

}  // namespace duban::tool
