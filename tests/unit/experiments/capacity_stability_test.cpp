// The capacity experiment's `stability` option: each neuron's min_μ ξ_i h_i/|w_i| (Gardner
// 1988). Exact for one Hebbian pattern (√(N − 1)); at least κ for every neuron of a converged
// Krauth–Mézard network and above the Hebbian stability on the same patterns; refused for 0/1
// neurons.
#include "../experiment_run_support.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cmath>

using namespace hopfield;
using test::get;

namespace {

double mean(const std::vector<double>& v, std::size_t from, std::size_t count) {
  double s = 0.0;
  for (std::size_t k = from; k < from + count; ++k) s += v[k];
  return s / static_cast<double>(count);
}

}  // namespace

TEST_CASE("stability of one Hebbian pattern is sqrt(N - 1) at every neuron", "[capacity]") {
  // w_ij = ξ_i ξ_j / N (j ≠ i): ξ_i h_i = (N − 1)/N and |w_i| = √(N − 1)/N.
  const Record r = test::run_yaml_record(
      "experiment: {type: capacity, stability: true, bootstrap: 0}\nseed: 3\n"
      "network: {neurons: 50}\npatterns: {type: random, count: 1}\nlearning: hebbian\n");
  const Dataset& s = get(r, "/results/stability");
  REQUIRE(s.shape == std::vector<std::size_t>{1, 1, 50});
  for (double v : s.f64) CHECK(v == Approx(std::sqrt(49.0)).epsilon(1e-6));
}

TEST_CASE(
    "a converged Krauth-Mezard network has every neuron's stability above kappa, and "
    "above the Hebbian stability on the same patterns",
    "[capacity]") {
  const Record r = test::run_yaml_record(
      "experiment: {type: capacity, stability: true, bootstrap: 0}\nseed: 11\n"
      "network: {neurons: 80}\npatterns: {type: random, alpha: 0.5}\n"
      "learning: {type: krauth_mezard, kappa: 0.5, max_iterations: 100000}\n"
      "sweep: {trials: 2, grid: {learning: [hebbian, {type: krauth_mezard, kappa: 0.5, "
      "max_iterations: 100000}]}}\n");
  const Dataset& conv = get(r, "/results/learning_converged");
  REQUIRE(conv.i64.size() == 4);
  CHECK(conv.i64[2] == 1);
  CHECK(conv.i64[3] == 1);
  const Dataset& s = get(r, "/results/stability");
  REQUIRE(s.shape == std::vector<std::size_t>{2, 2, 80});
  for (std::size_t k = 160; k < 320; ++k) CHECK(s.f64[k] > 0.5);
  // Gardner's bound: κ_max(α = 0.5) ≈ 1.0, so the minover rows stop just above 0.5, while
  // Hebb's stability at α = 0.5 is negative for most neurons (one-step errors Φ(−1/√α) ≈ 8 %
  // per bit, 40 patterns per neuron).
  const double hebb = mean(s.f64, 0, 160);
  const double km = mean(s.f64, 160, 160);
  INFO(fmt::format("mean stability: hebbian {:.3f}, krauth_mezard {:.3f}", hebb, km));
  CHECK(hebb < 0.0);
  CHECK(km > 0.5);
}

TEST_CASE("stability is refused for 0/1 neurons", "[capacity]") {
  CHECK_THROWS_AS(test::run_yaml_record("experiment: {type: capacity, stability: true}\nseed: 1\n"
                                        "network: {neurons: 20, representation: binary}\n"
                                        "patterns: {type: random, count: 2}\nlearning: hebbian\n"),
                  Error);
}
