// Parameter schemas and checked access (see hopfield/config/params.hpp).
#include "hopfield/config/params.hpp"

#include <charconv>
#include <cmath>

namespace hopfield::config {

namespace {

ParamSpec make(std::string name, ParamKind kind, std::string def, std::string help) {
  ParamSpec s;
  s.name = std::move(name);
  s.kind = kind;
  s.default_text = std::move(def);
  s.help = std::move(help);
  return s;
}

std::string number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest exact form
  (void)ec;
  return std::string(buf, end);
}

std::string join(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? sep : "") + words[i];
  return out;
}

bool in_range(double v, const ParamSpec& s) {
  if (s.min_open ? !(v > s.min) : !(v >= s.min)) return false;
  if (s.max_open ? !(v < s.max) : !(v <= s.max)) return false;
  return true;
}

std::string expected_number(const ParamSpec& spec) {
  const std::string range = spec.describe_range();
  return range == "any finite number" ? range : "a number in " + range;
}

void check_number(const Node& value, const ParamSpec& spec, double v) {
  if (std::isnan(v)) value.fail("NaN is not allowed; expected " + expected_number(spec));
  if (std::isinf(v)) value.fail("infinity is not allowed; expected " + expected_number(spec));
  if (!in_range(v, spec))
    value.fail("value " + value.text() + " is out of range; allowed: " + spec.describe_range());
}

}  // namespace

ParamSpec ParamSpec::integer(std::string name, std::string def, std::string help) {
  return make(std::move(name), ParamKind::integer, std::move(def), std::move(help));
}
ParamSpec ParamSpec::real(std::string name, std::string def, std::string help) {
  return make(std::move(name), ParamKind::real, std::move(def), std::move(help));
}
ParamSpec ParamSpec::boolean(std::string name, std::string def, std::string help) {
  return make(std::move(name), ParamKind::boolean, std::move(def), std::move(help));
}
ParamSpec ParamSpec::choice(std::string name, std::string def, std::vector<std::string> choices,
                            std::string help) {
  auto s = make(std::move(name), ParamKind::choice, std::move(def), std::move(help));
  s.choices = std::move(choices);
  return s;
}
ParamSpec ParamSpec::text(std::string name, std::string def, std::string help) {
  return make(std::move(name), ParamKind::text, std::move(def), std::move(help));
}
ParamSpec ParamSpec::real_list(std::string name, std::string def, std::string help) {
  return make(std::move(name), ParamKind::real_list, std::move(def), std::move(help));
}
ParamSpec ParamSpec::module(std::string name, std::string family, std::string def,
                            std::string help) {
  auto s = make(std::move(name), ParamKind::module, std::move(def), std::move(help));
  s.family = std::move(family);
  return s;
}
ParamSpec ParamSpec::module_list(std::string name, std::string family, std::string def,
                                 std::string help) {
  auto s = make(std::move(name), ParamKind::module_list, std::move(def), std::move(help));
  s.family = std::move(family);
  return s;
}
ParamSpec ParamSpec::section(std::string name, std::vector<ParamSpec> fields, std::string help) {
  auto s = make(std::move(name), ParamKind::section, "{}", std::move(help));
  s.fields = std::move(fields);
  return s;
}
ParamSpec ParamSpec::any(std::string name, std::string help) {
  auto s = make(std::move(name), ParamKind::any, "", std::move(help));
  s.optional = true;
  return s;
}

ParamSpec& ParamSpec::range(double lo, double hi) {
  min = lo;
  max = hi;
  min_open = max_open = false;
  return *this;
}
ParamSpec& ParamSpec::above(double lo) {
  min = lo;
  min_open = true;
  return *this;
}
ParamSpec& ParamSpec::at_least(double lo) {
  min = lo;
  min_open = false;
  return *this;
}
ParamSpec& ParamSpec::at_most(double hi) {
  max = hi;
  max_open = false;
  return *this;
}
ParamSpec& ParamSpec::below(double hi) {
  max = hi;
  max_open = true;
  return *this;
}
ParamSpec& ParamSpec::make_optional() {
  optional = true;
  return *this;
}

std::string ParamSpec::describe_range() const {
  if (kind == ParamKind::choice) return "one of: " + join(choices, ", ");
  if (kind == ParamKind::boolean) return "true or false";
  if (kind == ParamKind::integer || kind == ParamKind::real || kind == ParamKind::real_list) {
    if (std::isinf(min) && std::isinf(max)) return "any finite number";
    return std::string(min_open ? "(" : "[") + number(min) + ", " + number(max) +
           (max_open ? ")" : "]");
  }
  return "";
}

std::string ParamSpec::kind_name() const {
  switch (kind) {
    case ParamKind::integer:
      return "integer";
    case ParamKind::real:
      return "real";
    case ParamKind::boolean:
      return "boolean";
    case ParamKind::choice:
      return "choice";
    case ParamKind::text:
      return "text";
    case ParamKind::real_list:
      return "real or list of reals";
    case ParamKind::module:
      return family + " module";
    case ParamKind::module_list:
      return "list of " + family + " modules";
    case ParamKind::section:
      return "mapping";
    case ParamKind::any:
      return "any";
  }
  return "?";
}

void check_value(const Node& value, const ParamSpec& spec) {
  switch (spec.kind) {
    case ParamKind::integer: {
      if (!value.is_scalar() || !value.is_integer()) {
        // A whole number beyond int64 (1e300, 100000000000000000000) is out of range, not a
        // fraction.
        if (value.is_real() && std::isfinite(value.as_real()) &&
            std::floor(value.as_real()) == value.as_real())
          value.fail("value " + value.text() +
                     " is out of range; allowed: " + spec.describe_range());
        if (value.is_real()) value.fail("expected an integer, found '" + value.text() + "'");
        value.fail(std::string("expected an integer") +
                   (value.is_scalar()
                        ? ", found '" + value.text() + "'"
                        : ", found a " + std::string(value.is_sequence() ? "list" : "mapping")));
      }
      double v = 0.0;
      if (value.is_real()) v = value.as_real();  // catches 1e30 (beyond int64)
      if (std::fabs(v) > 9.0e18)
        value.fail("value " + value.text() + " is out of range; allowed: " + spec.describe_range());
      check_number(value, spec, static_cast<double>(value.as_integer()));
      break;
    }
    case ParamKind::real:
      check_number(value, spec, value.as_real());
      break;
    case ParamKind::boolean:
      (void)value.as_bool();
      break;
    case ParamKind::choice: {
      const auto& t = value.text();
      for (const auto& c : spec.choices)
        if (c == t) return;
      std::string msg = "unknown value '" + t + "'";
      const auto guess = closest_match(t, spec.choices);
      if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
      value.fail(msg + "; allowed: " + join(spec.choices, ", "));
    }
    case ParamKind::text:
      (void)value.text();
      break;
    case ParamKind::real_list:
      if (value.is_sequence()) {
        if (value.items().empty()) value.fail("expected a number or a non-empty list of numbers");
        for (const auto& item : value.items()) check_number(item, spec, item.as_real());
      } else {
        check_number(value, spec, value.as_real());
      }
      break;
    case ParamKind::module:
    case ParamKind::module_list:
    case ParamKind::section:
    case ParamKind::any:
      break;  // checked by the registry
  }
}

bool Params::has(std::string_view key) const {
  const Node* n = map_->find(key);
  return n != nullptr && !n->is_null();
}

std::int64_t Params::integer(std::string_view key) const {
  return at(key).as_integer();
}
double Params::real(std::string_view key) const {
  return at(key).as_real();
}
bool Params::flag(std::string_view key) const {
  return at(key).as_bool();
}
const std::string& Params::text(std::string_view key) const {
  return at(key).text();
}

std::vector<double> Params::reals(std::string_view key) const {
  const Node& n = at(key);
  std::vector<double> out;
  if (n.is_sequence()) {
    for (const auto& item : n.items()) out.push_back(item.as_real());
  } else {
    out.push_back(n.as_real());
  }
  return out;
}

void Params::fail(std::string_view key, const std::string& message) const {
  if (const Node* n = map_->find(key)) n->fail(message);
  map_->fail(message);
}

}  // namespace hopfield::config
