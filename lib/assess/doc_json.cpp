// JSON into the located tree. nlohmann checks the syntax (and says where
// it is wrong); a small scanner then walks the same text to keep each
// value's line and the members' order, which nlohmann does not keep.
#include <charconv>

#include "assess/doc.hpp"
#include "duban/error.hpp"
#include "json/reader.hpp"

namespace duban::scoring {
namespace {

class Scanner {
 public:
  Scanner(std::string_view text, std::string_view origin) : s_(text), origin_(origin) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a BOM
  }

  Doc document() {
    Doc d = value("");
    space();
    return d;
  }

 private:
  void space() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++i_;
    }
  }

  std::string_view string_token() {
    const std::size_t start = i_++;
    while (i_ < s_.size() && s_[i_] != '"') i_ += s_[i_] == '\\' ? 2 : 1;
    ++i_;
    return s_.substr(start, i_ - start);
  }

  std::string decode(std::string_view token) { return nlohmann::json::parse(token).get<std::string>(); }

  Doc value(const std::string& path) {
    space();
    Doc d;
    d.line = line_;
    const char c = s_[i_];
    if (c == '{') {
      d.type = Doc::Type::table;
      ++i_;
      space();
      if (s_[i_] == '}') {
        ++i_;
        return d;
      }
      for (;;) {
        space();
        const std::string key = decode(string_token());
        const int key_line = line_;
        for (const auto& [k, v] : d.members) {
          if (k == key) {
            throw Error(Errc::inval, ErrClass::argument,
                        located(origin_, key_line, path.empty() ? key : path + "." + key, "appears twice"));
          }
        }
        space();
        ++i_;  // ':'
        Doc member = value(path.empty() ? key : path + "." + key);
        d.members.emplace_back(key, std::move(member));
        space();
        if (s_[i_++] == '}') return d;
      }
    }
    if (c == '[') {
      d.type = Doc::Type::array;
      ++i_;
      space();
      if (s_[i_] == ']') {
        ++i_;
        return d;
      }
      for (;;) {
        d.elements.push_back(value(path + "[" + std::to_string(d.elements.size()) + "]"));
        space();
        if (s_[i_++] == ']') return d;
      }
    }
    if (c == '"') {
      d.type = Doc::Type::string;
      d.text = decode(string_token());
      return d;
    }
    if (s_.compare(i_, 4, "true") == 0 || s_.compare(i_, 5, "false") == 0) {
      d.type = Doc::Type::boolean;
      d.boolean = c == 't';
      i_ += d.boolean ? 4 : 5;
      return d;
    }
    if (s_.compare(i_, 4, "null") == 0) {
      throw Error(Errc::inval, ErrClass::argument, located(origin_, line_, path, "null has no meaning in a scheme"));
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[i_]) != std::string_view::npos) ++i_;
    const std::string_view token = s_.substr(start, i_ - start);
    d.type = Doc::Type::number;
    d.integer = token.find_first_of(".eE") == std::string_view::npos;
    std::from_chars(token.data(), token.data() + token.size(), d.number);
    return d;
  }

  std::string_view s_;
  std::string_view origin_;
  std::size_t i_ = 0;
  int line_ = 1;
};

}  // namespace

Doc doc_from_json(std::string_view text, std::string_view origin) {
  json::parse(text, origin);  // UTF-8 and syntax, with line:column
  return Scanner(text, origin).document();
}

}  // namespace duban::scoring
