// Gaussian input-current noise for continuous dynamics: du = f(u) dt + σ dW, integrated with
// Euler–Maruyama (Kloeden & Platen 1992, Eq. 9.1.1). Type `gaussian_current`, stage dynamics;
// it belongs in the `noise` list of a continuous dynamics module, which applies it.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class GaussianCurrentNoise final : public Noise {
 public:
  explicit GaussianCurrentNoise(double sigma) : sigma_(sigma) {}
  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::dynamics; }
  [[nodiscard]] double sigma() const { return sigma_; }

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  double sigma_;
};

}  // namespace hopfield
