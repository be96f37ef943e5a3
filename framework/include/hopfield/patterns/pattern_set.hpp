// A set of P stored patterns ξ^μ over N neurons, in the network's representation, and the
// pattern-source interface that every ensemble (random, inline, idx, pbm, …) implements.
#pragma once

#include "hopfield/core/rng.hpp"
#include "hopfield/core/state.hpp"

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace hopfield {

/// P × N pattern values, row-major (pattern μ is contiguous), one byte each: a network of
/// N = 10⁵ neurons storing P = 10⁴ patterns holds them in 1 GB instead of 4 GB of float.
using PatternMatrix = Eigen::Matrix<std::int8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct PatternSet {
  /// P × N; row μ is ξ^μ with entries −1/+1 (bipolar) or 0/1 (binary).
  PatternMatrix xi;
  Representation representation = Representation::bipolar;
  /// Optional display shape of one pattern (rows, columns); empty if none.
  std::vector<int> shape;
  /// Optional class label per pattern; empty if none.
  std::vector<int> labels;
  /// Activity a (fraction of active neurons, 0/1 picture) of a biased or sparse ensemble; NaN for
  /// unbiased ensembles. When set, overlaps use the normalised form Σ_i (ξ_i − a) s_i / (N a(1−a))
  /// (DESIGN.md §2).
  double activity = std::numeric_limits<double>::quiet_NaN();

  [[nodiscard]] Eigen::Index count() const { return xi.rows(); }
  [[nodiscard]] Eigen::Index neurons() const { return xi.cols(); }
  /// Pattern μ as a state (column vector).
  [[nodiscard]] State pattern(Eigen::Index mu) const {
    return xi.row(mu).transpose().cast<float>();
  }
  /// True when the set carries an activity (overlaps are then normalised).
  [[nodiscard]] bool biased() const { return !std::isnan(activity); }
};

/// What a pattern source needs to know about the network and the trial.
struct PatternContext {
  Eigen::Index neurons = 0;
  Representation representation = Representation::bipolar;
};

class PatternSource {
 public:
  virtual ~PatternSource() = default;
  /// N fixed by the source itself (inline rows, image files), or 0 when any N works.
  [[nodiscard]] virtual Eigen::Index fixed_neurons() const { return 0; }
  /// Number of patterns for a network of n neurons (may depend on n, e.g. alpha·n).
  [[nodiscard]] virtual Eigen::Index count(Eigen::Index neurons) const = 0;
  /// Draws (or loads) the patterns of one trial; rng is keyed by (seed, patterns, trial).
  [[nodiscard]] virtual PatternSet generate(const PatternContext& context,
                                            RandomStream& rng) const = 0;
};

/// Converts values to the requested representation: any value > 0 is "on", ≤ 0 is "off".
PatternMatrix to_representation(const Eigen::MatrixXf& values, Representation r);

}  // namespace hopfield
