// Registration of the built-in learning modules (hebbian, covariance) in the "learning" family.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield {

/// Adds the built-in modules to registry.family<…>("learning"), which must exist.
void register_learning_modules(config::Registry& registry);

}  // namespace hopfield
