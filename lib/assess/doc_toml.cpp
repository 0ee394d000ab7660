// TOML (toml++) into the located tree. toml++ keeps tables sorted by key;
// members are put back in the order they were written, which a formula's
// inputs and the scheme's JSON form depend on.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <toml++/toml.h>

#include "assess/doc.hpp"
#include "duban/error.hpp"
#include "text/utf8.hpp"

namespace duban::scoring {
namespace {

int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }

Doc convert(const toml::node& node, std::string_view origin, const std::string& path);

Doc convert_table(const toml::table& table, std::string_view origin, const std::string& path) {
  Doc d;
  d.type = Doc::Type::table;
  d.line = line_of(table.source());
  struct Entry {
    toml::source_position at;
    std::string key;
    const toml::node* node;
  };
  std::vector<Entry> entries;
  for (auto&& [key, node] : table) {
    const auto& src = key.source().begin.line ? key.source() : node.source();
    entries.push_back({src.begin, std::string(key.str()), &node});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.at.line != b.at.line ? a.at.line < b.at.line : a.at.column < b.at.column;
  });
  for (const Entry& e : entries) {
    d.members.emplace_back(e.key, convert(*e.node, origin, path.empty() ? e.key : path + "." + e.key));
  }
  return d;
}

Doc convert(const toml::node& node, std::string_view origin, const std::string& path) {
  Doc d;
  d.line = line_of(node.source());
  switch (node.type()) {
    case toml::node_type::table:
      return convert_table(*node.as_table(), origin, path);
    case toml::node_type::array: {
      d.type = Doc::Type::array;
      std::size_t i = 0;
      for (const toml::node& e : *node.as_array()) {
        d.elements.push_back(convert(e, origin, path + "[" + std::to_string(i++) + "]"));
      }
      return d;
    }
    case toml::node_type::string:
      d.type = Doc::Type::string;
      d.text = node.as_string()->get();
      return d;
    case toml::node_type::integer:
      d.type = Doc::Type::number;
      d.number = static_cast<double>(node.as_integer()->get());
      d.integer = true;
      return d;
    case toml::node_type::floating_point:
      d.type = Doc::Type::number;
      d.number = node.as_floating_point()->get();
      d.integer = false;
      return d;
    case toml::node_type::boolean:
      d.type = Doc::Type::boolean;
      d.boolean = node.as_boolean()->get();
      return d;
    default:
      break;
  }
  throw Error(Errc::inval, ErrClass::argument,
              located(origin, d.line, path, "dates and times have no meaning in a scheme; write a number or a string"));
}

}  // namespace

Doc doc_from_toml(std::string_view text, std::string_view origin) {
  text::require_utf8(text, origin);
  try {
    const toml::table root = toml::parse(text, origin);
    return convert_table(root, origin, "");
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    throw Error(Errc::parse, ErrClass::argument,
                std::string(origin) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                    std::string(e.description()));
  }
}

}  // namespace duban::scoring
