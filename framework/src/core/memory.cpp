// Memory budget of a run (see hopfield/core/memory.hpp).
#include "hopfield/core/memory.hpp"

#include "hopfield/core/error.hpp"

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace hopfield {

double parse_memory_size(const std::string& text) {
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return -1.0;
  }
  double scale = 1.0;
  if (used + 1 == text.size()) {
    switch (std::toupper(static_cast<unsigned char>(text[used]))) {
      case 'K':
        scale = 1024.0;
        break;
      case 'M':
        scale = 1024.0 * 1024.0;
        break;
      case 'G':
        scale = 1024.0 * 1024.0 * 1024.0;
        break;
      case 'T':
        scale = 1024.0 * 1024.0 * 1024.0 * 1024.0;
        break;
      default:
        return -1.0;
    }
  } else if (used != text.size()) {
    return -1.0;
  }
  if (!std::isfinite(value) || value <= 0.0) return -1.0;
  return value * scale;
}

MemoryBudget memory_budget() {
  if (const char* limit = std::getenv("HOPFIELD_MEMORY_LIMIT"); limit != nullptr && *limit != 0) {
    const double bytes = parse_memory_size(limit);
    if (bytes <= 0.0)
      throw InputError(std::string("HOPFIELD_MEMORY_LIMIT='") + limit +
                       "' is not a size such as 8G, 512M or 1073741824");
    return {bytes, "the memory limit (HOPFIELD_MEMORY_LIMIT) is"};
  }
  MemoryBudget budget;
  const double pages = static_cast<double>(sysconf(_SC_PHYS_PAGES));
  const double page = static_cast<double>(sysconf(_SC_PAGE_SIZE));
  if (pages > 0 && page > 0) budget = {pages * page, "this machine has"};
  // A batch job (Slurm, containers) may be confined to less than the machine: cgroup v2.
  std::ifstream cgroup("/sys/fs/cgroup/memory.max");
  std::string text;
  if (cgroup >> text && text != "max") {
    const double bytes = parse_memory_size(text);
    if (bytes > 0.0 && (budget.bytes <= 0.0 || bytes < budget.bytes))
      budget = {bytes, "the cgroup memory limit of this job is"};
  }
  return budget;
}

}  // namespace hopfield
