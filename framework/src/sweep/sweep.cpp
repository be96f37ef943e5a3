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

std::vector<Node> expand_values(const Node& spec) {
  std::vector<Node> out;
  if (spec.is_sequence()) {
    if (spec.items().empty()) spec.fail("an empty list of sweep values");
    return spec.items();
  }
  if (spec.is_map() && spec.entries().size() == 1) {
    const auto& [kind, args] = spec.entries().front();
    const Location& where = args.location();
    if (kind == "linspace" || kind == "logspace") {
      const auto v = three_numbers(args, "[start, stop, count]");
      const double n = v[2];
      if (n < 1 || std::floor(n) != n || n > 1e6)
        args.items()[2].fail("count must be a whole number in [1, 1000000]");
      const auto count = static_cast<std::size_t>(n);
      for (std::size_t i = 0; i < count; ++i) {
        const double t = count == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(count - 1);
        double x = v[0] + t * (v[1] - v[0]);
        if (i + 1 == count) x = v[1];
        if (kind == "logspace") x = std::pow(10.0, x);
        out.push_back(Node::make_scalar(number_text(x), where));
      }
      return out;
    }
    if (kind == "range") {
      const auto v = three_numbers(args, "[start, stop, step]");
      if (v[2] == 0.0 || (v[1] - v[0]) / v[2] < 0)
        args.items()[2].fail("the step must be nonzero and lead from start towards stop");
      const double count = std::ceil((v[1] - v[0]) / v[2] - 1e-9);
      if (count > 1e6) args.fail("more than 1000000 values");
      for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i)
        out.push_back(Node::make_scalar(number_text(v[0] + static_cast<double>(i) * v[2]), where));
      if (out.empty()) args.fail("the range is empty");
      return out;
    }
  }
  spec.fail(
      "expected a list of values, {linspace: [a, b, n]}, {logspace: [a, b, n]} or "
      "{range: [a, b, step]}");
}

SweepPlan expand(const Node* sweep) {
  SweepPlan plan;
  // Axes: each is a list of points (a point being a list of assignments).
  std::vector<std::vector<std::vector<Assignment>>> axes;
  if (sweep != nullptr && sweep->is_map()) {
    if (const Node* zip = sweep->find("zip")) {
      if (!zip->is_map()) zip->fail("expected a mapping {path: [values], …}");
      if (zip->entries().empty()) zip->fail("an empty zip: give at least one {path: [values]}");
      std::vector<std::vector<Assignment>> axis;
      std::size_t length = 0;
      bool first = true;
      for (const auto& [path, spec] : zip->entries()) {
        check_path(path, spec);
        plan.paths.push_back(path);
        const auto values = expand_values(spec);
        if (first) {
          length = values.size();
          axis.resize(length);
          first = false;
        } else if (values.size() != length) {
          spec.fail("zip lists must all have the same length: this one has " +
                    std::to_string(values.size()) + ", the first has " + std::to_string(length));
        }
        for (std::size_t i = 0; i < length; ++i) axis[i].push_back({path, values[i]});
      }
      axes.push_back(std::move(axis));
    }
    if (const Node* grid = sweep->find("grid")) {
      if (!grid->is_map()) grid->fail("expected a mapping {path: values, …}");
      if (grid->entries().empty()) grid->fail("an empty grid: give at least one {path: values}");
      for (const auto& [path, spec] : grid->entries()) {
        check_path(path, spec);
        for (const auto& p : plan.paths)
          if (p == path) spec.fail("'" + path + "' is swept twice");
        plan.paths.push_back(path);
        std::vector<std::vector<Assignment>> axis;
        for (auto& v : expand_values(spec)) axis.push_back({{path, v}});
        axes.push_back(std::move(axis));
      }
    }
  }
  std::size_t total = 1;
  for (const auto& axis : axes) {
    total *= axis.size();
    if (total > max_points)
      throw ConfigError(sweep->location(), "'sweep': more than 10000000 points");
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
