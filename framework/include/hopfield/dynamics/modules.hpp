// Registration of the built-in dynamics modules (sync, async) in the "dynamics" family.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield {

/// Adds the built-in modules to registry.family<…>("dynamics"), which must exist.
void register_dynamics_modules(config::Registry& registry);

}  // namespace hopfield
