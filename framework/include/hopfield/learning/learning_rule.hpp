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
  Precision precision = Precision::float32;  ///< of dense couplings
  bool self_coupling = false;  ///< keep the diagonal w_ii (energy descent is then not promised)
  /// The storage to return: dense always works; integer and matrix_free only for a rule that
  /// supports() them (matrix_free also when the caller reads only fields and single entries,
  /// e.g. to dilute a large network into sparse storage).
  StorageKind storage = StorageKind::dense;
  /// Threads the rule may use inside (exact integer kernels only, so results do not depend on
  /// them).
  int threads = 1;
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
  /// True when learn() can return couplings in this storage (every rule supports dense).
  [[nodiscard]] virtual bool supports(StorageKind storage) const {
    return storage == StorageKind::dense;
  }
};

}  // namespace hopfield
