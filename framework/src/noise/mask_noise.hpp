// Cue corruption by masking: exactly round(fraction·N) distinct neurons are set to a fixed
// value (or to random values), as in the occluded-image cues of Hopfield 1982. Type `mask`,
// stage probe.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>

namespace hopfield {

class MaskNoise final : public Noise {
 public:
  /// zero: 0 (off in a binary network; a genuine "unknown" 0 in a bipolar one);
  /// off: −1 bipolar / 0 binary; on: +1; random: on or off with probability ½ each.
  enum class Value { zero, off, on, random };

  MaskNoise(double fraction, Value value);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::probe; }
  void corrupt(State& cue, Representation r, RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  double fraction_;
  Value value_;
};

}  // namespace hopfield
