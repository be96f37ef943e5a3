// The sweep engine (see hopfield/sweep/sweep.hpp).
#include "hopfield/sweep/sweep.hpp"

#include <charconv>
#include <cmath>

namespace hopfield::sweep {

using config::Node;

namespace {

constexpr std::size_t max_points = 10'000'000;

std::string number_text(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  return std::string(buf, end);
}

std::vector<double> three_numbers(const Node& list, const char* what) {
  if (!list.is_sequence() || list.items().size() != 3) list.fail(std::string("expected ") + what);
  std::vector<double> v;
  for (const auto& item : list.items()) {
    const double x = item.as_real();
    if (!std::isfinite(x)) item.fail("must be a finite number");
    v.push_back(x);
  }
  return v;
}

void check_path(const std::string& path, const Node& where) {
  if (path.empty()) where.fail("empty sweep path");
  const auto parts = config::split_path(path);
  if (parts.empty() || parts.front() == "sweep" || parts.front() == "output" ||
      parts.front() == "seed")
    throw ConfigError(where.location(), "cannot sweep '" + path +
                                            "' (sweep, output and seed are not sweepable; use "
                                            "trials for repetitions)");
}

}  // namespace

std::vector<config::ParamSpec> sweep_schema() {
  using config::ParamSpec;
  return {
      ParamSpec::integer("trials", "1",
                         "independent repetitions per point: fresh patterns, couplings and cues "
                         "(the same at every point: common random numbers)")
          .range(1, 1e9),
      ParamSpec::any("grid",
                     "Cartesian product over dotted paths: {path: values, …}; values are a "
                     "list, {linspace: [a, b, n]}, {logspace: [a, b, n]} or {range: [a, b, "
                     "step]}; the first path varies slowest"),
      ParamSpec::any("zip",
                     "parallel lists over dotted paths (all the same length), one point per "
                     "position; combined with a grid as its outermost axis"),
  };
}

namespace {

/// A checked sweep value spec: a list, or linspace/logspace/range with its three numbers.
struct ValueSpec {
  std::string kind;
  std::vector<double> numbers;
  std::size_t count = 0;
};

/// Checks a value spec and counts its values without making them, so that a sweep of too many
/// points is refused before millions of values are built (a fuzzing finding: a 10⁶ × 10³ grid
/// took seconds to refuse).
ValueSpec parse_values(const Node& spec) {
  if (spec.is_sequence()) {
    if (spec.items().empty()) spec.fail("an empty list of sweep values");
    return {"list", {}, spec.items().size()};
  }
  if (spec.is_map() && spec.entries().size() == 1) {
    const auto& [kind, args] = spec.entries().front();
    if (kind == "linspace" || kind == "logspace") {
      auto v = three_numbers(args, "[start, stop, count]");
      const double n = v[2];
      if (n < 1 || std::floor(n) != n || n > 1e6)
        args.items()[2].fail("count must be a whole number in [1, 1000000]");
      return {kind, std::move(v), static_cast<std::size_t>(n)};
    }
    if (kind == "range") {
      auto v = three_numbers(args, "[start, stop, step]");
      if (v[2] == 0.0 || (v[1] - v[0]) / v[2] < 0)
        args.items()[2].fail("the step must be nonzero and lead from start towards stop");
      const double count = std::ceil((v[1] - v[0]) / v[2] - 1e-9);
      if (count > 1e6) args.fail("more than 1000000 values");
      if (!(count >= 1)) args.fail("the range is empty");
      return {kind, std::move(v), static_cast<std::size_t>(count)};
    }
  }
  spec.fail(
      "expected a list of values, {linspace: [a, b, n]}, {logspace: [a, b, n]} or "
      "{range: [a, b, step]}");
}

std::vector<Node> make_values(const ValueSpec& values, const Node& spec) {
  if (values.kind == "list") return spec.items();
  const Location& where = spec.entries().front().second.location();
  const auto& v = values.numbers;
  const std::size_t count = values.count;
  std::vector<Node> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    double x = 0.0;
    if (values.kind == "range") {
      x = v[0] + static_cast<double>(i) * v[2];
    } else {
      const double t = count == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(count - 1);
      x = i + 1 == count ? v[1] : v[0] + t * (v[1] - v[0]);
      if (values.kind == "logspace") x = std::pow(10.0, x);
    }
    out.push_back(Node::make_scalar(number_text(x), where));
  }
  return out;
}

}  // namespace

std::vector<Node> expand_values(const Node& spec) {
  return make_values(parse_values(spec), spec);
}

SweepPlan expand(const Node* sweep) {
  SweepPlan plan;
  // First every spec is checked and its values counted (in the order of the error messages),
  // and the number of points bounded; only then are the values made.
  struct Axis {
    std::vector<std::pair<std::string, const Node*>> specs;  // one (zip: several) path
    std::vector<ValueSpec> values;
    std::size_t length = 0;
  };
  std::vector<Axis> specs;
  if (sweep != nullptr && sweep->is_map()) {
    if (const Node* zip = sweep->find("zip")) {
      if (!zip->is_map()) zip->fail("expected a mapping {path: [values], …}");
      if (zip->entries().empty()) zip->fail("an empty zip: give at least one {path: [values]}");
      Axis axis;
      bool first = true;
      for (const auto& [path, spec] : zip->entries()) {
        check_path(path, spec);
        plan.paths.push_back(path);
        ValueSpec values = parse_values(spec);
        if (first) {
          axis.length = values.count;
          first = false;
        } else if (values.count != axis.length) {
          spec.fail("zip lists must all have the same length: this one has " +
                    std::to_string(values.count) + ", the first has " +
                    std::to_string(axis.length));
        }
        axis.specs.emplace_back(path, &spec);
        axis.values.push_back(std::move(values));
      }
      specs.push_back(std::move(axis));
    }
    if (const Node* grid = sweep->find("grid")) {
      if (!grid->is_map()) grid->fail("expected a mapping {path: values, …}");
      if (grid->entries().empty()) grid->fail("an empty grid: give at least one {path: values}");
      for (const auto& [path, spec] : grid->entries()) {
        check_path(path, spec);
        for (const auto& p : plan.paths)
          if (p == path) spec.fail("'" + path + "' is swept twice");
        plan.paths.push_back(path);
        Axis axis;
        axis.values.push_back(parse_values(spec));
        axis.length = axis.values.back().count;
        axis.specs.emplace_back(path, &spec);
        specs.push_back(std::move(axis));
      }
    }
  }
  std::size_t total = 1;
  for (const auto& axis : specs) {
    total *= axis.length;
    if (total > max_points)
      throw ConfigError(sweep->location(), "'sweep': more than 10000000 points");
  }
  // Axes: each is a list of points (a point being a list of assignments).
  std::vector<std::vector<std::vector<Assignment>>> axes;
  for (const auto& axis : specs) {
    std::vector<std::vector<Assignment>> points(axis.length);
    for (std::size_t k = 0; k < axis.specs.size(); ++k) {
      const auto& [path, spec] = axis.specs[k];
      auto values = make_values(axis.values[k], *spec);
      for (std::size_t i = 0; i < axis.length; ++i)
        points[i].push_back({path, std::move(values[i])});
    }
    axes.push_back(std::move(points));
  }
  plan.points.resize(total);
  // Row-major over axes: the first axis varies slowest.
  for (std::size_t index = 0; index < total; ++index) {
    std::size_t rest = index;
    std::vector<std::size_t> position(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
      position[a] = rest % axes[a].size();
      rest /= axes[a].size();
    }
    for (std::size_t a = 0; a < axes.size(); ++a)
      for (const auto& assignment : axes[a][position[a]])
        plan.points[index].assignments.push_back(assignment);
  }
  return plan;
}

}  // namespace hopfield::sweep
