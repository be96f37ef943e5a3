// The option tree: a YAML-free document of maps, sequences and scalars, each node carrying the
// file:line:col it came from and its dotted path ("noise[0].fraction"). The io layer fills it
// from YAML; every module reads its options from it, so the core never sees a file format.
#pragma once

#include "hopfield/core/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hopfield::config {

class Node {
 public:
  enum class Kind { null, scalar, sequence, map };

  Node() = default;
  static Node make_null(Location where);
  static Node make_scalar(std::string text, Location where, bool quoted = false);
  static Node make_sequence(Location where);
  static Node make_map(Location where);

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_null() const { return kind_ == Kind::null; }
  [[nodiscard]] bool is_scalar() const { return kind_ == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind_ == Kind::sequence; }
  [[nodiscard]] bool is_map() const { return kind_ == Kind::map; }
  [[nodiscard]] const Location& location() const { return where_; }
  void set_location(Location where) { where_ = std::move(where); }
  /// Dotted path from the root ("" for the root itself).
  [[nodiscard]] const std::string& path() const { return path_; }
  /// Recomputes the dotted paths of this node and everything below it.
  void assign_paths(const std::string& prefix = "");
  /// "key 'network.neurons'" style description used in error messages.
  [[nodiscard]] std::string describe() const;

  // Scalars. Conversions throw ConfigError naming the location, the path and the expected type.
  [[nodiscard]] const std::string& text() const;
  [[nodiscard]] bool quoted() const { return quoted_; }
  [[nodiscard]] double as_real() const;
  [[nodiscard]] std::int64_t as_integer() const;
  [[nodiscard]] bool as_bool() const;
  /// Whether the scalar reads as a number / an integer / a boolean.
  [[nodiscard]] bool is_real() const;
  [[nodiscard]] bool is_integer() const;
  [[nodiscard]] bool is_bool() const;

  // Maps (key order is kept as written).
  [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
  [[nodiscard]] Node* find(std::string_view key);
  [[nodiscard]] const Node* find(std::string_view key) const;
  /// The child under key; ConfigError "missing key" if absent.
  [[nodiscard]] const Node& at(std::string_view key) const;
  [[nodiscard]] Node& at(std::string_view key);
  /// Inserts or replaces key (keeps the position of an existing key).
  Node& set(std::string key, Node value);
  void erase(std::string_view key);
  [[nodiscard]] const std::vector<std::pair<std::string, Node>>& entries() const {
    return entries_;
  }
  [[nodiscard]] std::vector<std::pair<std::string, Node>>& entries() { return entries_; }

  // Sequences.
  [[nodiscard]] const std::vector<Node>& items() const { return items_; }
  [[nodiscard]] std::vector<Node>& items() { return items_; }
  void push_back(Node value) { items_.push_back(std::move(value)); }
  [[nodiscard]] std::size_t size() const;

  /// Throws ConfigError at this node's location: "<path>: <message>".
  [[noreturn]] void fail(const std::string& message) const;

 private:
  Kind kind_ = Kind::null;
  std::string text_;
  bool quoted_ = false;
  Location where_;
  std::string path_;
  std::vector<std::pair<std::string, Node>> entries_;
  std::vector<Node> items_;
};

/// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to word if it is close enough to be a likely misspelling, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// Parses a dotted path with indices ("noise[0].fraction") into its parts; "[0]" parts are
/// returned as "[0]".
std::vector<std::string> split_path(std::string_view path);

/// Sets the node at a dotted path ("noise[0].fraction", "learning"), creating missing maps; a
/// bare module name on the way is expanded to {type: name}; an index past the end of a list is
/// a ConfigError at `here`. Paths are reassigned afterwards.
void set_path(Node& root, std::string_view path, Node value, const Location& here);

/// Finds the node at a dotted path, or nullptr.
const Node* find_path(const Node& root, std::string_view path);

}  // namespace hopfield::config
