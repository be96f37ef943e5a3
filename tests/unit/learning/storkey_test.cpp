#include "../../../framework/src/learning/storkey.hpp"
#include "../../../framework/src/learning/hebbian.hpp"
#include "rule_test_support.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace hopfield;
using namespace hopfield::test;

namespace {

/// Storkey's rule written out entry by entry, straight from the definition (Storkey 1997):
/// w_ij += (1/N)(ξ_i ξ_j − ξ_i h_ji − h_ij ξ_j), h_ij = Σ_{k≠i,j} w_ik ξ_k, for i ≠ j, and for the
/// diagonal w_ii += (1/N)(1 − 2 ξ_i h_ii), whose own value never enters the sums.
std::vector<std::vector<double>> storkey_by_loops(const Eigen::MatrixXf& xi, bool diagonal) {
  const int p = static_cast<int>(xi.rows());
  const int n = static_cast<int>(xi.cols());
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
  for (int nu = 0; nu < p; ++nu) {
    auto local = [&](int i, int j) {
      double h = 0.0;
      for (int k = 0; k < n; ++k)
        if (k != i && k != j) h += w[i][k] * xi(nu, k);
      return h;
    };
    std::vector<std::vector<double>> next = w;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (i == j && !diagonal) continue;
        next[i][j] += (xi(nu, i) * xi(nu, j) - xi(nu, i) * local(j, i) - local(i, j) * xi(nu, j)) /
                      static_cast<double>(n);
      }
    }
    w = next;
  }
  return w;
}

Eigen::MatrixXf three_patterns() {
  Eigen::MatrixXf xi(3, 5);
  xi << 1, 1, 1, -1, -1,  //
      1, -1, 1, 1, -1,    //
      -1, 1, 1, 1, 1;
  return xi;
}

}  // namespace

TEST_CASE("storkey matches the rule computed entry by entry on three patterns over five neurons",
          "[learning][storkey]") {
  const Eigen::MatrixXf xi = three_patterns();
  const auto expected = storkey_by_loops(xi, false);
  const auto rule = make_rule("storkey");
  const Eigen::MatrixXd w = learn(*rule, pattern_set(xi)).couplings->dense();
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) CHECK(w(i, j) == Approx(expected[i][j]).margin(1e-12));
}

TEST_CASE("storkey reproduces two entries worked out on paper", "[learning][storkey]") {
  // After ξ¹ = (1,1,1,−1,−1): w_ij = ξ_i ξ_j / 5. With ξ² = (1,−1,1,1,−1):
  //   h_01 = w_02 + w_03 − w_04 = 1/5 = h_10, so w_01 = 1/5 + (−1 − 1/5 + 1/5)/5 = 0;
  //   h_02 = −w_01 + w_03 − w_04 = −1/5 = h_20, so w_02 = 1/5 + (1 + 1/5 + 1/5)/5 = 12/25.
  const Eigen::MatrixXf two = three_patterns().topRows(2);
  const Eigen::MatrixXd w = learn(StorkeyRule(), pattern_set(two)).couplings->dense();
  CHECK(w(0, 1) == Approx(0.0).margin(1e-15));
  CHECK(w(0, 2) == Approx(12.0 / 25.0).epsilon(1e-14));
  CHECK(w(2, 0) == w(0, 2));
}

TEST_CASE("storkey keeps its own diagonal only with self_coupling", "[learning][storkey]") {
  const Eigen::MatrixXf xi = three_patterns();
  const auto expected = storkey_by_loops(xi, true);
  const auto plain = learn(StorkeyRule(), pattern_set(xi));
  CHECK(plain.couplings->zero_diagonal());
  const Eigen::MatrixXd w = learn(StorkeyRule(), pattern_set(xi), true).couplings->dense();
  for (int i = 0; i < 5; ++i) CHECK(w(i, i) == Approx(expected[i][i]).margin(1e-12));
  CHECK_FALSE(w.diagonal().isZero(1e-9));
}

TEST_CASE("storkey learns a binary pattern set through its bipolar images", "[learning][storkey]") {
  const Eigen::MatrixXf binary = (three_patterns().array() + 1.0F) / 2.0F;
  const Eigen::MatrixXd a = learn(StorkeyRule(), pattern_set(three_patterns())).couplings->dense();
  const Eigen::MatrixXd b =
      learn(StorkeyRule(), pattern_set(binary, Representation::binary)).couplings->dense();
  CHECK((a - b).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("storkey stores 0.2N random patterns at N = 500 as fixed points where hebbian fails",
          "[learning][storkey]") {
  // α = 0.2 is above the Hebbian limit: each bit is unstable with probability
  // Φ(−1/√0.2) ≈ 0.013, so a pattern of 500 bits is stable with probability ≈ e^{−6}. Storkey's
  // rule has a smaller crosstalk and keeps (almost) every pattern.
  const Eigen::Index n = 500;
  const PatternSet set = random_set(100, n, 3);
  const auto storkey = learn(StorkeyRule(), set);
  const auto hebbian = learn(HebbianRule(), set);
  const double stored = fixed_fraction(*storkey.couplings, set);
  const double hebb = fixed_fraction(*hebbian.couplings, set);
  CHECK(stored >= 0.9);
  CHECK(hebb <= 0.1);
  CHECK(storkey.couplings->symmetric());
  CHECK(storkey.couplings->zero_diagonal());
  CHECK(storkey.converged);
}
