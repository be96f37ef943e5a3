// The noise interface: a noise module acts at one stage of a trial — on the couplings after
// learning (weights), on each cue before the dynamics (probe), or during the dynamics.
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/core/sparse_couplings.hpp"
#include "hopfield/core/state.hpp"

#include <Eigen/Core>

#include <memory>
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
  /// Weights stage: perturbs the dense coupling matrix W (not M) in place.
  virtual void perturb(Eigen::MatrixXd& w, RandomStream& rng) const;
  /// Weights stage: perturbs the stored entries of sparse couplings W in place (no new entries).
  virtual void perturb_sparse(SparseWeights& w, RandomStream& rng) const;
  /// Weights stage: the couplings after this module. The default keeps the storage: sparse
  /// couplings go through perturb_sparse(), any other through perturb() on the dense W, stored
  /// densely in `precision`. A module that changes the storage (dilution) overrides it, reading
  /// only the entries it keeps via Couplings::raw().
  [[nodiscard]] virtual std::shared_ptr<const Couplings> transform(
      std::shared_ptr<const Couplings> w, Precision precision, RandomStream& rng) const;
  /// Weights stage: for a module whose transform() returns sparse couplings for a network of
  /// n neurons without reading the whole matrix, the number of couplings it keeps (an upper
  /// bound); 0 otherwise. Lets the builder ask the learning rule for matrix-free couplings and
  /// size its memory check.
  [[nodiscard]] virtual double sparse_entries(Eigen::Index /*n*/) const { return 0.0; }
};

}  // namespace hopfield
