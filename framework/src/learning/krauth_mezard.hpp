// Minover, the minimal-overlap learning algorithm of Krauth & Mézard 1987 (J. Phys. A 20, L745):
// for each neuron i separately, repeatedly add (1/N) ξ_i^μ ξ^μ (j ≠ i) to row i, where μ is the
// pattern of least stability, until every normalised stability
//   Δ_i^μ = ξ_i^μ h_i^μ / |w_i|   (Gardner 1988; |w_i| the norm of row i)
// exceeds the margin κ. Minover converges to the couplings of optimal stability, so any κ below
// the Gardner bound, α < α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]⁻¹ (α_c(0) = 2), is reached.
// Type `krauth_mezard`.
//
// Row i is kept as embedding strengths (how often each pattern was chosen), so one update costs
// O(P) (see rule_support.hpp) and W = (1/N) Σ_ν x_ν^i ξ_i^ν ξ_j^ν is integer-valued over 1/N.
// Each neuron learns its own row, so W is generally not symmetric (`symmetrize` averages it).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <cstdint>
#include <memory>

namespace hopfield {

class KrauthMezardRule final : public LearningRule {
 public:
  KrauthMezardRule(double kappa, std::int64_t max_iterations, bool symmetrize)
      : kappa_(kappa), max_iterations_(max_iterations), symmetrize_(symmetrize) {}

  /// converged: every neuron reached min_μ Δ_i^μ > κ within max_iterations updates;
  /// min_stability: min over i, μ of Δ_i^μ of the returned couplings; iterations: the largest
  /// number of updates any neuron needed.
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  double kappa_;
  std::int64_t max_iterations_;
  bool symmetrize_;
};

}  // namespace hopfield
