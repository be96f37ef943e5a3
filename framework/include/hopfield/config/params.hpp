// Parameter schemas (SpECTRE-style options): every module option has a type, a default,
// bounds and a help string. A module's YAML mapping is validated against its schema before
// anything runs: unknown keys (with a "did you mean"), wrong types, out-of-range values and
// unknown choices are ConfigErrors with file:line:col. Defaults are written into the tree, so
// the stored config is the fully resolved one.
#pragma once

#include "hopfield/config/node.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace hopfield::config {

enum class ParamKind {
  integer,      ///< whole number
  real,         ///< finite floating-point number
  boolean,      ///< true / false
  choice,       ///< one of a fixed set of words
  text,         ///< free text (file paths, names)
  real_list,    ///< a number or a list of numbers
  module,       ///< a nested module of another family ({type: name, ...} or a bare name)
  module_list,  ///< a list of modules of another family (a single module is a list of one)
  section,      ///< a nested mapping with its own schema (`fields`)
  any,          ///< any YAML value; the module validates it itself
};

struct ParamSpec {
  std::string name;
  ParamKind kind = ParamKind::real;
  std::string default_text;  ///< YAML text of the default; empty with optional=false: required
  bool optional = false;     ///< may be absent with no default
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;
  bool max_open = false;
  std::vector<std::string> choices;  ///< for choice
  std::string family;                ///< for module and module_list
  std::vector<ParamSpec> fields;     ///< for section
  std::string help;

  // Fluent construction: ParamSpec::real("fraction", "0.1", "…").range(0, 1)
  static ParamSpec integer(std::string name, std::string def, std::string help);
  static ParamSpec real(std::string name, std::string def, std::string help);
  static ParamSpec boolean(std::string name, std::string def, std::string help);
  static ParamSpec choice(std::string name, std::string def, std::vector<std::string> choices,
                          std::string help);
  static ParamSpec text(std::string name, std::string def, std::string help);
  static ParamSpec real_list(std::string name, std::string def, std::string help);
  static ParamSpec module(std::string name, std::string family, std::string def, std::string help);
  static ParamSpec module_list(std::string name, std::string family, std::string def,
                               std::string help);
  static ParamSpec section(std::string name, std::vector<ParamSpec> fields, std::string help);
  static ParamSpec any(std::string name, std::string help);
  ParamSpec& range(double lo, double hi);
  ParamSpec& above(double lo);     ///< lo < value
  ParamSpec& at_least(double lo);  ///< lo <= value
  ParamSpec& at_most(double hi);   ///< value <= hi
  ParamSpec& below(double hi);     ///< value < hi
  ParamSpec& make_optional();      ///< may be absent (no default)
  [[nodiscard]] bool required() const { return default_text.empty() && !optional; }
  /// "[0, 1]", "(0, inf)", "one of: a, b" … for messages and docs.
  [[nodiscard]] std::string describe_range() const;
  [[nodiscard]] std::string kind_name() const;
};

/// Read access to a validated module mapping. Every accessor names the key; values have been
/// checked against the schema already, so accessors only convert.
class Params {
 public:
  explicit Params(const Node& map) : map_(&map) {}
  [[nodiscard]] const Node& node() const { return *map_; }
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] const Node& at(std::string_view key) const { return map_->at(key); }
  [[nodiscard]] std::int64_t integer(std::string_view key) const;
  [[nodiscard]] double real(std::string_view key) const;
  [[nodiscard]] bool flag(std::string_view key) const;
  [[nodiscard]] const std::string& text(std::string_view key) const;
  /// A real_list parameter; a scalar gives a list of one.
  [[nodiscard]] std::vector<double> reals(std::string_view key) const;
  /// Throws ConfigError at key (or at the map if the key is absent).
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;

 private:
  const Node* map_;
};

/// Checks a scalar against a spec (type, bounds, choices); throws ConfigError.
void check_value(const Node& value, const ParamSpec& spec);

}  // namespace hopfield::config
