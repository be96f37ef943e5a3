// Registration of the built-in noise modules (flip, mask) in the "noise" family.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield {

/// Adds the built-in modules to registry.family<…>("noise"), which must exist.
void register_noise_modules(config::Registry& registry);

}  // namespace hopfield
