// Names of the stop reasons, as written to results files; the default observed run.
#include "hopfield/dynamics/dynamics.hpp"

#include "hopfield/core/error.hpp"

namespace hopfield {

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::fixed_point:
      return "fixed_point";
    case StopReason::cycle:
      return "cycle";
    case StopReason::energy_unchanged:
      return "energy_unchanged";
    case StopReason::sweeps:
      return "sweeps";
    case StopReason::max_sweeps:
      return "max_sweeps";
    case StopReason::t_end:
      return "t_end";
    case StopReason::small_derivative:
      return "small_derivative";
    case StopReason::saturated:
      return "saturated";
    case StopReason::decoded_stable:
      return "decoded_stable";
    case StopReason::max_steps:
      return "max_steps";
  }
  return "unknown";
}

DynamicsResult Dynamics::run_observed(const Network& /*net*/, const State& /*initial*/,
                                      RandomStream& /*rng*/,
                                      const SweepObserver& /*observe*/) const {
  throw InputError("this dynamics does not report its state sweep by sweep");
}

}  // namespace hopfield
