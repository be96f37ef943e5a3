// Projection (pseudo-inverse) rule: Personnaz, Guyon & Dreyfus 1985 (J. Physique Lett. 46, L359)
// and Kanter & Sompolinsky 1987 (Phys. Rev. A 35, 380):
//   W = (1/N) Ξ̂ᵀ C⁻¹ Ξ̂,  C = Ξ̂Ξ̂ᵀ/N (the P × P overlap matrix),
// the orthogonal projector onto the span of the patterns, so Wξ^μ = ξ^μ for every μ. Solved as a
// P × P system (LDLᵀ), never an N × N inverse; O(N²P + P³). Type `pseudo_inverse`.
//
// The diagonal w_ii = P_ii ≈ α is zeroed by default (Kanter–Sompolinsky): the patterns then stay
// fixed points with stability 1 − P_ii ≈ 1 − α, and they keep basins of attraction up to high
// load, whereas with the diagonal the basins shrink to nothing around α = 0.5.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>

namespace hopfield {

class PseudoInverseRule final : public LearningRule {
 public:
  explicit PseudoInverseRule(bool zero_diagonal = true) : zero_diagonal_(zero_diagonal) {}

  /// Throws InputError when C is singular (P > N or linearly dependent patterns).
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  /// The projector Ξ̂ᵀC⁻¹Ξ̂/N (float64), diagonal included.
  /// Exactly symmetric; `threads` share the final product (fixed blocks: any thread count gives
  /// the same numbers).
  static Eigen::MatrixXd projector(const PatternSet& patterns, int threads = 1);

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  bool zero_diagonal_;
};

}  // namespace hopfield
