// The dynamics interface: from an initial state to a final one, with the trajectory's energy.
// One virtual call per run; the hot loops inside never make a virtual call per neuron.
#pragma once

#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/core/state.hpp"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace hopfield {

enum class StopReason {
  fixed_point,       ///< a full sweep changed no neuron
  cycle,             ///< synchronous dynamics returned to the state of two steps before
  energy_unchanged,  ///< the tutorial's rule: energy equal after one sweep
  sweeps,            ///< the requested number of sweeps was done (stop: sweeps)
  max_sweeps,        ///< gave up at max_sweeps without converging
  t_end,             ///< continuous: reached t_end
  small_derivative,  ///< continuous: max|du/dt| fell below tol
  saturated,         ///< continuous: every output within `saturation` of a rail
  decoded_stable,    ///< continuous: the decoded state was unchanged for stable_window
  max_steps,         ///< continuous: gave up after max_steps integration steps
};

std::string_view to_string(StopReason reason);

struct DynamicsResult {
  State state;
  int sweeps = 0;          ///< full sweeps (N updates each) or synchronous steps performed
  bool converged = false;  ///< a fixed point was reached (exactly)
  bool cycle = false;      ///< a 2-cycle was detected (synchronous)
  StopReason reason = StopReason::max_sweeps;
  std::int64_t flips = 0;            ///< neurons that changed in total
  double energy = 0.0;               ///< final energy
  std::vector<double> energy_trace;  ///< energy of the initial state and after every sweep
  double time = 0.0;                 ///< continuous: integration time reached
  std::int64_t rhs_evaluations = 0;  ///< continuous: right-hand-side evaluations
};

/// What a dynamics shows an observer after a sweep. The references are valid only during the
/// call. Sweep 0 is the initial state; `measuring` marks the sweeps that belong to the
/// measurement (after a stochastic dynamics' burn-in; every sweep after 0 otherwise).
struct SweepView {
  int sweep = 0;
  const State& state;
  double energy = 0.0;
  bool measuring = false;
};

/// Called once per sweep (never per neuron), so an experiment can record time series of
/// quantities the dynamics cannot know, such as overlaps with the stored patterns.
using SweepObserver = std::function<void(const SweepView&)>;

class Dynamics {
 public:
  virtual ~Dynamics() = default;
  /// Runs from initial; rng is keyed by (seed, dynamics, point, trial, probe).
  [[nodiscard]] virtual DynamicsResult run(const Network& net, const State& initial,
                                           RandomStream& rng) const = 0;
  /// The same run (same random draws, same result), calling observe after sweep 0 and after
  /// every sweep. The default throws InputError: a dynamics without sweeps cannot be observed.
  [[nodiscard]] virtual DynamicsResult run_observed(const Network& net, const State& initial,
                                                    RandomStream& rng,
                                                    const SweepObserver& observe) const;
};

}  // namespace hopfield
