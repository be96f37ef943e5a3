// Cue corruption by flipping neurons (Hopfield 1982; Amit, Gutfreund & Sompolinsky 1985): either
// exactly round(fraction·N) distinct neurons, or each neuron independently with a probability.
// Type `flip`, stage probe.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class FlipNoise final : public Noise {
 public:
  enum class Mode { fraction, probability };
  /// Fraction used when neither `fraction` nor `probability` is given.
  static constexpr double default_fraction = 0.1;

  /// mode fraction: exactly round(amount·N) distinct neurons; probability: each with amount.
  FlipNoise(Mode mode, double amount);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::probe; }
  void corrupt(State& cue, Representation r, RandomStream& rng) const override;

  [[nodiscard]] Mode mode() const { return mode_; }
  [[nodiscard]] double amount() const { return amount_; }

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  Mode mode_;
  double amount_;
};

}  // namespace hopfield
