// Quantised synapses (limited-precision couplings; Sompolinsky 1986 treats the 1-bit case): every
// coupling is rounded to the nearest of 2^k levels spread uniformly over [−w_max, w_max],
// w_max = max |w_ij|. Type `quantise`, stage weights; zeros stay zero.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class QuantiseNoise final : public Noise {
 public:
  /// bits k ≥ 1: 2^k levels.
  explicit QuantiseNoise(int bits);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::weights; }
  void perturb(Eigen::MatrixXd& w, RandomStream& rng) const override;
  void perturb_sparse(SparseWeights& w, RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  template <class M>
  void apply(M& w) const;
  int bits_;
};

}  // namespace hopfield
