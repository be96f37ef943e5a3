// Hebbian (outer-product) rule, Hopfield 1982 Eq. 2: W = (1/N) Σ_μ ξ^μ ξ^μᵀ on the bipolar
// images of the patterns (2ξ − 1 for binary patterns), with w_ii = 0. Type `hebbian`.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/learning/learning_rule.hpp"

#include <memory>

namespace hopfield {

/// M = Σ_μ ξ̂^μ ξ̂^μᵀ over the bipolar images ξ̂ (exact integers held in float64), computed as
/// M_ij = P − 2·popcount(x_i ⊕ x_j) on the bit-packed patterns; the diagonal is zeroed unless
/// keep_diagonal.
Eigen::MatrixXd hebbian_matrix(const PatternSet& patterns, bool keep_diagonal, int threads = 1);

/// The largest number of patterns integer storage holds: P ≤ 32767 (|M_ij| ≤ P in int16).
constexpr Eigen::Index max_integer_patterns = 32767;

class HebbianRule final : public LearningRule {
 public:
  /// neurons: W = M/N (the framework's convention); patterns: W = M/P (a tutorial's scaling).
  enum class Scale { neurons, patterns };

  explicit HebbianRule(Scale scale = Scale::neurons) : scale_(scale) {}

  /// Integer couplings M with scale 1/N (or 1/P), so that raw fields are exact.
  [[nodiscard]] LearningResult learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const override;
  /// Dense (float32/float64), integer (int16, or int8 for P ≤ 127) and matrix-free storage; every
  /// one is computed from the bit-packed patterns with exact integer kernels.
  [[nodiscard]] bool supports(StorageKind storage) const override {
    return storage != StorageKind::sparse;
  }

  static config::ModuleDoc doc();
  static std::unique_ptr<LearningRule> make(const config::Params& params);

 private:
  Scale scale_;
};

}  // namespace hopfield
