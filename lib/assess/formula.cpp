#include "assess/formula.hpp"

#include <muParser.h>

#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::string mu_message(const mu::Parser::exception_type& e) {
  std::string m = e.GetMsg();
  // muParser counts positions from 0; people count characters from 1.
  if (!m.empty() && m.back() == '.') m.pop_back();
  return m;
}

}  // namespace

bool valid_variable_name(const std::string& name) {
  if (name.empty()) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(name[0])) return false;
  for (char c : name) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string check_formula(const std::string& expr, const std::vector<std::string>& names) {
  mu::Parser p;
  std::vector<double> slots(names.size() + 1, 0.0);
  try {
    for (std::size_t i = 0; i < names.size(); ++i) p.DefineVar(names[i], &slots[i]);
    p.DefineVar(kPointsVariable, &slots.back());
  } catch (const mu::Parser::exception_type& e) {
    return "input name not usable in a formula: " + mu_message(e);
  }
  try {
    p.SetExpr(expr);
    const mu::varmap_type used = p.GetUsedVar();
    for (const auto& [name, where] : used) {
      bool known = name == kPointsVariable;
      for (const std::string& n : names) known = known || n == name;
      if (known) continue;
      std::string list;
      for (const std::string& n : names) list += n + ", ";
      return "unknown variable '" + name + "' (declared inputs: " + list + "and points)";
    }
    p.Eval();
  } catch (const mu::Parser::exception_type& e) {
    return mu_message(e);
  }
  return {};
}

struct Formula::Impl {
  mu::Parser parser;
  std::vector<double> slots;
};

Formula::Formula(const std::string& expr, const std::vector<std::string>& names) : impl_(std::make_unique<Impl>()) {
  impl_->slots.assign(names.size() + 1, 0.0);
  try {
    for (std::size_t i = 0; i < names.size(); ++i) impl_->parser.DefineVar(names[i], &impl_->slots[i]);
    impl_->parser.DefineVar(kPointsVariable, &impl_->slots.back());
    impl_->parser.SetExpr(expr);
  } catch (const mu::Parser::exception_type& e) {
    throw Error(Errc::inval, ErrClass::argument, "formula " + quote(expr) + ": " + mu_message(e));
  }
}

Formula::~Formula() = default;

double Formula::eval(std::span<const double> values, double points) {
  for (std::size_t i = 0; i < values.size() && i + 1 < impl_->slots.size(); ++i) impl_->slots[i] = values[i];
  impl_->slots.back() = points;
  try {
    return impl_->parser.Eval();
  } catch (const mu::Parser::exception_type& e) {
    throw Error(Errc::inval, ErrClass::argument, "formula " + quote(impl_->parser.GetExpr()) + ": " + mu_message(e));
  }
}

}  // namespace duban::scoring
