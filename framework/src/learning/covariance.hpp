// Covariance (mean-centred) rule for biased patterns (Tsodyks & Feigel'man 1988; Amit,
// Gutfreund & Sompolinsky 1987): W = (1/N) Σ_μ (ξ^μ − ρ)(ξ^μ − ρ)ᵀ with w_ii = 0, on the patterns
// as given in the network's representation (0/1 for binary). Type `covariance`.
//
// ρ is a mean *activity*: one number (1/(PN)) Σ_μ Σ_i ξ_i^μ (rho: global) or one per neuron,
// ρ_i = (1/P) Σ_μ ξ_i^μ (rho: per_neuron). A widely copied tutorial writes
// `rho = mean(sum(d) for d in patterns)`, the mean of pattern *sums* (≈ N·activity), which is not
// an activity and swamps W with a large constant; we implement the normalised rule instead.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>

namespace hopfield {

class CovarianceRule final : public LearningRule {
 public:
  enum class Rho { global, per_neuron };
  /// neurons: W = M/N (the framework's convention); patterns: W = M/P.
  enum class Scale { neurons, patterns };

  explicit CovarianceRule(Rho rho = Rho::global, Scale scale = Scale::neurons)
      : rho_(rho), scale_(scale) {}

  /// Real-valued couplings M = Σ_μ (ξ^μ − ρ)(ξ^μ − ρ)ᵀ with scale 1/N (or 1/P).
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  /// M itself (float64, fixed summation order), diagonal zeroed unless keep_diagonal.
  [[nodiscard]] Eigen::MatrixXd matrix(const PatternSet& patterns, bool keep_diagonal) const;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  Rho rho_;
  Scale scale_;
};

}  // namespace hopfield
