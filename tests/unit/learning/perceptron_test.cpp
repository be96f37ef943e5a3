#include "../../../framework/src/learning/perceptron.hpp"
#include "../../../framework/src/learning/rule_support.hpp"
#include "hopfield/core/error.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;
using namespace hopfield::test;

namespace {

PerceptronRule::Options with(double kappa, bool symmetric, std::int64_t epochs = 1000) {
  PerceptronRule::Options o;
  o.kappa = kappa;
  o.symmetric = symmetric;
  o.max_epochs = epochs;
  return o;
}

}  // namespace

TEST_CASE("perceptron reaches margin 0.5 at alpha = 0.5, below the Gardner bound 0.96",
          "[learning][perceptron]") {
  const Eigen::Index n = 500;
  const PatternSet set = random_set(250, n, 1);
  const auto rule = make_rule("{type: perceptron, kappa: 0.5}");
  const auto result = learn(*rule, set);
  CHECK(result.converged);
  CHECK(result.min_stability > 0.5);
  CHECK(fixed_fraction(*result.couplings, set) == 1.0);
  CHECK(result.couplings->zero_diagonal());
  CHECK(result.couplings->integer_valued());
  CHECK_FALSE(result.couplings->symmetric());
}

TEST_CASE("symmetric perceptron stores 0.3N patterns with margin 0.3 and stays symmetric",
          "[learning][perceptron]") {
  const Eigen::Index n = 300;
  const PatternSet set = random_set(90, n, 2);
  const auto result = learn(*make_rule("{type: perceptron, kappa: 0.3, symmetric: true}"), set);
  CHECK(result.converged);
  CHECK(result.min_stability > 0.3);
  CHECK(fixed_fraction(*result.couplings, set) == 1.0);
  CHECK(result.couplings->symmetric());
  CHECK(result.couplings->zero_diagonal());
}

TEST_CASE("perceptron reports non-convergence above the Gardner bound", "[learning][perceptron]") {
  // κ = 1 allows at most α_c(1) = 0.52; α = 0.8 has no solution.
  const PatternSet set = random_set(80, 100, 3);
  const auto result = learn(PerceptronRule(with(1.0, false, 50)), set);
  CHECK_FALSE(result.converged);
  CHECK(result.iterations == 50);
  CHECK(result.min_stability <= 1.0);
  const auto sym = learn(PerceptronRule(with(1.0, true, 20)), set);
  CHECK_FALSE(sym.converged);
}

TEST_CASE("perceptron from a zero start only scales with the learning rate",
          "[learning][perceptron]") {
  const PatternSet set = random_set(40, 120, 4);
  PerceptronRule::Options one = with(0.4, false);
  PerceptronRule::Options two = one;
  two.learning_rate = 2.0;
  const Eigen::MatrixXd w1 = learn(PerceptronRule(one), set).couplings->dense();
  const Eigen::MatrixXd w2 = learn(PerceptronRule(two), set).couplings->dense();
  CHECK((w2 - 2.0 * w1).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("perceptron from the hebbian start leaves already stable patterns alone",
          "[learning][perceptron]") {
  // At α = 0.02 every Hebbian stability is far above κ = 0.5, so no update is made and the
  // result is the Hebbian matrix itself.
  const PatternSet set = random_set(10, 500, 5);
  const auto rule = make_rule("{type: perceptron, kappa: 0.5, start: hebbian}");
  const auto result = learn(*rule, set);
  const auto hebb = learn(*make_rule("hebbian"), set);
  CHECK(result.converged);
  CHECK(result.iterations == 1);
  CHECK((result.couplings->dense() - hebb.couplings->dense()).cwiseAbs().maxCoeff() < 1e-12);
  CHECK_THROWS_AS(make_rule("{type: perceptron, learning_rate: 0}"), ConfigError);
}
