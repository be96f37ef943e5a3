// How much memory a run may plan to use: physical memory, or less where the batch system's
// cgroup limit (a cluster job's allocation) or HOPFIELD_MEMORY_LIMIT says so. Runs whose memory
// estimate exceeds the budget are refused before anything is allocated (docs/reliability.md).
#pragma once

#include <string>

namespace hopfield {

struct MemoryBudget {
  double bytes = 0.0;  ///< 0: unknown (no check)
  std::string source;  ///< "this machine has", "the cgroup memory limit is", …, for messages
};

/// The budget: min(physical memory, cgroup v2 memory.max), or HOPFIELD_MEMORY_LIMIT when set
/// (bytes, or a number with a K, M, G or T suffix, powers of 1024). A malformed
/// HOPFIELD_MEMORY_LIMIT is an InputError.
MemoryBudget memory_budget();

/// Parses a size such as "512M", "8G" or "1073741824"; returns a negative value if malformed.
double parse_memory_size(const std::string& text);

}  // namespace hopfield
