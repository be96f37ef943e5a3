// Patterns from IDX image files (MNIST, Fashion-MNIST; LeCun et al. 1998): the first images of
// chosen classes, binarised per image (threshold at the image's mean, as the widely copied
// Hopfield-on-MNIST tutorial does with skimage's threshold_mean, or at half the pixel range).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <memory>
#include <vector>

namespace hopfield::io {

class IdxPatterns final : public PatternSource {
 public:
  /// values: P × (rows·cols) with +1 (on) and −1 (off); labels empty or one per pattern.
  IdxPatterns(Eigen::MatrixXf values, int rows, int cols, std::vector<int> labels);

  [[nodiscard]] Eigen::Index fixed_neurons() const override { return values_.cols(); }
  [[nodiscard]] Eigen::Index count(Eigen::Index /*neurons*/) const override {
    return values_.rows();
  }
  /// The selected images in the network's representation; rng is not used.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  /// Reads the files now, so a missing or malformed file is a ConfigError at validation.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  Eigen::MatrixXf values_;
  std::vector<int> shape_;
  std::vector<int> labels_;
};

}  // namespace hopfield::io
