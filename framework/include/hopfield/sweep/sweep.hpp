// The sweep engine (DESIGN.md §4): `sweep.grid` (Cartesian product) and `sweep.zip` (parallel
// lists) over dotted config paths, with values given as lists (scalars or whole mappings),
// {linspace: [a, b, n]}, {logspace: [a, b, n]} (10^a … 10^b) or {range: [a, b, step]}
// (a, a+step, … < b, as numpy.arange). Each point is a list of assignments applied to the
// configuration before validation, so every point validates against its own modules.
#pragma once

#include "hopfield/config/node.hpp"
#include "hopfield/config/params.hpp"

#include <string>
#include <vector>

namespace hopfield::sweep {

struct Assignment {
  std::string path;    ///< dotted config path ("patterns.alpha", "noise[0].fraction")
  config::Node value;  ///< the value at this point (with the location it was written at)
};

struct Point {
  std::vector<Assignment> assignments;  ///< one per swept path, in SweepPlan::paths order
};

struct SweepPlan {
  std::vector<std::string> paths;  ///< swept paths: zip paths (in order) then grid paths
  std::vector<Point> points;       ///< at least one (a run without a grid has one empty point)
};

/// The schema of the `sweep:` section (trials, grid, zip).
std::vector<config::ParamSpec> sweep_schema();

/// Expands sweep.grid and sweep.zip. Grid axes vary with the first key slowest (row-major);
/// a zip block is one axis, outermost. Throws ConfigError with the location of a bad spec.
SweepPlan expand(const config::Node* sweep);

/// The numbers of a {linspace|logspace|range: […]} spec (or of a plain list, as given).
std::vector<config::Node> expand_values(const config::Node& spec);

}  // namespace hopfield::sweep
