// Batch-means time averages (see hopfield/measure/time_average.hpp).
#include "hopfield/measure/time_average.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopfield {

double TimeAverage::mean() const {
  if (values_.empty()) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0.0;
  for (const double x : values_) sum += x;
  return sum / static_cast<double>(values_.size());
}

double TimeAverage::error(std::size_t batches) const {
  const std::size_t b = std::min(batches, values_.size());
  if (b < 2) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t length = values_.size() / b;
  std::vector<double> means(b, 0.0);
  for (std::size_t k = 0; k < b; ++k) {
    for (std::size_t t = 0; t < length; ++t) means[k] += values_[k * length + t];
    means[k] /= static_cast<double>(length);
  }
  double grand = 0.0;
  for (const double m : means) grand += m;
  grand /= static_cast<double>(b);
  double var = 0.0;
  for (const double m : means) var += (m - grand) * (m - grand);
  var /= static_cast<double>(b - 1);
  return std::sqrt(var / static_cast<double>(b));
}

}  // namespace hopfield
