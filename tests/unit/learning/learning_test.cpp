#include "../../../framework/src/learning/covariance.hpp"
#include "../../../framework/src/learning/hebbian.hpp"
#include "../../../framework/src/noise/flip_noise.hpp"
#include "../../../framework/src/patterns/random_patterns.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/learning/modules.hpp"
#include "hopfield/measure/overlap.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

using namespace hopfield;

namespace {

std::unique_ptr<LearningRule> make_rule(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<LearningRule>("learning", "learning rules");
  register_learning_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("learning");
  registry.validate_module(node, "learning");
  return registry.family<LearningRule>("learning").make(node);
}

PatternSet make_set(const Eigen::MatrixXf& xi, Representation r) {
  PatternSet set;
  set.xi = xi.cast<std::int8_t>();
  set.representation = r;
  return set;
}

LearningResult learn(const LearningRule& rule, const PatternSet& set,
                     Precision precision = Precision::float64, bool self_coupling = false) {
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  return rule.learn(set, LearningContext{precision, self_coupling}, rng);
}

PatternSet random_set(Eigen::Index p, Eigen::Index n, std::uint64_t trial,
                      Representation r = Representation::bipolar) {
  RandomStream rng(2024, Purpose::patterns, 0, trial, 0);
  return RandomPatterns::with_count(p).generate(PatternContext{n, r}, rng);
}

/// Three bipolar patterns over five neurons and their outer-product sum, worked out by hand.
Eigen::MatrixXf three_patterns() {
  Eigen::MatrixXf xi(3, 5);
  xi << 1, 1, 1, -1, -1,  //
      1, -1, 1, 1, -1,    //
      -1, 1, 1, 1, 1;
  return xi;
}
Eigen::MatrixXd three_patterns_m() {
  Eigen::MatrixXd m(5, 5);
  m << 0, -1, 1, -1, -3,  //
      -1, 0, 1, -1, 1,    //
      1, 1, 0, 1, -1,     //
      -1, -1, 1, 0, 1,    //
      -3, 1, -1, 1, 0;
  return m;
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

}  // namespace

TEST_CASE("hebbian W is the outer-product sum over N, symmetric with zero diagonal",
          "[learning][hebbian]") {
  const HebbianRule rule;
  const auto result = learn(rule, make_set(three_patterns(), Representation::bipolar));
  const Couplings& w = *result.couplings;
  REQUIRE(w.size() == 5);
  CHECK(w.symmetric());
  CHECK(w.zero_diagonal());
  CHECK(w.scale() == 1.0 / 5.0);
  const Eigen::MatrixXd dense = w.dense();
  CHECK(dense.isApprox(dense.transpose(), 0.0));
  CHECK(dense.diagonal().isZero(0.0));
  CHECK(((dense - three_patterns_m() / 5.0).array().abs() < 1e-15).all());
}

TEST_CASE("hebbian learns binary patterns through their bipolar images 2xi-1",
          "[learning][hebbian]") {
  const Eigen::MatrixXf binary = (three_patterns().array() + 1.0F) / 2.0F;
  const auto result = learn(HebbianRule(), make_set(binary, Representation::binary));
  CHECK(((result.couplings->dense() - three_patterns_m() / 5.0).array().abs() < 1e-15).all());
}

TEST_CASE("hebbian raw matrix is integer-valued and exact in float32", "[learning][hebbian]") {
  const auto result =
      learn(HebbianRule(), make_set(three_patterns(), Representation::bipolar), Precision::float32);
  const Couplings& w = *result.couplings;
  CHECK(w.integer_valued());
  const Eigen::MatrixXd m = three_patterns_m();
  for (Eigen::Index i = 0; i < 5; ++i) {
    for (Eigen::Index j = 0; j < 5; ++j) CHECK(w.raw(i, j) == m(i, j));
  }

  // A larger random set: every raw entry is a whole number.
  const auto big = learn(HebbianRule(), random_set(37, 120, 0), Precision::float32);
  for (Eigen::Index i = 0; i < 120; ++i) {
    for (Eigen::Index j = 0; j < 120; ++j) {
      const double v = big.couplings->raw(i, j);
      REQUIRE(v == std::round(v));
    }
  }
}

TEST_CASE("hebbian keeps the diagonal P only with self_coupling, and scale patterns divides by P",
          "[learning][hebbian]") {
  const auto set = make_set(three_patterns(), Representation::bipolar);
  const auto with_self = learn(HebbianRule(), set, Precision::float64, true);
  CHECK_FALSE(with_self.couplings->zero_diagonal());
  CHECK(with_self.couplings->raw(2, 2) == 3.0);

  const auto by_p = learn(HebbianRule(HebbianRule::Scale::patterns), set);
  CHECK(by_p.couplings->scale() == 1.0 / 3.0);
  CHECK(by_p.couplings->raw(0, 4) == -3.0);
  CHECK(make_rule("{type: hebbian, scale: patterns}") != nullptr);
  CHECK_THROWS_AS(make_rule("{type: hebbian, scale: synapses}"), ConfigError);
}

TEST_CASE("hebbian stores 0.02N random patterns at N = 500 as exact fixed points",
          "[learning][hebbian]") {
  // Crosstalk has variance alpha = 0.02 against a signal of 1, so a bit is unstable with
  // probability Phi(-1/sqrt(0.02)) ≈ 1e-12: any failure here is a bug, not bad luck.
  const Eigen::Index n = 500;
  const Eigen::Index p = 10;
  for (std::uint64_t trial = 0; trial < 5; ++trial) {
    const PatternSet set = random_set(p, n, trial);
    const auto result = learn(HebbianRule(), set, Precision::float32);
    const Eigen::MatrixXf states = set.xi.transpose().cast<float>();  // columns are patterns
    Eigen::MatrixXd g;
    result.couplings->raw_fields_batch(states, g);
    const Eigen::ArrayXXd aligned = g.array() * states.cast<double>().array();
    CHECK((aligned > 0.0).all());
  }
}

TEST_CASE("one synchronous step from a cue with 10% flips matches the signal-to-noise theory",
          "[learning][hebbian][statistical]") {
  // N = 2000, alpha = P/N = 0.2, f = 0.1 (exactly 200 flips, initial overlap m0 = 1 − 2f).
  // With w_ii = 0 the field of neuron i is h_i = ξ_i·m0 + crosstalk (the neuron's own, possibly
  // flipped, bit is excluded, so flipped and unflipped neurons see the same signal), and the
  // crosstalk (1/N) Σ_{μ≠ν} ξ_i^μ Σ_{j≠i} ξ_j^μ s_j is a sum of P−1 independent terms: nearly
  // Gaussian with variance (P−1)(N−1)/N² ≈ alpha. A bit is wrong after one parallel update with
  // probability Phi(−m0/sqrt(alpha)), so m1 = 1 − 2·Phi(−(1−2f)/sqrt(alpha)) ≈ 0.9264.
  // Tolerance: one probe's m1 has s.d. ≈ 2·sqrt(p(1−p)/N) ≈ 0.008 (p ≈ 0.037); the mean over
  // 4 trials × 25 probes has s.d. ≈ 0.001. The Gaussian/large-N approximations shift m1 by
  // < 0.001 here ((P−1)(N−1)/N² = 0.1994 moves it by 4e-4). 0.01 is ~8 s.d. of the statistical
  // error plus the approximation error.
  const Eigen::Index n = 2000;
  const double alpha = 0.2;
  const double f = 0.1;
  const auto p = static_cast<Eigen::Index>(alpha * static_cast<double>(n));
  const Eigen::Index probes = 25;
  const double predicted = 1.0 - 2.0 * normal_cdf(-(1.0 - 2.0 * f) / std::sqrt(alpha));
  REQUIRE(predicted == Approx(0.9264).margin(1e-3));

  const FlipNoise flip(FlipNoise::Mode::fraction, f);
  double sum = 0.0;
  int count = 0;
  for (std::uint64_t trial = 0; trial < 4; ++trial) {
    const PatternSet set = random_set(p, n, trial);
    const auto result = learn(HebbianRule(), set, Precision::float32);
    Eigen::MatrixXf cues(n, probes);
    for (Eigen::Index mu = 0; mu < probes; ++mu) {
      State cue = set.pattern(mu);
      RandomStream rng(2024, Purpose::cue_noise, 0, trial, static_cast<std::uint64_t>(mu));
      flip.corrupt(cue, set.representation, rng);
      cues.col(mu) = cue;
    }
    Eigen::MatrixXd g;
    result.couplings->raw_fields_batch(cues, g);
    for (Eigen::Index mu = 0; mu < probes; ++mu) {
      State next = cues.col(mu);
      for (Eigen::Index i = 0; i < n; ++i) {
        if (g(i, mu) != 0.0) next(i) = g(i, mu) > 0.0 ? 1.0F : -1.0F;  // tie: keep
      }
      CHECK(overlap(set, mu, cues.col(mu)) == Approx(1.0 - 2.0 * f).margin(1e-12));
      sum += overlap(set, mu, next);
      ++count;
    }
  }
  const double mean = sum / count;
  INFO("mean overlap after one step " << mean << ", predicted " << predicted);
  CHECK(std::abs(mean - predicted) < 0.01);
}

TEST_CASE("covariance rule with per-neuron rho equals the hand computation",
          "[learning][covariance]") {
  Eigen::MatrixXf xi(3, 4);
  xi << 1, 0, 1, 1,  //
      1, 1, 0, 1,    //
      1, 0, 0, 0;
  const auto set = make_set(xi, Representation::binary);
  const CovarianceRule rule(CovarianceRule::Rho::per_neuron);
  const auto result = learn(rule, set);
  const Couplings& w = *result.couplings;
  CHECK_FALSE(w.integer_valued());
  CHECK(w.scale() == 0.25);

  // rho = (1, 1/3, 1/3, 2/3), worked out by hand.
  const double third = 1.0 / 3.0;
  CHECK(w.raw(1, 2) == Approx(-third).margin(1e-12));
  CHECK(w.raw(1, 3) == Approx(third).margin(1e-12));
  CHECK(w.raw(2, 3) == Approx(third).margin(1e-12));
  // Neuron 0 is on in every pattern: centred, it carries nothing, so its row and column are 0.
  for (Eigen::Index j = 0; j < 4; ++j) {
    CHECK(w.raw(0, j) == 0.0);
    CHECK(w.raw(j, 0) == 0.0);
  }

  // The same by explicit loops over the definition.
  for (Eigen::Index i = 0; i < 4; ++i) {
    for (Eigen::Index j = 0; j < 4; ++j) {
      double rho_i = 0.0;
      double rho_j = 0.0;
      for (Eigen::Index mu = 0; mu < 3; ++mu) {
        rho_i += xi(mu, i) / 3.0;
        rho_j += xi(mu, j) / 3.0;
      }
      double m = 0.0;
      for (Eigen::Index mu = 0; mu < 3; ++mu) m += (xi(mu, i) - rho_i) * (xi(mu, j) - rho_j);
      if (i == j) m = 0.0;
      CHECK(w.dense()(i, j) == Approx(m / 4.0).margin(1e-12));
    }
  }
}

TEST_CASE("covariance rule with global rho subtracts the mean activity, not the mean pattern sum",
          "[learning][covariance]") {
  Eigen::MatrixXf xi(3, 4);
  xi << 1, 0, 1, 1,  //
      1, 1, 0, 1,    //
      1, 0, 0, 0;
  const auto result = learn(CovarianceRule(), make_set(xi, Representation::binary));
  // rho = 7/12 (7 active of 12), so M01 = (5/12)(−7/12 + 5/12 − 7/12) = −45/144.
  CHECK(result.couplings->raw(0, 1) == Approx(-45.0 / 144.0).margin(1e-12));
  CHECK(result.couplings->zero_diagonal());
  CHECK(result.couplings->symmetric());
}

TEST_CASE("covariance rule on binary patterns of activity one half is hebbian divided by four",
          "[learning][covariance]") {
  // Global mean exactly 1/2: ξ − ½ = (2ξ − 1)/2, so M_cov = M_hebb / 4 exactly.
  // The three patterns have 10 of 15 entries on; an all-off fourth makes it 10 of 20.
  Eigen::MatrixXf xi(4, 5);
  xi.topRows(3) = (three_patterns().array() + 1.0F) / 2.0F;
  xi.row(3).setZero();
  REQUIRE(xi.mean() == 0.5F);
  const auto set = make_set(xi, Representation::binary);
  const Eigen::MatrixXd cov = CovarianceRule().matrix(set, false);
  const Eigen::MatrixXd hebb = hebbian_matrix(set, false);
  CHECK(((cov - hebb / 4.0).array().abs() < 1e-12).all());
}

TEST_CASE("covariance rule with global rho on unbiased bipolar patterns is close to hebbian",
          "[learning][covariance]") {
  // ρ ~ N(0, 1/(PN)); W_cov − W_hebb ≈ −ρ(S_i + S_j)/N with S_i = Σ_μ ξ_i^μ, whose Frobenius
  // norm relative to ‖W_hebb‖ ≈ sqrt(P) is ≈ sqrt(2)·|ρ| ≈ 0.011 on average; 0.05 is 4.5 s.d.
  const PatternSet set = random_set(40, 400, 5);
  const Eigen::MatrixXd cov = learn(CovarianceRule(), set).couplings->dense();
  const Eigen::MatrixXd hebb = learn(HebbianRule(), set).couplings->dense();
  CHECK((cov - hebb).norm() / hebb.norm() < 0.05);
  const auto per_neuron = make_rule("{type: covariance, rho: per_neuron}");
  CHECK((learn(*per_neuron, set).couplings->dense() - hebb).norm() / hebb.norm() < 0.5);
}

TEST_CASE("covariance options are validated", "[learning][covariance][config]") {
  CHECK(make_rule("{type: covariance, rho: per_neuron, scale: patterns}") != nullptr);
  CHECK_THROWS_AS(make_rule("{type: covariance, rho: sum}"), ConfigError);
  CHECK_THROWS_AS(make_rule("{type: covariance, rhoo: global}"), ConfigError);
}
