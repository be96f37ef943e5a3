// Storkey's incremental, local learning rule (Storkey 1997, "Increasing the capacity of a Hopfield
// network without sacrificing functionality", ICANN 1997; Storkey & Valabregue 1999):
//   w_ij^ν = w_ij^{ν−1} + (1/N)(ξ_i^ν ξ_j^ν − ξ_i^ν h_ji^ν − h_ij^ν ξ_j^ν),
//   h_ij^ν = Σ_{k≠i,j} w_ik^{ν−1} ξ_k^ν,
// on the bipolar images of the patterns, starting from W = 0. Type `storkey`.
//
// With w_ii = 0, h_ij = h_i − w_ij ξ_j where h = Wξ, so one pattern is the rank-two update
//   W ← (1 + 2/N) W + (1/N)(ξ(ξ − h)ᵀ − hξᵀ),
// kept in factored form while the patterns are presented (O(NP²)) and multiplied out once at
// the end (O(N²P), a symmetric rank-P product). The rule is symmetric; capacity ≈ N/√(2 ln N)
// patterns, above the Hebbian N/(2 ln N).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>

namespace hopfield {

class StorkeyRule final : public LearningRule {
 public:
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;

  /// W (float64) after presenting the patterns in order; with keep_diagonal the rule's own
  /// self-couplings w_ii += (1/N)(1 − 2ξ_i h_i) are kept (they never enter the off-diagonal
  /// updates, since h_ij excludes k = i).
  static Eigen::MatrixXd matrix(const PatternSet& patterns, bool keep_diagonal);

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);
};

}  // namespace hopfield
