// The learning-rule interface: patterns in, couplings out. Every rule returns couplings
// normalised by N so that fields are O(1) (DESIGN.md §2).
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <limits>
#include <memory>

namespace hopfield {

struct LearningContext {
  Precision precision = Precision::float32;
  bool self_coupling = false;  ///< keep the diagonal w_ii (energy descent is then not promised)
  /// The caller reads only fields and single entries (e.g. to dilute a large network), so a rule
  /// that supports_matrix_free() may return couplings that never form the N×N matrix.
  bool matrix_free = false;
};

struct LearningResult {
  std::unique_ptr<Couplings> couplings;
  bool converged = true;  ///< iterative rules: whether they reached their criterion
  double min_stability = std::numeric_limits<double>::quiet_NaN();
  int iterations = 0;
};

class LearningRule {
 public:
  virtual ~LearningRule() = default;
  [[nodiscard]] virtual LearningResult learn(const PatternSet& patterns,
                                             const LearningContext& context,
                                             RandomStream& rng) const = 0;
  /// True when learn() honours LearningContext::matrix_free (O(NP) memory instead of O(N²)).
  [[nodiscard]] virtual bool supports_matrix_free() const { return false; }
};

}  // namespace hopfield
