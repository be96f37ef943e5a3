// The separability experiment: the exact LP test on hand-made feasible and infeasible systems;
// Cover's function-counting theorem checked exactly by enumerating every labelling of points in
// general position; the experiment's fractions against Cover's probability, its thread
// independence, and its refusal of self-coupling.
#include "hopfield/experiments/separability.hpp"
#include "../experiment_run_support.hpp"
#include "hopfield/core/rng.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cmath>

using namespace hopfield;
using test::get;

namespace {

/// 2 Σ_{k<D} binom(P−1, k): Cover's count of separable labellings, in integers.
long cover_count(int p, int d) {
  long sum = 0;
  for (int k = 0; k < d && k <= p - 1; ++k) {
    long b = 1;
    for (int j = 0; j < k; ++j) b = b * (p - 1 - j) / (j + 1);
    sum += b;
  }
  return 2 * sum;
}

}  // namespace

TEST_CASE("the LP test separates what can be separated and refuses what cannot", "[separability]") {
  Eigen::MatrixXd a(2, 2);
  a << 1, 0, 0, 1;
  CHECK(linearly_separable(a).separable);
  // Three rows summing to zero: λ = (1, 1, 1) is a Farkas certificate of infeasibility.
  Eigen::MatrixXd b(3, 2);
  b << 1, 0, 0, 1, -1, -1;
  CHECK_FALSE(linearly_separable(b).separable);
  CHECK_FALSE(linearly_separable(b, false).separable);
  // A point with both labels (a row and its negation) cannot be separated.
  Eigen::MatrixXd c(3, 3);
  c << 1, -1, 1, 1, 1, 1, -1, 1, -1;
  CHECK_FALSE(linearly_separable(c).separable);
  // Nearly opposite rows with a thin separable wedge: feasible, with a large w.
  Eigen::MatrixXd e(2, 2);
  e << 1, 1e-6, -1, 1e-6;
  CHECK(linearly_separable(e).separable);
  // A zero row can never reach margin 1; no rows at all is trivially separable.
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(1, 3);
  CHECK_FALSE(linearly_separable(z).separable);
  CHECK(linearly_separable(Eigen::MatrixXd(0, 3)).separable);
}

TEST_CASE(
    "Cover's count: exactly C(P, D) of the 2^P labellings of points in general position "
    "are separable through the origin",
    "[separability]") {
  for (auto [p, d] : {std::pair{7, 3}, std::pair{8, 4}, std::pair{9, 3}, std::pair{6, 5}}) {
    RandomStream rng(4242, Purpose::analysis, 0, static_cast<std::uint64_t>(p), d);
    Eigen::MatrixXd x(p, d);
    for (int mu = 0; mu < p; ++mu)
      for (int j = 0; j < d; ++j) x(mu, j) = rng.normal();
    long separable = 0;
    for (unsigned labels = 0; labels < (1U << p); ++labels) {
      Eigen::MatrixXd a = x;
      for (int mu = 0; mu < p; ++mu)
        if ((labels >> mu) & 1U) a.row(mu) *= -1.0;
      separable += linearly_separable(a).separable ? 1 : 0;
    }
    INFO(fmt::format("P = {}, D = {}", p, d));
    CHECK(separable == cover_count(p, d));
    CHECK(cover_probability(p, d) ==
          Approx(static_cast<double>(cover_count(p, d)) / std::ldexp(1.0, p)).epsilon(1e-12));
  }
  CHECK(cover_probability(40, 20) == Approx(0.5).epsilon(1e-12));
  CHECK(cover_probability(20, 20) == 1.0);
  CHECK(cover_probability(5, 7) == 1.0);
}

TEST_CASE("the separability experiment follows Cover's probability for Gaussian inputs",
          "[separability]") {
  // D = 10; P = 20: Cover ½; P = 8 ≤ D: always separable; P = 40: Cover 0.0106.
  const Record r = test::run_yaml_record(
      "experiment: {type: separability, neurons: 11, inputs: gaussian}\nseed: 5\n"
      "network: {neurons: 11}\npatterns: {type: random, count: 20}\n"
      "sweep: {trials: 40, grid: {patterns.count: [8, 20, 40]}}\n");
  const Dataset& sep = get(r, "/results/separable");
  REQUIRE(sep.shape == std::vector<std::size_t>{3, 40, 11});
  const Dataset& cover = get(r, "/results/cover_probability");
  const Dataset& dim = get(r, "/results/dimension");
  CHECK(dim.i64[0] == 10);
  const double expected[3] = {1.0, 0.5, cover_probability(40, 10)};
  for (std::size_t pt = 0; pt < 3; ++pt) {
    double sum = 0.0;
    for (std::size_t k = 0; k < 440; ++k) sum += static_cast<double>(sep.i64[pt * 440 + k]);
    const double f = sum / 440.0;
    const double p = expected[pt];
    CHECK(cover.f64[pt * 40] == Approx(p).epsilon(1e-12));
    INFO(fmt::format("point {}: measured {:.4f}, Cover {:.4f}", pt, f, p));
    if (p == 1.0)
      CHECK(f == 1.0);
    else
      CHECK(std::abs(f - p) <= 4.0 * std::sqrt(p * (1 - p) / 440.0) + 1e-9);
  }
  for (auto v : get(r, "/results/float_disagreed").i64) CHECK(v >= 0);
}

TEST_CASE(
    "±1 patterns: results do not depend on the thread count, and a repeated input "
    "vector with opposite labels is never separable",
    "[separability]") {
  const std::string yaml =
      "experiment: {type: separability}\nseed: 8\nnetwork: {neurons: 16}\n"
      "patterns: {type: random, alpha: 1.5}\nsweep: {trials: 6}\n";
  const Record one = test::run_yaml_record(yaml, 1);
  const Record two = test::run_yaml_record(yaml, 2);
  CHECK(get(one, "/results/separable").i64 == get(two, "/results/separable").i64);
  // P = 24 > D = 15: some neurons fail, some succeed at this size.
  double sum = 0.0;
  for (auto v : get(one, "/results/separable").i64) sum += static_cast<double>(v);
  CHECK(sum > 0.0);
  CHECK(sum < 6.0 * 16.0);

  // Inline patterns: two patterns that agree everywhere except at neuron 0 give neuron 0 the
  // same input twice with opposite labels (infeasible), while every other neuron sees two
  // distinct inputs and is separable.
  const Record inl = test::run_yaml_record(
      "experiment: {type: separability}\nseed: 1\nnetwork: {neurons: 4}\n"
      "patterns: {type: inline, rows: [[1, 1, -1, 1], [-1, 1, -1, 1]]}\n");
  const Dataset& sep = get(inl, "/results/separable");
  REQUIRE(sep.i64.size() == 4);
  CHECK(sep.i64[0] == 0);
  CHECK(sep.i64[1] == 1);
  CHECK(sep.i64[2] == 1);
  CHECK(sep.i64[3] == 1);
}

TEST_CASE("the separability experiment refuses self-coupling and thresholds", "[separability]") {
  CHECK_THROWS_AS(test::run_yaml_record("experiment: {type: separability}\nseed: 1\n"
                                        "network: {neurons: 8, self_coupling: true}\n"
                                        "patterns: {type: random, count: 4}\n"),
                  Error);
  CHECK_THROWS_AS(test::run_yaml_record("experiment: {type: separability}\nseed: 1\n"
                                        "network: {neurons: 8, threshold: 0.5}\n"
                                        "patterns: {type: random, count: 4}\n"),
                  Error);
}
