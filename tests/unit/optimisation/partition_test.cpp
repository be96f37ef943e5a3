// Balanced graph bisection: the network energy is the cut plus the balance penalty on every ±1
// state (so it equals the cut on balanced states), the exact solver agrees with brute force,
// Kernighan–Lin never beats the optimum and finds planted bisections, decoding rejects
// unbalanced states, and an integrated network finds the planted bisection of two cliques.
#include "hopfield/optimisation/partition.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/optimisation/max_cut.hpp"

#include <catch2/catch.hpp>

#include <bit>

using namespace hopfield;

namespace {

std::vector<std::int64_t> sides_of(std::uint32_t mask, int n) {
  std::vector<std::int64_t> side;
  for (int i = 0; i < n; ++i) side.push_back(mask >> i & 1U ? 1 : -1);
  return side;
}

Eigen::MatrixXd weighted_graph(Eigen::Index n, std::uint64_t trial) {
  RandomStream rng(11, Purpose::patterns, 0, trial, 0);
  Eigen::MatrixXd w = random_graph(n, 0.5, rng);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j) w(i, j) = w(j, i) = w(i, j) * (0.5 + rng.uniform());
  return w;
}

double brute_force_bisection(const Eigen::MatrixXd& w) {
  const auto n = static_cast<int>(w.rows());
  double best = 1e300;
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    const int ones = std::popcount(mask);
    if (std::abs(2 * ones - n) <= 1) best = std::min(best, cut_weight(w, sides_of(mask, n)));
  }
  return best;
}

/// Two cliques of `half` vertices joined by one edge: the minimum bisection cuts 1.
Eigen::MatrixXd two_cliques(Eigen::Index half) {
  const Eigen::Index n = 2 * half;
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  // Interleaved labels, so a split into low and high indices is the worst start.
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (i != j && i % 2 == j % 2) w(i, j) = 1.0;
  w(0, 1) = w(1, 0) = 1.0;
  return w;
}

}  // namespace

TEST_CASE("the bisection encoding's energy is the cut plus the balance penalty on every state",
          "[optimisation][partition]") {
  for (const Eigen::Index n : {7, 8}) {
    const Eigen::MatrixXd w = weighted_graph(n, static_cast<std::uint64_t>(n));
    const double lambda = 0.7;
    const auto [couplings, constant] = partition_encoding(w, lambda);
    CHECK(couplings.isApprox(couplings.transpose()));
    CHECK(couplings.diagonal().isZero());
    for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
      const auto side = sides_of(mask, static_cast<int>(n));
      Eigen::VectorXd s(n);
      for (Eigen::Index i = 0; i < n; ++i) s(i) = static_cast<double>(side[std::size_t(i)]);
      const double network = -0.5 * s.dot(couplings * s) + constant;
      REQUIRE(network == Approx(partition_energy(w, lambda, side)).margin(1e-9));
      const double sum = s.sum();
      if (std::abs(sum) <= 1)  // balanced: the cut, plus λ/2 for odd n
        REQUIRE(network == Approx(cut_weight(w, side) + 0.5 * lambda * sum * sum).margin(1e-9));
    }
  }
}

TEST_CASE("exact bisection agrees with brute force on even and odd graphs",
          "[optimisation][partition]") {
  for (const Eigen::Index n : {9, 10, 11}) {
    for (std::uint64_t trial = 0; trial < 3; ++trial) {
      const Eigen::MatrixXd w = weighted_graph(n, 10 * trial + static_cast<std::uint64_t>(n));
      const double exact = exact_bisection(w);
      CHECK(exact == Approx(brute_force_bisection(w)).margin(1e-9));
      const double heuristic = greedy_kernighan_lin(w);
      CHECK(heuristic >= exact - 1e-9);
    }
  }
}

TEST_CASE("Kernighan–Lin keeps the balance and finds a planted bisection from the worst start",
          "[optimisation][partition]") {
  const Eigen::MatrixXd w = two_cliques(6);
  std::vector<std::int64_t> side;
  // Half of each clique on each side: 2·(3·3) = 18 edges cut (the joining edge 0–1 is not).
  for (int i = 0; i < 12; ++i) side.push_back(i < 6 ? 1 : -1);
  CHECK(cut_weight(w, side) == 18.0);
  CHECK(kernighan_lin(w, side) == 1.0);
  std::int64_t sum = 0;
  for (auto s : side) sum += s;
  CHECK(sum == 0);
  CHECK(cut_weight(w, side) == 1.0);
  CHECK(greedy_kernighan_lin(w) == 1.0);
  CHECK(exact_bisection(w) == 1.0);
}

TEST_CASE("bisection decoding accepts balanced states only and counts the vertices to move",
          "[optimisation][partition]") {
  const Eigen::MatrixXd w = two_cliques(3);
  Eigen::VectorXd v(6);
  v << 0.9, -0.8, 0.7, -0.9, 0.95, -0.6;  // the two cliques: cut 1
  Solution s = decode_bisection(w, v);
  CHECK(s.valid);
  CHECK(s.violations == 0);
  CHECK(s.objective == 1.0);
  v(1) = 0.2;  // 4 against 2: one vertex must move
  s = decode_bisection(w, v);
  CHECK_FALSE(s.valid);
  CHECK(s.violations == 1);
  v.setConstant(0.5);  // everything on one side
  s = decode_bisection(w, v);
  CHECK_FALSE(s.valid);
  CHECK(s.violations == 3);
  Eigen::VectorXd odd(5);
  odd << 1, 1, 1, -1, -1;  // 3 against 2 is balanced for odd n
  CHECK(decode_bisection(Eigen::MatrixXd::Zero(5, 5), odd).valid);
}

TEST_CASE("the integrated network bisects two joined cliques at the optimum",
          "[optimisation][partition]") {
  const PartitionInstance instance(two_cliques(6), 1.0, 0.1, 20);
  ContinuousOptions o;
  o.activation = ActivationKind::tanh;
  o.gain = 2.0;
  o.t_end = 50.0;
  o.saturation = 0.01;
  for (std::uint64_t trial = 0; trial < 5; ++trial) {
    RandomStream start(5, Purpose::starts, 0, trial, 0);
    RandomStream rng(5, Purpose::dynamics, 0, trial, 0);
    const auto r = instance.integrate(instance.initial(o.gain, start), o, rng);
    const Solution s = instance.decode(r.v);
    CHECK(s.valid);
    CHECK(s.objective == 1.0);
  }
  CHECK(instance.baselines().optimum == 1.0);
}
