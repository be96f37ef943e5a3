// The α_c estimate of the capacity experiment: the crossing, and the bootstrap interval when a
// resample does not cross inside the sweep.
#include "hopfield/experiments/capacity.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using hopfield::bootstrap_percentile;
using hopfield::crossing;
using hopfield::crossing_or_bound;

TEST_CASE("crossing interpolates linearly where the curve first falls through the level",
          "[capacity]") {
  const std::vector<double> alpha{0.1, 0.2, 0.3};
  CHECK(crossing(alpha, {1.0, 0.8, 0.2}, 0.5) == Approx(0.25));
  CHECK(std::isnan(crossing(alpha, {1.0, 0.9, 0.6}, 0.5)));
}

TEST_CASE("a curve that does not cross inside the sweep is placed beyond the end it lies on",
          "[capacity]") {
  const std::vector<double> alpha{0.1, 0.2, 0.3};
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(crossing_or_bound(alpha, {1.0, 0.8, 0.2}, 0.5) == Approx(0.25));
  CHECK(crossing_or_bound(alpha, {1.0, 0.9, 0.6}, 0.5) == inf);
  CHECK(crossing_or_bound(alpha, {0.4, 0.3, 0.1}, 0.5) == -inf);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(std::isnan(crossing_or_bound(alpha, {nan, nan, nan}, 0.5)));
}

TEST_CASE("resamples without a crossing widen the bootstrap interval instead of vanishing",
          "[capacity]") {
  // 90 resamples cross near 0.19, 10 % stay above the level at the largest load (+∞): the upper
  // 97.5 % bound lies beyond the sweep (NaN), not at 0.19 as it would if they were dropped.
  std::vector<double> boot;
  for (int k = 0; k < 90; ++k) boot.push_back(0.19 + 0.0001 * k);
  for (int k = 0; k < 10; ++k) boot.push_back(std::numeric_limits<double>::infinity());
  CHECK(bootstrap_percentile(boot, 0.025) == Approx(0.19 + 0.0001 * 2.475));
  CHECK(std::isnan(bootstrap_percentile(boot, 0.975)));
  // All finite: the ordinary percentile; NaN entries are left out.
  std::vector<double> finite{0.3, 0.1, 0.2, std::numeric_limits<double>::quiet_NaN()};
  CHECK(bootstrap_percentile(finite, 0.5) == Approx(0.2));
  CHECK(bootstrap_percentile(finite, 0.0) == Approx(0.1));
  CHECK(std::isnan(bootstrap_percentile({}, 0.5)));
}
