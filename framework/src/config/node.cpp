// The option tree (see hopfield/config/node.hpp).
#include "hopfield/config/node.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace hopfield::config {

namespace {

std::string kind_word(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null:
      return "nothing";
    case Node::Kind::scalar:
      return "a scalar";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::map:
      return "a mapping";
  }
  return "?";
}

bool parse_real(const std::string& text, double& value) {
  if (text.empty()) return false;
  std::string t = text;
  // YAML 1.2 core schema spellings of infinity and NaN are read so they can be rejected
  // with a clear message rather than as "not a number".
  if (t == ".inf" || t == ".Inf" || t == ".INF" || t == "+.inf") {
    value = std::numeric_limits<double>::infinity();
    return true;
  }
  if (t == "-.inf" || t == "-.Inf" || t == "-.INF") {
    value = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (t == ".nan" || t == ".NaN" || t == ".NAN") {
    value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  const char* begin = t.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  if (end != begin + t.size()) return false;
  // Reject hex floats and words strtod accepts ("nan", "inf", "infinity").
  for (char c : t) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
          c == '+' || c == '-'))
      return false;
  }
  if (errno == ERANGE && std::isinf(value)) return true;  // huge: caught by bounds
  return true;
}

bool parse_integer(const std::string& text, std::int64_t& value) {
  if (text.empty()) return false;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec == std::errc() && ptr == end) return true;
  // Integers written as 1e5 or 1000.0 are accepted when exactly integral.
  double d = 0.0;
  if (parse_real(text, d) && std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e18) {
    value = static_cast<std::int64_t>(d);
    return true;
  }
  return false;
}

std::string join_path(const std::vector<std::string>& parts, std::size_t count) {
  std::string path;
  for (std::size_t i = 0; i < count; ++i) {
    if (!path.empty() && parts[i].front() != '[') path += '.';
    path += parts[i];
  }
  return path.empty() ? "the root" : "'" + path + "'";
}

// Walks one part of an override path from `node`, creating what is missing; returns the child.
Node& descend(Node& node, const std::string& part, const std::vector<std::string>& parts,
              std::size_t depth, const Location& here) {
  const std::string prefix = join_path(parts, depth);
  if (part.front() == '[') {
    if (!node.is_sequence()) throw ConfigError(here, prefix + " is not a list");
    const std::string digits = part.size() > 2 ? part.substr(1, part.size() - 2) : "";
    const bool valid = part.back() == ']' && !digits.empty() && digits.size() < 10 &&
                       digits.find_first_not_of("0123456789") == std::string::npos;
    if (!valid) throw ConfigError(here, "malformed list index '" + part + "'");
    const auto index = static_cast<std::size_t>(std::stoul(digits));
    if (index >= node.items().size()) {
      throw ConfigError(here, "index " + part + " is past the end of " + prefix + ", which has " +
                                  std::to_string(node.items().size()) + " item(s)");
    }
    return node.items()[index];
  }
  if (node.is_scalar()) {
    // A bare module name is shorthand for {type: name} (DESIGN.md §3).
    Node expanded = Node::make_map(node.location());
    expanded.set("type", node);
    node = std::move(expanded);
  } else if (node.is_null()) {
    node = Node::make_map(here);
  } else if (!node.is_map()) {
    throw ConfigError(here, prefix + " is a list: address its items as " +
                                (depth == 0 ? std::string("[i]") : prefix + "[i]"));
  }
  if (Node* child = node.find(part)) return *child;
  return node.set(part, Node::make_map(here));
}

}  // namespace

Node Node::make_null(Location where) {
  Node n;
  n.kind_ = Kind::null;
  n.where_ = std::move(where);
  return n;
}

Node Node::make_scalar(std::string text, Location where, bool quoted) {
  Node n;
  n.kind_ = Kind::scalar;
  n.text_ = std::move(text);
  n.quoted_ = quoted;
  n.where_ = std::move(where);
  return n;
}

Node Node::make_sequence(Location where) {
  Node n;
  n.kind_ = Kind::sequence;
  n.where_ = std::move(where);
  return n;
}

Node Node::make_map(Location where) {
  Node n;
  n.kind_ = Kind::map;
  n.where_ = std::move(where);
  return n;
}

void Node::assign_paths(const std::string& prefix) {
  path_ = prefix;
  for (auto& [key, child] : entries_) child.assign_paths(prefix.empty() ? key : prefix + "." + key);
  for (std::size_t i = 0; i < items_.size(); ++i)
    items_[i].assign_paths(prefix + "[" + std::to_string(i) + "]");
}

std::string Node::describe() const {
  return path_.empty() ? "the top level" : "'" + path_ + "'";
}

const std::string& Node::text() const {
  if (kind_ != Kind::scalar) fail("expected a scalar value, found " + kind_word(kind_));
  return text_;
}

bool Node::is_real() const {
  double v = 0.0;
  return kind_ == Kind::scalar && !quoted_ && parse_real(text_, v);
}

bool Node::is_integer() const {
  std::int64_t v = 0;
  return kind_ == Kind::scalar && !quoted_ && parse_integer(text_, v);
}

bool Node::is_bool() const {
  return kind_ == Kind::scalar && !quoted_ &&
         (text_ == "true" || text_ == "false" || text_ == "True" || text_ == "False");
}

double Node::as_real() const {
  double v = 0.0;
  if (kind_ != Kind::scalar || quoted_ || !parse_real(text_, v))
    fail("expected a number, found " +
         (kind_ == Kind::scalar ? "'" + text_ + "'" : kind_word(kind_)));
  return v;
}

std::int64_t Node::as_integer() const {
  std::int64_t v = 0;
  double d = 0.0;
  if (kind_ == Kind::scalar && !quoted_ && !parse_integer(text_, v) && parse_real(text_, d) &&
      std::isfinite(d) && std::floor(d) == d)
    fail("value " + text_ + " is out of range (integers are limited to ±9e18)");
  if (kind_ != Kind::scalar || quoted_ || !parse_integer(text_, v))
    fail("expected an integer, found " +
         (kind_ == Kind::scalar ? "'" + text_ + "'" : kind_word(kind_)));
  return v;
}

bool Node::as_bool() const {
  if (!is_bool())
    fail("expected true or false, found " +
         (kind_ == Kind::scalar ? "'" + text_ + "'" : kind_word(kind_)));
  return text_ == "true" || text_ == "True";
}

Node* Node::find(std::string_view key) {
  for (auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

const Node& Node::at(std::string_view key) const {
  const Node* n = find(key);
  if (n == nullptr) fail("missing key '" + std::string(key) + "'");
  return *n;
}

Node& Node::at(std::string_view key) {
  Node* n = find(key);
  if (n == nullptr) fail("missing key '" + std::string(key) + "'");
  return *n;
}

Node& Node::set(std::string key, Node value) {
  if (kind_ == Kind::null) kind_ = Kind::map;
  if (kind_ != Kind::map) fail("expected a mapping, found " + kind_word(kind_));
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries_.emplace_back(std::move(key), std::move(value));
  return entries_.back().second;
}

void Node::erase(std::string_view key) {
  std::erase_if(entries_, [&](const auto& e) { return e.first == key; });
}

std::size_t Node::size() const {
  switch (kind_) {
    case Kind::map:
      return entries_.size();
    case Kind::sequence:
      return items_.size();
    case Kind::scalar:
      return 1;
    case Kind::null:
      return 0;
  }
  return 0;
}

void Node::fail(const std::string& message) const {
  if (path_.empty()) throw ConfigError(where_, message);
  throw ConfigError(where_, "'" + path_ + "': " + message);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  // Close enough to be a typo: at most a third of the word's letters (and at least one).
  const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
  return best_distance <= limit ? best : std::string();
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::string current;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '.') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else if (c == '[') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
      const auto close = path.find(']', i);
      if (close == std::string_view::npos) {
        parts.emplace_back(path.substr(i));
        return parts;
      }
      parts.emplace_back(path.substr(i, close - i + 1));
      i = close;
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

void set_path(Node& root, std::string_view path, Node value, const Location& here) {
  std::vector<std::string> parts;
  try {
    parts = split_path(path);
  } catch (const Error& error) {
    throw ConfigError(here, "malformed key '" + std::string(path) + "': " + error.what());
  }
  if (parts.empty()) throw ConfigError(here, "malformed key '" + std::string(path) + "'");
  for (const auto& part : parts)
    if (part.empty()) throw ConfigError(here, "malformed key '" + std::string(path) + "'");
  Node* node = &root;
  for (std::size_t depth = 0; depth + 1 < parts.size(); ++depth)
    node = &descend(*node, parts[depth], parts, depth, here);
  descend(*node, parts.back(), parts, parts.size() - 1, here) = std::move(value);
  root.assign_paths();
}

const Node* find_path(const Node& root, std::string_view path) {
  const Node* node = &root;
  for (const auto& part : split_path(path)) {
    if (part.front() == '[') {
      if (!node->is_sequence()) return nullptr;
      std::size_t index = 0;
      const auto text = part.substr(1, part.size() - 2);
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
      if (ec != std::errc() || index >= node->items().size()) return nullptr;
      node = &node->items()[index];
    } else {
      if (!node->is_map()) return nullptr;
      node = node->find(part);
      if (node == nullptr) return nullptr;
    }
  }
  return node;
}

}  // namespace hopfield::config
