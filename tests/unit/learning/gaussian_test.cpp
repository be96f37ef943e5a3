#include "../../../framework/src/learning/gaussian.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hopfield;
using namespace hopfield::test;

TEST_CASE("gaussian couplings are symmetric with mean 0 and variance 1/N",
          "[learning][gaussian][statistical]") {
  // N = 1000: M = N(N−1)/2 = 499 500 independent entries. Bounds are 5 standard errors
  // (false-failure rate below 1e-6 each).
  const Eigen::Index n = 1000;
  const auto result = learn(*make_rule("gaussian"), random_set(10, n));
  const Eigen::MatrixXd j = result.couplings->dense();
  CHECK(result.couplings->symmetric());
  CHECK(result.couplings->zero_diagonal());
  double sum = 0.0;
  double sum2 = 0.0;
  double inside = 0.0;  // entries within one standard deviation
  for (Eigen::Index r = 0; r < n; ++r) {
    for (Eigen::Index c = r + 1; c < n; ++c) {
      const double z = j(r, c) * std::sqrt(static_cast<double>(n));
      sum += z;
      sum2 += z * z;
      inside += std::abs(z) < 1.0 ? 1.0 : 0.0;
    }
  }
  const double m = static_cast<double>(n * (n - 1) / 2);
  CHECK(std::abs(sum / m) < 5.0 / std::sqrt(m));
  CHECK(std::abs(sum2 / m - 1.0) < 5.0 * std::sqrt(2.0 / m));
  const double p = std::erf(1.0 / std::sqrt(2.0));  // 0.6827
  CHECK(std::abs(inside / m - p) < 5.0 * std::sqrt(p * (1.0 - p) / m));
}

TEST_CASE("gaussian couplings ignore the patterns and differ between trials",
          "[learning][gaussian]") {
  const GaussianRule rule;
  const Eigen::MatrixXd a = learn(rule, random_set(5, 50, 0), false, 0).couplings->dense();
  const Eigen::MatrixXd b = learn(rule, random_set(20, 50, 1), false, 0).couplings->dense();
  const Eigen::MatrixXd c = learn(rule, random_set(5, 50, 0), false, 1).couplings->dense();
  CHECK(a == b);
  CHECK(a != c);
  CHECK(learn(rule, random_set(5, 50), true).couplings->zero_diagonal());
}
