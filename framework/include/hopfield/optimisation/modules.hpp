// Registration of the optimisation problems in the "problem" family (max_cut here; tsp, which
// may read a TSPLIB file, is registered by hopfield::io).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/optimisation/tsp.hpp"

namespace hopfield {

void register_optimisation_modules(config::Registry& registry);

/// The documentation of the tsp problem (shared with the io registration).
config::ModuleDoc tsp_problem_doc();
/// The tsp problem from validated params and, when a file was given, its data.
std::unique_ptr<Problem> make_tsp_problem(const config::Params& p, std::optional<TspData> data);

}  // namespace hopfield
