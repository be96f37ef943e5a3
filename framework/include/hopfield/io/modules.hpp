// Registration of the file-reading modules (patterns: idx, pbm) that live in hopfield::io.
#pragma once

#include "hopfield/config/registry.hpp"

namespace hopfield::io {

/// Adds idx and pbm to the "patterns" family, which must exist.
void register_io_modules(config::Registry& registry);

}  // namespace hopfield::io
