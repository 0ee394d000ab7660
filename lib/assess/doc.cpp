#include "assess/doc.hpp"

#include <cmath>

#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::string_view type_name(Doc::Type t) {
  switch (t) {
    case Doc::Type::table:
      return "a table";
    case Doc::Type::array:
      return "an array";
    case Doc::Type::string:
      return "a string";
    case Doc::Type::number:
      return "a number";
    case Doc::Type::boolean:
      return "true or false";
  }
  return "a value";
}

}  // namespace

std::string located(std::string_view origin, int line, std::string_view path, std::string_view message) {
  std::string out(origin);
  if (line > 0) out += (out.empty() ? "line " : ":") + std::to_string(line);
  if (!path.empty()) out += (out.empty() ? "" : ": ") + std::string(path);
  out += (out.empty() ? "" : ": ") + std::string(message);
  return out;
}

void Field::fail(std::string_view message) const {
  throw Error(Errc::inval, ErrClass::argument, located(origin_, doc_->line, path_, message));
}

void Field::expect_table() const {
  if (doc_->type != Doc::Type::table) fail("must be a table, not " + std::string(type_name(doc_->type)));
}

bool Field::has(std::string_view key) const {
  expect_table();
  for (const auto& [k, v] : doc_->members) {
    if (k == key) return true;
  }
  return false;
}

std::optional<Field> Field::optional(std::string_view key) const {
  expect_table();
  for (const auto& [k, v] : doc_->members) {
    if (k == key) return Field(v, origin_, path_.empty() ? k : path_ + "." + k);
  }
  return std::nullopt;
}

Field Field::required(std::string_view key) const {
  if (auto f = optional(key)) return *f;
  const std::string where = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  throw Error(Errc::inval, ErrClass::argument, located(origin_, doc_->line, where, "is required"));
}

Field Field::at(std::size_t index) const {
  if (doc_->type != Doc::Type::array) fail("must be an array, not " + std::string(type_name(doc_->type)));
  return Field(doc_->elements.at(index), origin_, path_ + "[" + std::to_string(index) + "]");
}

std::size_t Field::size() const {
  if (doc_->type != Doc::Type::array) fail("must be an array, not " + std::string(type_name(doc_->type)));
  return doc_->elements.size();
}

std::vector<Field> Field::elements() const {
  std::vector<Field> out;
  const std::size_t n = size();
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(at(i));
  return out;
}

std::vector<std::pair<std::string, Field>> Field::members() const {
  expect_table();
  std::vector<std::pair<std::string, Field>> out;
  for (const auto& [k, v] : doc_->members) out.emplace_back(k, Field(v, origin_, path_.empty() ? k : path_ + "." + k));
  return out;
}

std::string Field::string() const {
  if (doc_->type != Doc::Type::string) fail("must be a string, not " + std::string(type_name(doc_->type)));
  return doc_->text;
}

double Field::number() const {
  if (doc_->type != Doc::Type::number) fail("must be a number, not " + std::string(type_name(doc_->type)));
  if (!std::isfinite(doc_->number)) fail("must be a finite number");
  return doc_->number;
}

long long Field::integer() const {
  const double v = number();
  if (!doc_->integer || v != std::floor(v)) fail("must be a whole number");
  return static_cast<long long>(v);
}

bool Field::boolean() const {
  if (doc_->type != Doc::Type::boolean) fail("must be true or false, not " + std::string(type_name(doc_->type)));
  return doc_->boolean;
}

std::vector<std::string> Field::strings() const {
  if (doc_->type == Doc::Type::string) return {doc_->text};
  std::vector<std::string> out;
  for (const Field& e : elements()) out.push_back(e.string());
  return out;
}

void Field::only(std::initializer_list<std::string_view> known, std::string_view context) const {
  only(std::vector<std::string_view>(known), context);
}

void Field::only(const std::vector<std::string_view>& known, std::string_view context) const {
  expect_table();
  for (const auto& [k, v] : doc_->members) {
    bool ok = false;
    for (std::string_view allowed : known) ok = ok || allowed == k;
    if (ok) continue;
    std::string list;
    for (std::string_view allowed : known) list += (list.empty() ? "" : ", ") + std::string(allowed);
    const std::string where = path_.empty() ? k : path_ + "." + k;
    std::string message = "unknown field";
    if (!context.empty()) message += " for " + std::string(context);
    message += " (known: " + list + ")";
    throw Error(Errc::inval, ErrClass::argument, located(origin_, v.line, where, message));
  }
}

}  // namespace duban::scoring
