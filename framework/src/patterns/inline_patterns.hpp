// Patterns written out in the configuration, one row per pattern (for small hand-made examples
// and tests). Type `inline`; rows of 0/1 or ±1 values, optional display shape and labels.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <memory>
#include <vector>

namespace hopfield {

class InlinePatterns final : public PatternSource {
 public:
  /// values: P × N with entries 1 (on), 0 or −1 (off); shape and labels as in PatternSet.
  explicit InlinePatterns(Eigen::MatrixXf values, std::vector<int> shape = {},
                          std::vector<int> labels = {});

  [[nodiscard]] Eigen::Index fixed_neurons() const override { return values_.cols(); }
  [[nodiscard]] Eigen::Index count(Eigen::Index /*neurons*/) const override {
    return values_.rows();
  }
  /// The rows in the network's representation; rng is not used.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  /// From a validated `{type: inline, rows: [...], ...}` mapping; checks every value.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  Eigen::MatrixXf values_;
  std::vector<int> shape_;
  std::vector<int> labels_;
};

}  // namespace hopfield
