#include "../../../framework/src/learning/krauth_mezard.hpp"
#include "../../../framework/src/learning/rule_support.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;
using namespace hopfield::test;

TEST_CASE("krauth_mezard reaches margin 0.5 at alpha = 0.5, below the Gardner bound 0.96",
          "[learning][krauth_mezard]") {
  // α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]⁻¹ = 0.961 at κ = 0.5, so the margin exists and minover
  // must find it.
  const Eigen::Index n = 500;
  const PatternSet set = random_set(250, n, 1);
  const auto rule = make_rule("{type: krauth_mezard, kappa: 0.5}");
  const auto result = learn(*rule, set);
  CHECK(result.converged);
  CHECK(result.min_stability > 0.5);
  CHECK(result.iterations > 0);
  const Eigen::MatrixXd w = result.couplings->dense();
  const Eigen::MatrixXd x = set.xi.cast<double>();
  CHECK(stabilities(w, x).minCoeff() == Approx(result.min_stability).epsilon(1e-9));
  CHECK(fixed_fraction(*result.couplings, set) == 1.0);
  CHECK(result.couplings->zero_diagonal());
  CHECK(result.couplings->integer_valued());
  // Each neuron learns its own row: nothing makes W symmetric.
  CHECK_FALSE(result.couplings->symmetric());
}

TEST_CASE("krauth_mezard reports non-convergence above the Gardner bound",
          "[learning][krauth_mezard]") {
  // κ = 1 allows at most α_c(1) = 0.52; at α = 0.8 no couplings have that margin.
  const PatternSet set = random_set(80, 100, 2);
  const KrauthMezardRule rule(1.0, 2000, false);
  const auto result = learn(rule, set);
  CHECK_FALSE(result.converged);
  CHECK(result.iterations == 2000);
  CHECK(result.min_stability < 1.0);
}

TEST_CASE("krauth_mezard symmetrize returns (W + W^T)/2", "[learning][krauth_mezard]") {
  const PatternSet set = random_set(40, 200, 3);
  const auto plain = learn(KrauthMezardRule(0.3, 10000, false), set);
  const auto sym = learn(*make_rule("{type: krauth_mezard, kappa: 0.3, symmetrize: true}"), set);
  CHECK(sym.couplings->symmetric());
  const Eigen::MatrixXd w = plain.couplings->dense();
  CHECK((sym.couplings->dense() - 0.5 * (w + w.transpose())).cwiseAbs().maxCoeff() < 1e-12);
  // The reported stability is that of the returned (symmetrised) couplings.
  CHECK(sym.min_stability ==
        Approx(stabilities(sym.couplings->dense(), set.xi.cast<double>()).minCoeff()));
}

TEST_CASE("krauth_mezard beats hebbian's minimum stability at alpha = 0.1",
          "[learning][krauth_mezard]") {
  // Minover approaches the optimal stability (κ with α_c(κ) = 0.1, about 3.0),
  // far above the worst Hebbian bit.
  const PatternSet set = random_set(30, 300, 4);
  const auto result = learn(KrauthMezardRule(1.5, 100000, false), set);
  CHECK(result.converged);
  CHECK(result.min_stability > 1.5);
  const auto hebb = learn(*make_rule("hebbian"), set);
  CHECK(stabilities(hebb.couplings->dense(), set.xi.cast<double>()).minCoeff() < 1.5);
}
