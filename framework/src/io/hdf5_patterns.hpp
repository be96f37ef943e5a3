// Patterns from a dataset of an HDF5 file, e.g. `/patterns/xi` saved by an earlier run
// (docs/hdf5-schema.md): shape (P, N), or (points, trials, P, N) with one (point, trial) chosen.
// Values are 0/1 or ±1 (positive = on). Type `hdf5`.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <memory>

namespace hopfield::io {

class Hdf5Patterns final : public PatternSource {
 public:
  /// values: P × N with +1 (on) and −1 (off).
  explicit Hdf5Patterns(Eigen::MatrixXf values);

  [[nodiscard]] Eigen::Index fixed_neurons() const override { return values_.cols(); }
  [[nodiscard]] Eigen::Index count(Eigen::Index /*neurons*/) const override {
    return values_.rows();
  }
  /// The loaded rows in the network's representation; rng is not used.
  [[nodiscard]] PatternSet generate(const PatternContext& context,
                                    RandomStream& rng) const override;

  static config::ModuleDoc doc();
  /// Reads the file now, so a missing file, dataset or bad value is a ConfigError at validation.
  static std::unique_ptr<PatternSource> make(const config::Params& params);

 private:
  Eigen::MatrixXf values_;
};

}  // namespace hopfield::io
