// Names of the stop reasons, as written to results files.
#include "hopfield/dynamics/dynamics.hpp"

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

}  // namespace hopfield
