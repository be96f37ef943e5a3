// Additive Gaussian cue noise: every neuron of a cue gets x_i → x_i + σ z_i, z ~ N(0, 1), the
// input noise of continuous-valued networks (Hopfield 1984). For discrete dynamics the noisy cue
// is re-binarised by default (on when above the midpoint of the on and off values), which flips
// each neuron with probability Φ(−d/σ), d the distance to the midpoint (1 bipolar, ½ binary).
// Type `gaussian`, stage probe.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class GaussianNoise final : public Noise {
 public:
  GaussianNoise(double sigma, bool binarize);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::probe; }
  void corrupt(State& cue, Representation r, RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  double sigma_;
  bool binarize_;
};

}  // namespace hopfield
