// Registration of the built-in measure modules (overlap, max_overlap, hamming, energy,
// energy_trace, sweeps, converged, cycle, success) in the "measure" family.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield {

/// Adds the built-in modules to registry.family<…>("measure"), which must exist.
void register_measure_modules(config::Registry& registry);

}  // namespace hopfield
