#include "../../../framework/src/learning/pseudo_inverse.hpp"
#include "hopfield/core/error.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace hopfield;
using namespace hopfield::test;

TEST_CASE("pseudo_inverse stores every pattern as a fixed point at alpha = 0.3 and 0.45",
          "[learning][pseudo_inverse]") {
  const Eigen::Index n = 500;
  const auto rule = make_rule("pseudo_inverse");
  for (const double alpha : {0.3, 0.45}) {
    const PatternSet set = random_set(static_cast<Eigen::Index>(alpha * n), n, 1);
    const auto result = learn(*rule, set);
    CHECK(fixed_fraction(*result.couplings, set) == 1.0);
    CHECK(result.couplings->symmetric());
    CHECK(result.couplings->zero_diagonal());
  }
}

TEST_CASE("pseudo_inverse with its diagonal is the projector: W xi = xi and W^2 = W",
          "[learning][pseudo_inverse]") {
  const Eigen::Index n = 200;
  const PatternSet set = random_set(80, n, 2);
  const auto result = learn(PseudoInverseRule(false), set);
  const Eigen::MatrixXd w = result.couplings->dense();
  const Eigen::MatrixXd x = set.xi.cast<double>().transpose();
  CHECK((w * x - x).cwiseAbs().maxCoeff() < 1e-9);
  CHECK((w * w - w).cwiseAbs().maxCoeff() < 1e-9);
  CHECK(w.trace() == Approx(80.0).epsilon(1e-9));  // rank P
}

TEST_CASE("pseudo_inverse with a zero diagonal gives each pattern the field (1 - P_ii) xi_i",
          "[learning][pseudo_inverse]") {
  const Eigen::Index n = 200;
  const PatternSet set = random_set(60, n, 4);
  const Eigen::MatrixXd projector = PseudoInverseRule::projector(set);
  const Eigen::MatrixXd w = learn(PseudoInverseRule(true), set).couplings->dense();
  const Eigen::MatrixXd x = set.xi.cast<double>().transpose();
  const Eigen::MatrixXd h = w * x;
  for (Eigen::Index mu = 0; mu < 60; ++mu)
    for (Eigen::Index i = 0; i < n; ++i)
      REQUIRE(h(i, mu) == Approx((1.0 - projector(i, i)) * x(i, mu)).margin(1e-9));
}

TEST_CASE("pseudo_inverse refuses a singular overlap matrix with a clear message",
          "[learning][pseudo_inverse]") {
  const PseudoInverseRule rule;
  // More patterns than neurons.
  CHECK_THROWS_WITH(learn(rule, random_set(12, 10)),
                    Catch::Contains("singular") && Catch::Contains("P > N"));
  // A repeated (here: reversed) pattern makes the patterns linearly dependent.
  PatternSet set = random_set(5, 50);
  set.xi.row(4) = -set.xi.row(1);
  CHECK_THROWS_AS(learn(rule, set), InputError);
  CHECK_THROWS_WITH(learn(rule, set), Catch::Contains("linearly dependent"));
}

TEST_CASE("pseudo_inverse zero_diagonal false keeps the projector diagonal",
          "[learning][pseudo_inverse]") {
  const PatternSet set = random_set(30, 100, 5);
  const auto rule = make_rule("{type: pseudo_inverse, zero_diagonal: false}");
  const auto result = learn(*rule, set);
  CHECK_FALSE(result.couplings->zero_diagonal());
  CHECK(result.couplings->dense().diagonal().mean() == Approx(0.3).epsilon(1e-9));
}
