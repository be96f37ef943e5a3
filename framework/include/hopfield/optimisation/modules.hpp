// Registration of the optimisation problems in the "problem" family (n_queens here; tsp, which
// may read a TSPLIB file, and max_cut and partition, which may read an edge list, are
// registered by hopfield::io with the documentation and factories below).
#pragma once

#include "hopfield/config/registry.hpp"
#include "hopfield/optimisation/tsp.hpp"

#include <Eigen/Core>

#include <optional>

namespace hopfield {

/// The most vertices of a max_cut / partition graph (dense n × n couplings; Kernighan–Lin is
/// O(n³) per pass).
inline constexpr Eigen::Index max_cut_max_vertices = 5000;
inline constexpr Eigen::Index partition_max_vertices = 1000;

void register_optimisation_modules(config::Registry& registry);

/// The documentation of the tsp problem (shared with the io registration).
config::ModuleDoc tsp_problem_doc();
/// The tsp problem from validated params and, when a file was given, its data.
std::unique_ptr<Problem> make_tsp_problem(const config::Params& p, std::optional<TspData> data);

/// max_cut and partition: documentation, and the problem from validated params with the graph
/// of an edge-list file (absent: a random G(n, p) graph per trial).
config::ModuleDoc max_cut_problem_doc();
std::unique_ptr<Problem> make_max_cut_problem(const config::Params& p,
                                              std::optional<Eigen::MatrixXd> graph);
config::ModuleDoc partition_problem_doc();
std::unique_ptr<Problem> make_partition_problem(const config::Params& p,
                                                std::optional<Eigen::MatrixXd> graph);

}  // namespace hopfield
