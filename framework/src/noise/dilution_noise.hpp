// Diluted couplings (Derrida, Gardner & Zippelius 1987, Europhys. Lett. 4, 167; Sompolinsky
// 1986 for the symmetric case): each coupling is kept with probability c, or each neuron keeps
// exactly K inputs chosen at random, the others are set to 0, after any learning rule. Kept
// couplings are rescaled by 1/c (or (N−1)/K) so fields keep their scale; the load is then
// α = P/C with C = c(N−1) or K. Type `dilution`, stage weights. At low c the result is stored
// sparsely, and from a rule with matrix-free couplings (Hebbian) the N×N matrix is never formed.
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/noise/noise.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace hopfield {

class DilutionNoise final : public Noise {
 public:
  enum class Mode { fraction, inputs };
  enum class Storage { automatic, dense, sparse };
  /// Kept fraction at or below which `storage: auto` stores the result sparsely.
  static constexpr double sparse_below = 0.05;

  /// fraction: amount = c ∈ (0, 1]; inputs: amount = K ≥ 1 (asymmetric only).
  DilutionNoise(Mode mode, double amount, bool symmetric, bool rescale, Storage storage,
                Location where = {});

  [[nodiscard]] NoiseStage stage() const override { return NoiseStage::weights; }
  void perturb(Eigen::MatrixXd& w, RandomStream& rng) const override;
  void perturb_sparse(SparseWeights& w, RandomStream& rng) const override;
  [[nodiscard]] std::shared_ptr<const Couplings> transform(std::shared_ptr<const Couplings> w,
                                                           Precision precision,
                                                           RandomStream& rng) const override;
  /// Upper bound on kept couplings when the result is sparse, else 0; a ConfigError when K
  /// exceeds N − 1.
  [[nodiscard]] double sparse_entries(Eigen::Index n) const override;

  /// The kept positions, row by row, columns ascending (never the diagonal). The same draws
  /// whatever the storage, so dense and sparse storage keep the same couplings.
  [[nodiscard]] std::vector<std::vector<std::int32_t>> kept(Eigen::Index n,
                                                            RandomStream& rng) const;
  /// Factor applied to kept couplings: 1/c or (N−1)/K with rescale, else 1.
  [[nodiscard]] double factor(Eigen::Index n) const;
  [[nodiscard]] bool sparse_for(Eigen::Index n) const;

  static config::ModuleDoc doc();
  static std::unique_ptr<Noise> make(const config::Params& params);

 private:
  Mode mode_;
  double amount_;
  bool symmetric_;
  bool rescale_;
  Storage storage_;
  Location where_;
};

}  // namespace hopfield
