#include "../../../framework/src/learning/sparse.hpp"
#include "hopfield/core/error.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;
using namespace hopfield::test;

namespace {

/// P binary patterns over N neurons, each neuron active with probability a.
PatternSet sparse_set(Eigen::Index p, Eigen::Index n, double a, std::uint64_t trial) {
  RandomStream rng(99, Purpose::patterns, 0, trial, 0);
  Eigen::MatrixXf xi(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) xi(mu, i) = rng.bernoulli(a) ? 1.0F : 0.0F;
  return pattern_set(xi, Representation::binary);
}

}  // namespace

TEST_CASE("sparse rule stores 0.1N patterns of activity 0.1 with the threshold 1/2 - a",
          "[learning][sparse]") {
  // Signal ξ_i − a (0.9 or −0.1) against crosstalk of standard deviation √(α a) = 0.1: with
  // θ = 0.4 each bit has a margin of 4σ, so a pattern of 500 bits is stable with probability
  // about 0.98.
  const Eigen::Index n = 500;
  const double a = 0.1;
  const PatternSet set = sparse_set(50, n, a, 1);
  const auto result = learn(*make_rule("sparse"), set);
  CHECK(fixed_fraction(*result.couplings, set, 0.5 - a) >= 0.9);
  CHECK(result.couplings->symmetric());
  CHECK(result.couplings->zero_diagonal());
  // Without the threshold the silent neurons (signal −a) are switched on by the crosstalk.
  CHECK(fixed_fraction(*result.couplings, set, 0.0) <= 0.1);
}

TEST_CASE("sparse rule normalises by N a(1-a) with the measured or the given activity",
          "[learning][sparse]") {
  const Eigen::Index n = 200;
  const PatternSet set = sparse_set(10, n, 0.2, 2);
  const double a = set.xi.cast<double>().mean();
  const SparseRule measured;
  CHECK(measured.activity(set) == Approx(a).epsilon(1e-12));
  const Eigen::MatrixXd w = learn(measured, set).couplings->dense();
  const Eigen::MatrixXd c = set.xi.cast<double>().array() - a;
  Eigen::MatrixXd expected = c.transpose() * c / (static_cast<double>(n) * a * (1.0 - a));
  expected.diagonal().setZero();
  CHECK((w - expected).cwiseAbs().maxCoeff() < 1e-12);

  const auto given = learn(*make_rule("{type: sparse, activity: 0.25}"), set);
  const Eigen::MatrixXd c2 = set.xi.cast<double>().array() - 0.25;
  Eigen::MatrixXd expected2 = c2.transpose() * c2 / (static_cast<double>(n) * 0.25 * 0.75);
  expected2.diagonal().setZero();
  CHECK((given.couplings->dense() - expected2).cwiseAbs().maxCoeff() < 1e-12);

  // Bipolar patterns enter as (ξ + 1)/2.
  PatternSet bipolar = set;
  bipolar.xi = (2 * set.xi.array().cast<int>() - 1).cast<std::int8_t>().matrix();
  bipolar.representation = Representation::bipolar;
  CHECK((learn(measured, bipolar).couplings->dense() - w).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("sparse rule refuses patterns with no active or no silent neuron", "[learning][sparse]") {
  const PatternSet empty = pattern_set(Eigen::MatrixXf::Zero(3, 20), Representation::binary);
  CHECK_THROWS_AS(learn(SparseRule(), empty), InputError);
  CHECK_THROWS_AS(make_rule("{type: sparse, activity: 1.0}"), ConfigError);
  CHECK_THROWS_AS(make_rule("{type: sparse, activity: 0}"), ConfigError);
}
