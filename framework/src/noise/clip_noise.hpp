// Clipped synapses (Sompolinsky 1986, Phys. Rev. A 34, 2571, Eq. 1.4 with φ = sign): every
// coupling is replaced by sign(w_ij)·scale, after any learning rule. Type `clip`, stage weights.
// The scale keeps the synaptic power: by default the rms of the nonzero couplings, so Σ_j w_ij²
// is unchanged and fields stay O(1); zeros stay zero.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class ClipNoise final : public Noise {
 public:
  enum class Scale { rms, mean_abs };
  explicit ClipNoise(Scale scale = Scale::rms) : scale_(scale) {}

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::weights; }
  void perturb(Eigen::MatrixXd& w, RandomStream& rng) const override;
  void perturb_sparse(SparseWeights& w, RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  template <class M>
  void apply(M& w) const;
  Scale scale_;
};

}  // namespace hopfield
