// Patterns from netpbm bitmaps (P1/P4): one pattern per .pbm file, black = on, all the same
// size. For hand-drawn letters and icons, the classic demonstration of associative recall.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <memory>
#include <vector>

namespace hopfield::io {

class PbmPatterns final : public PatternSource {
 public:
  /// values: P × (height·width) with +1 (on) and −1 (off).
  PbmPatterns(Eigen::MatrixXf values, int height, int width);

  [[nodiscard]] Eigen::Index fixed_neurons() const override { return values_.cols(); }
  [[nodiscard]] Eigen::Index count(Eigen::Index /*neurons*/) const override {
    return values_.rows();
  }
  /// The bitmaps in the network's representation; rng is not used.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  /// Reads the files now, so a missing, malformed or odd-sized file is a ConfigError.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  Eigen::MatrixXf values_;
  std::vector<int> shape_;
};

}  // namespace hopfield::io
