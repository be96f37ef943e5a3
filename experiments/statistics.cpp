// Summary statistics for results datasets (see hopfield/experiments/statistics.hpp).
#include "hopfield/experiments/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace hopfield {

std::int64_t integer_total(const Dataset& ds) {
  std::int64_t sum = 0;
  for (const std::int64_t v : ds.i64) sum += std::max<std::int64_t>(v, 0);
  return sum;
}

MeanError mean_and_error(const std::vector<double>& samples) {
  MeanError r;
  r.samples = samples.size();
  if (samples.empty()) return r;
  for (double x : samples) r.mean += x;
  r.mean /= static_cast<double>(samples.size());
  if (samples.size() > 1) {
    double var = 0.0;
    for (double x : samples) var += (x - r.mean) * (x - r.mean);
    var /= static_cast<double>(samples.size() - 1);
    r.error = std::sqrt(var / static_cast<double>(samples.size()));
  }
  return r;
}

MeanError trial_mean_and_error(const Dataset& ds, long point) {
  if (ds.shape.size() < 2) return {};
  const std::size_t points = ds.shape[0];
  const std::size_t trials = ds.shape[1];
  std::size_t block = 1;
  for (std::size_t d = 2; d < ds.shape.size(); ++d) block *= ds.shape[d];
  std::vector<double> means;
  for (std::size_t p = 0; p < points; ++p) {
    if (point >= 0 && static_cast<std::size_t>(point) != p) continue;
    for (std::size_t t = 0; t < trials; ++t) {
      double sum = 0.0;
      std::size_t n = 0;
      for (std::size_t k = 0; k < block; ++k) {
        const std::size_t slot = (p * trials + t) * block + k;
        double v = 0.0;
        if (ds.dtype == DType::i64) {
          if (ds.i64[slot] < 0) continue;
          v = static_cast<double>(ds.i64[slot]);
        } else if (ds.dtype == DType::f64) {
          v = ds.f64[slot];
          if (std::isnan(v)) continue;
        } else {
          continue;
        }
        sum += v;
        ++n;
      }
      if (n > 0) means.push_back(sum / static_cast<double>(n));
    }
  }
  return mean_and_error(means);
}

}  // namespace hopfield
