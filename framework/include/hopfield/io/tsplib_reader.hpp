// Reader for TSPLIB symmetric TSP files (Reinelt 1991, "TSPLIB — A traveling salesman problem
// library"): EDGE_WEIGHT_TYPE EUC_2D, CEIL_2D, ATT, GEO, and EXPLICIT with FULL_MATRIX,
// UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW or LOWER_DIAG_ROW; distances as the library defines them.
#pragma once

#include "hopfield/optimisation/tsp.hpp"

#include <string>

namespace hopfield::io {

/// Reads a TSPLIB file. round = false keeps exact Euclidean distances for EUC_2D (TSPLIB rounds
/// to the nearest integer). Throws InputError with the file and line on malformed input.
TspData read_tsplib(const std::string& path, bool round = true);

}  // namespace hopfield::io
