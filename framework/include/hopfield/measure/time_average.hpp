// Time averages of a correlated series with a standard error by batch means (Flyvbjerg &
// Petersen 1989, Sec. 3): the series is cut into B consecutive batches; when a batch is much
// longer than the correlation time the batch means are nearly independent, and their spread
// gives the error of the overall mean without knowing the correlation time.
#pragma once

#include <cstddef>
#include <vector>

namespace hopfield {

class TimeAverage {
 public:
  void add(double x) { values_.push_back(x); }
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  [[nodiscard]] const std::vector<double>& values() const { return values_; }
  /// Mean of all samples (NaN when empty).
  [[nodiscard]] double mean() const;
  /// Standard error of the mean from min(batches, n) batches of ⌊n/B⌋ consecutive samples
  /// (the last n mod B samples are left out of the error); NaN with fewer than two batches.
  [[nodiscard]] double error(std::size_t batches) const;

 private:
  std::vector<double> values_;
};

}  // namespace hopfield
