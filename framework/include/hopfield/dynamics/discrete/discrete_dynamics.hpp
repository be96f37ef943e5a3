// Zero-temperature discrete dynamics (Hopfield 1982): s_i ← on if h_i > 0, off if h_i < 0, with
// h_i = Σ_j w_ij s_j − θ_i + I_i, and a tie rule for h_i = 0 (DESIGN.md §2). Asynchronous
// updates keep the fields incrementally (O(N) per flip), so a sweep costs O(N) plus O(N) per flip.
#pragma once

#include "hopfield/dynamics/dynamics.hpp"

#include <vector>

namespace hopfield {

enum class TieRule { keep, plus, minus };
enum class UpdateOrder { sequential, random_permutation, random_with_replacement };
enum class StopRule { fixed_point, energy_unchanged, sweeps };

struct DiscreteOptions {
  int max_sweeps = 100;
  TieRule tie = TieRule::keep;
  StopRule stop = StopRule::fixed_point;
  /// |h| at or below this is a tie; 0 for integer-valued couplings with exact fields.
  double tie_tolerance = 1e-6;
  bool auto_tolerance = true;  ///< use 0 for integer-valued couplings, tie_tolerance otherwise
  bool record_energy = true;
};

/// Asynchronous dynamics: one neuron at a time in the given order.
class AsyncDynamics final : public Dynamics {
 public:
  AsyncDynamics(DiscreteOptions options, UpdateOrder order) : options_(options), order_(order) {}
  [[nodiscard]] DynamicsResult run(const Network& net, const State& initial,
                                   RandomStream& rng) const override;
  [[nodiscard]] DynamicsResult run_observed(const Network& net, const State& initial,
                                            RandomStream& rng,
                                            const SweepObserver& observe) const override;
  [[nodiscard]] const DiscreteOptions& options() const { return options_; }
  [[nodiscard]] UpdateOrder order() const { return order_; }

 private:
  DiscreteOptions options_;
  UpdateOrder order_;
};

/// Synchronous (parallel) dynamics: all neurons at once from the previous state. Detects fixed
/// points and 2-cycles (Goles-Chacc et al. 1985: for symmetric W these are the only attractors).
class SyncDynamics final : public Dynamics {
 public:
  explicit SyncDynamics(DiscreteOptions options) : options_(options) {}
  [[nodiscard]] DynamicsResult run(const Network& net, const State& initial,
                                   RandomStream& rng) const override;
  [[nodiscard]] DynamicsResult run_observed(const Network& net, const State& initial,
                                            RandomStream& rng,
                                            const SweepObserver& observe) const override;
  [[nodiscard]] const DiscreteOptions& options() const { return options_; }

  /// True when run_batch() can take these couplings: integer-valued ones, whose exact fields do
  /// not depend on how a matrix product is blocked.
  [[nodiscard]] static bool batchable(const Couplings& couplings);
  /// run() for every initial state, with the fields of all states still running computed by one
  /// matrix product per step (int16/int8 VNNI kernels, exact float GEMM or per-state matrix-free
  /// fields), over `threads` threads. Each result equals run()'s for that state, bit for bit.
  [[nodiscard]] std::vector<DynamicsResult> run_batch(const Network& net,
                                                      const std::vector<State>& initial,
                                                      int threads) const;

 private:
  DiscreteOptions options_;
};

/// Checks that the network is complete and that initial is a valid state of its size and
/// representation; throws InputError.
void check_discrete_inputs(const Network& net, const State& initial);

/// The tolerance of the tie test: 0 for integer-valued couplings (exact fields) when
/// auto_tolerance is set, tie_tolerance otherwise.
double tie_tolerance_for(bool auto_tolerance, double tie_tolerance, const Couplings& couplings);

/// The zero-temperature update of one neuron given its full field h (offset already applied).
inline float update_value(double h, float current, Representation r, TieRule tie,
                          double tolerance) {
  if (h > tolerance) return 1.0F;
  if (h < -tolerance) return off_value(r);
  switch (tie) {
    case TieRule::plus:
      return 1.0F;
    case TieRule::minus:
      return off_value(r);
    case TieRule::keep:
    default:
      return current;
  }
}

}  // namespace hopfield
