// A strict reader over nlohmann::json that knows where it is: every error
// names the source and the field path, and fields nobody asked for are
// reported so a typo cannot silently drop data.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "duban/error.hpp"

namespace duban::json {

using Json = nlohmann::json;

// Parses `text` (validated as UTF-8 first); syntax errors give line:column.
Json parse(std::string_view text, std::string_view source);

class Node {
 public:
  Node(const Json& value, std::string source, std::string path)
      : value_(&value), source_(std::move(source)), path_(std::move(path)) {}

  const Json& value() const noexcept { return *value_; }
  const std::string& path() const noexcept { return path_; }

  // An object member; required() throws when it is missing.
  std::optional<Node> optional(std::string_view key) const;
  Node required(std::string_view key) const;
  Node at(std::size_t index) const;

  std::string string() const;
  std::string string_or(std::string_view key, std::string_view fallback) const;
  long long integer() const;
  double number() const;
  bool boolean() const;
  std::size_t size() const;  // of an array
  void expect_object() const;
  void expect_array() const;

  // Throws for any member of this object not in `known`.
  void only(std::initializer_list<std::string_view> known) const;

  // Errc::inval unless the caller passes on another code (e.g. the
  // Errc::exists of a name clash), so the C API reports the real cause.
  [[noreturn]] void fail(std::string_view message, Errc code = Errc::inval) const;

 private:
  const Json* value_;
  std::string source_;
  std::string path_;
};

}  // namespace duban::json
