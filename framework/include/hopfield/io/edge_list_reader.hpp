// Reader for weighted graphs as plain edge lists: one edge `i j [w]` per line (vertices numbered
// from 0, weight 1 when omitted), `#` starts a comment; the graph problems (max_cut, partition)
// read their instance from such a file.
#pragma once

#include <Eigen/Core>

#include <string>

namespace hopfield::io {

/// Symmetric weight matrix of the edge list in `path`, n = largest vertex + 1. Throws InputError
/// with the file and line for a malformed line, a self-loop, a repeated edge, a non-finite
/// weight or a vertex at or above max_vertices, and when the file cannot be read or has no edge.
Eigen::MatrixXd read_edge_list(const std::string& path, Eigen::Index max_vertices);

}  // namespace hopfield::io
