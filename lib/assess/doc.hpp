// A scheme file as a plain tree that remembers where each value was
// written, so TOML and JSON schemes are read by one reader and every error
// names the file, the line and the field.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duban::scoring {

struct Doc {
  enum class Type { table, array, string, number, boolean };
  Type type = Type::table;
  std::string text;
  double number = 0;
  bool integer = false;  // written without a fraction or exponent
  bool boolean = false;
  std::vector<std::pair<std::string, Doc>> members;  // table, in source order
  std::vector<Doc> elements;                         // array
  int line = 0;
};

// Errc::parse with "origin:line:column: …" for a syntax error.
Doc doc_from_toml(std::string_view text, std::string_view origin);
Doc doc_from_json(std::string_view text, std::string_view origin);

// A value in the tree and its path ("groups[1].items[0].points").
class Field {
 public:
  Field(const Doc& doc, std::string origin, std::string path)
      : doc_(&doc), origin_(std::move(origin)), path_(std::move(path)) {}

  const Doc& doc() const noexcept { return *doc_; }
  const std::string& path() const noexcept { return path_; }
  const std::string& origin() const noexcept { return origin_; }
  int line() const noexcept { return doc_->line; }

  bool has(std::string_view key) const;
  std::optional<Field> optional(std::string_view key) const;
  Field required(std::string_view key) const;  // a missing key is named with the table's line
  Field at(std::size_t index) const;
  std::size_t size() const;  // of an array
  std::vector<Field> elements() const;
  std::vector<std::pair<std::string, Field>> members() const;

  std::string string() const;
  double number() const;
  long long integer() const;
  bool boolean() const;
  std::vector<std::string> strings() const;  // an array of strings, or one string

  void expect_table() const;
  // Throws for any member not in `known`, naming it and what is allowed.
  void only(std::initializer_list<std::string_view> known, std::string_view context = {}) const;
  void only(const std::vector<std::string_view>& known, std::string_view context = {}) const;

  [[noreturn]] void fail(std::string_view message) const;

 private:
  const Doc* doc_;
  std::string origin_;
  std::string path_;
};

// "origin:line: path: message", parts left out when empty or 0.
std::string located(std::string_view origin, int line, std::string_view path, std::string_view message);

}  // namespace duban::scoring
