#include "../../../framework/src/learning/unlearning.hpp"
#include "../../../framework/src/learning/hebbian.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;
using namespace hopfield::test;

TEST_CASE("unlearning raises the fraction of stable patterns at alpha = 0.2 far above hebbian",
          "[learning][unlearning]") {
  // N = 400, P = 80: Hebbian keeps almost no pattern as an exact fixed point (each has about
  // N·Φ(−1/√0.2) ≈ 5 unstable bits). Unlearning with εD/N = 0.1 stabilises most of them.
  const Eigen::Index n = 400;
  const PatternSet set = random_set(80, n, 1);
  const auto rule = make_rule("{type: unlearning, epsilon: 0.05, dreams: 800}");
  const auto dreamt = learn(*rule, set);
  const auto hebb = learn(HebbianRule(), set);
  const double before = fixed_fraction(*hebb.couplings, set);
  const double after = fixed_fraction(*dreamt.couplings, set);
  CHECK(before <= 0.1);
  CHECK(after >= before + 0.6);
  CHECK(dreamt.converged);
  CHECK(dreamt.iterations == 800);
  CHECK(dreamt.couplings->symmetric());
  CHECK(dreamt.couplings->zero_diagonal());
}

TEST_CASE("unlearning with no dreams is the hebbian rule, and the same stream gives the same W",
          "[learning][unlearning]") {
  const PatternSet set = random_set(20, 100, 2);
  const Eigen::MatrixXd none = learn(UnlearningRule(0.01, 0, 100), set).couplings->dense();
  const Eigen::MatrixXd hebb = learn(HebbianRule(), set).couplings->dense();
  CHECK((none - hebb).cwiseAbs().maxCoeff() < 1e-15);

  const UnlearningRule rule(0.05, 50, 100);
  const Eigen::MatrixXd a = learn(rule, set, false, 0).couplings->dense();
  const Eigen::MatrixXd b = learn(rule, set, false, 0).couplings->dense();
  const Eigen::MatrixXd c = learn(rule, set, false, 1).couplings->dense();
  CHECK(a == b);
  CHECK(a != c);  // another learning stream dreams other dreams
}

TEST_CASE("unlearning subtracts epsilon/N times the outer product of each fixed point",
          "[learning][unlearning]") {
  // One dream: W − W_hebb = −(ε/N) s* s*ᵀ off the diagonal, with s* a ±1 fixed point of W_hebb.
  const Eigen::Index n = 100;
  const PatternSet set = random_set(5, n, 3);
  const double eps = 0.3;
  const Eigen::MatrixXd w = learn(UnlearningRule(eps, 1, 100), set).couplings->dense();
  const Eigen::MatrixXd hebb = learn(HebbianRule(), set).couplings->dense();
  const Eigen::MatrixXd d = (hebb - w) * static_cast<double>(n) / eps;  // = s* s*ᵀ off-diagonal
  Eigen::VectorXd s(n);  // s* up to its sign, from row 0: s_0 s_j
  s[0] = 1.0;
  for (Eigen::Index j = 1; j < n; ++j) s[j] = d(0, j);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (i != j) REQUIRE(d(i, j) == Approx(s[i] * s[j]).margin(1e-9));
  // s* is a fixed point of the Hebbian network.
  const Eigen::VectorXd h = hebb * s;
  CHECK((h.array() * s.array() >= -1e-12).all());
}
