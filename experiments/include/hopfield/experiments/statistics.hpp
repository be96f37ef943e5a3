// Small summary statistics for results datasets: means over the trailing dimensions of each
// (point, trial), then the mean and standard error over trials, skipping padding.
#pragma once

#include "hopfield/measure/record.hpp"

#include <cstdint>

namespace hopfield {

struct MeanError {
  double mean = 0.0;
  double error = 0.0;  ///< standard error of the mean over (point, trial) means
  std::size_t samples = 0;
};

/// Mean of each (point, trial) block of ds (padding skipped), then mean ± s.e. over blocks.
/// With point ≥ 0, only that point's trials are used.
MeanError trial_mean_and_error(const Dataset& ds, long point = -1);

/// Sum of an integer dataset's entries, padding (−1) skipped: counts totalled over all points
/// and trials.
std::int64_t integer_total(const Dataset& ds);

/// Mean ± standard error of plain samples.
MeanError mean_and_error(const std::vector<double>& samples);

}  // namespace hopfield
