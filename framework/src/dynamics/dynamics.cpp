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
  }
  return "unknown";
}

DynamicsResult Dynamics::run_observed(const Network& /*net*/, const State& /*initial*/,
                                      RandomStream& /*rng*/,
                                      const SweepObserver& /*observe*/) const {
  throw InputError("this dynamics does not report its state sweep by sweep");
}

}  // namespace hopfield
