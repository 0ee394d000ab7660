#include "json/reader.hpp"

#include <algorithm>

#include "duban/error.hpp"
#include "text/utf8.hpp"

namespace duban::json {
namespace {

std::string line_column(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not bytes, for people
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

const char* type_name(const Json& j) { return j.type_name(); }

}  // namespace

Json parse(std::string_view text, std::string_view source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from Windows editors
  text::require_utf8(text, source);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1,
    // column 11: REASON"; its column counts bytes, so keep only REASON and
    // give our own character-counted position.
    std::string what = e.what();
    if (const auto p = what.find("column "); p != std::string::npos) {
      if (const auto colon = what.find(": ", p); colon != std::string::npos) what = what.substr(colon + 2);
    } else if (const auto q = what.find("] "); q != std::string::npos) {
      what = what.substr(q + 2);
    }
    throw Error(Errc::parse, ErrClass::text,
                std::string(source) + ":" + line_column(text, e.byte == 0 ? 0 : e.byte - 1) + ": " + what);
  }
}

void Node::fail(std::string_view message, Errc code) const {
  throw Error(code, ErrClass::argument, source_ + ": " + path_ + ": " + std::string(message));
}

void Node::expect_object() const {
  if (!value_->is_object()) fail(std::string("expected an object, found ") + type_name(*value_));
}

void Node::expect_array() const {
  if (!value_->is_array()) fail(std::string("expected an array, found ") + type_name(*value_));
}

std::optional<Node> Node::optional(std::string_view key) const {
  expect_object();
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return Node(*it, source_, path_.empty() ? std::string(key) : path_ + "." + std::string(key));
}

Node Node::required(std::string_view key) const {
  if (auto n = optional(key)) return *n;
  fail("missing field \"" + std::string(key) + "\"");
}

Node Node::at(std::size_t index) const {
  expect_array();
  return Node((*value_)[index], source_, path_ + "[" + std::to_string(index) + "]");
}

std::string Node::string() const {
  if (!value_->is_string()) fail(std::string("expected a string, found ") + type_name(*value_));
  return value_->get<std::string>();
}

std::string Node::string_or(std::string_view key, std::string_view fallback) const {
  if (auto n = optional(key)) return n->string();
  return std::string(fallback);
}

long long Node::integer() const {
  if (!value_->is_number_integer()) fail(std::string("expected an integer, found ") + type_name(*value_));
  return value_->get<long long>();
}

double Node::number() const {
  if (!value_->is_number()) fail(std::string("expected a number, found ") + type_name(*value_));
  return value_->get<double>();
}

bool Node::boolean() const {
  if (!value_->is_boolean()) fail(std::string("expected true or false, found ") + type_name(*value_));
  return value_->get<bool>();
}

std::size_t Node::size() const {
  expect_array();
  return value_->size();
}

void Node::only(std::initializer_list<std::string_view> known) const {
  expect_object();
  for (const auto& item : value_->items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
      fail("unknown field \"" + item.key() + "\"");
    }
  }
}

}  // namespace duban::json
