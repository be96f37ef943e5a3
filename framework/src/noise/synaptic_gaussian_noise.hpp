// Additive Gaussian synaptic noise (Sompolinsky 1986, Phys. Rev. A 34, 2571: static synaptic
// noise): w_ij → w_ij + σ·w_ref·z_ij, z ~ N(0, 1), symmetric (z_ij = z_ji) or independent, after
// any learning rule. Type `synaptic_gaussian`, stage weights.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class SynapticGaussianNoise final : public Noise {
 public:
  /// rms: w_ref = rms of the nonzero couplings; inverse_sqrt_n: 1/√N; absolute: 1.
  enum class Reference { rms, inverse_sqrt_n, absolute };
  SynapticGaussianNoise(double sigma, Reference reference, bool symmetric);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::weights; }
  void perturb(Eigen::MatrixXd& w, RandomStream& rng) const override;
  void perturb_sparse(SparseWeights& w, RandomStream& rng) const override;

  /// The standard deviation σ·w_ref of the added noise for these couplings.
  [[nodiscard]] double noise_sd(double rms, Eigen::Index n) const;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  double sigma_;
  Reference reference_;
  bool symmetric_;
};

}  // namespace hopfield
