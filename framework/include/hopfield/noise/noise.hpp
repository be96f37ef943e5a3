// The noise interface: a noise module acts at one stage of a trial — on the couplings after
// learning (weights), on each cue before the dynamics (probe), or during the dynamics.
#pragma once

#include "hopfield/core/rng.hpp"
#include "hopfield/core/state.hpp"

#include <Eigen/Core>

#include <string_view>

namespace hopfield {

enum class NoiseStage { weights, probe, dynamics };

std::string_view to_string(NoiseStage stage);

class Noise {
 public:
  virtual ~Noise() = default;
  [[nodiscard]] virtual NoiseStage stage() const = 0;
  /// Probe stage: corrupts a cue in place.
  virtual void corrupt(State& cue, Representation r, RandomStream& rng) const;
  /// Weights stage: perturbs the coupling matrix W (not M) in place.
  virtual void perturb(Eigen::MatrixXd& w, RandomStream& rng) const;
};

}  // namespace hopfield
