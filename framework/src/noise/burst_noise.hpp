// Burst (contiguous) cue corruption, for images and other patterns with spatial structure
// (occlusion, as in the image demos of Hopfield 1982-style recall): a contiguous block of
// round(fraction·N) neurons, or an h × w rectangle of an image of the given width, at a uniformly
// random position, is flipped or masked. Type `burst`, stage probe.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/noise/noise.hpp"

#include <memory>
#include <optional>

namespace hopfield {

class BurstNoise final : public Noise {
 public:
  enum class Action { flip, zero, off, on, random };
  struct Rectangle {
    Eigen::Index height = 0;
    Eigen::Index width = 0;
    Eigen::Index image_width = 0;
  };
  /// A block of round(fraction·N) consecutive neurons.
  BurstNoise(double fraction, Action action);
  /// An h × w rectangle of an image stored row by row with image_width columns.
  BurstNoise(Rectangle rectangle, Action action);

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::probe; }
  /// The block starts at a uniform position in [0, N − length] (one draw); the rectangle at a
  /// uniform row, then a uniform column. Throws InputError if it does not fit the cue.
  void corrupt(State& cue, Representation r, RandomStream& rng) const override;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  void hit(float& value, Representation r, RandomStream& rng) const;
  double fraction_ = 0.0;
  std::optional<Rectangle> rectangle_;
  Action action_;
};

}  // namespace hopfield
