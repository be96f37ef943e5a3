// Registration of the built-in patterns modules (random, inline) in the "patterns" family.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield {

/// Adds the built-in modules to registry.family<…>("patterns"), which must exist.
void register_pattern_modules(config::Registry& registry);

}  // namespace hopfield
