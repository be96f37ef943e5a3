// Perceptron learning with a stability margin, after Gardner 1988 (J. Phys. A 21, 257, Sec. 5):
// patterns are presented in epochs, and whenever the normalised stability
//   Δ_i^μ = ξ_i^μ h_i^μ / |w_i|
// of neuron i at pattern μ is at most κ, w_ij += (η/N) ξ_i^μ ξ_j^μ (j ≠ i). Gardner's convergence
// theorem guarantees termination whenever couplings with margin κ exist, i.e. for
// α < α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]⁻¹. Type `perceptron`.
//
// `symmetric: false` (default) learns each row on its own (O(P) per update, rows kept as
// embedding strengths; see rule_support.hpp). `symmetric: true` keeps W symmetric: at pattern μ
// every pair gets w_ij += (η/2N) ξ_i ξ_j (ε_i + ε_j), ε_i = 1 where Δ_i^μ ≤ κ (a rank-two update,
// O(N²) per pattern).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <cstdint>
#include <memory>

namespace hopfield {

class PerceptronRule final : public LearningRule {
 public:
  struct Options {
    double kappa = 0.0;
    double learning_rate = 1.0;
    std::int64_t max_epochs = 1000;
    bool symmetric = false;
    bool hebbian_start = false;
  };
  explicit PerceptronRule(Options options) : options_(options) {}

  /// converged: an epoch passed with no update (every Δ_i^μ > κ) within max_epochs;
  /// min_stability: min over i, μ of Δ_i^μ of the returned couplings; iterations: epochs run
  /// (for the per-neuron rule, the most any neuron needed).
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  LearningResult learn_rows(const Eigen::MatrixXd& x, const LearningContext& context,
                            RandomStream& rng) const;
  LearningResult learn_symmetric(const Eigen::MatrixXd& x, const LearningContext& context,
                                 RandomStream& rng) const;

  Options options_;
};

}  // namespace hopfield
