// Shared by the capacity tests in tests/statistical and tests/slow: running the capacity
// experiment in-process, and the theory it is compared with.
//   One-step errors of the Hebbian rule at finite N: exact binomial tail (derivation in
//   scripts/plot/capacity.py, one_step_error_finite_n).
//   AGS T = 0 retrieval overlap: Amit, Gutfreund & Sompolinsky, Ann. Phys. 173, 30 (1987),
//   replica-symmetric saddle point at zero temperature.
#pragma once

#include "hopfield/experiments/runner.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace capacity_test {

/// Runs a config given as YAML text in-process and returns its record.
inline hopfield::Record run_config(const std::string& name, const std::string& yaml,
                                   int threads = 2) {
  // One folder per process: several checkouts may run the suite on one machine at once.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("hopfield_capacity_tests_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << yaml;
  const auto registry = hopfield::make_registry();
  const auto prepared = hopfield::prepare(path.string(), {}, std::nullopt, *registry);
  hopfield::RunOptions options;
  options.threads = threads;
  options.quiet = true;
  return hopfield::execute(prepared, options).record;
}

/// Exact one-step error rate of the Hebbian rule with zero diagonal at a stored pattern:
/// the crosstalk X is a sum of K = (N−1)(P−1) independent uniform ±1 terms, X = 2B − K with
/// B ~ Binomial(K, ½), and a bit flips when X < −(N−1) (a tie keeps it): P(B < (K−N+1)/2).
inline double one_step_error_exact(long n, long p) {
  if (p < 2) return 0.0;
  const long k = (n - 1) * (p - 1);
  const double limit = static_cast<double>(k - n + 1) / 2.0;
  const long b_max = static_cast<long>(std::ceil(limit)) - 1;
  const double kd = static_cast<double>(k);
  double sum = 0.0;
  for (long b = 0; b <= b_max; ++b) {
    const double bd = static_cast<double>(b);
    sum += std::exp(std::lgamma(kd + 1) - std::lgamma(bd + 1) - std::lgamma(kd - bd + 1) -
                    kd * std::log(2.0));
  }
  return sum;
}

/// Φ(−√((N−1)/(P−1))): the central-limit form of one_step_error_exact.
inline double one_step_error_gaussian(long n, long p) {
  const double z = std::sqrt(static_cast<double>(n - 1) / static_cast<double>(p - 1));
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

/// Replica-symmetric T = 0 retrieval overlap (AGS 1987): m = erf(y), y = m/√(2αr),
/// C = √(2/(παr)) exp(−y²), r = 1/(1−C)², iterated from m = 1, C = 0. NaN beyond α_c ≈ 0.138.
inline double ags_overlap(double alpha) {
  const double pi = std::acos(-1.0);
  double m = 1.0;
  double c = 0.0;
  for (int it = 0; it < 1000000; ++it) {
    const double r = 1.0 / ((1.0 - c) * (1.0 - c));
    const double y = m / std::sqrt(2.0 * alpha * r);
    const double m_new = std::erf(y);
    const double c_new = std::sqrt(2.0 / (pi * alpha * r)) * std::exp(-y * y);
    if (c_new >= 1.0 || m_new < 1e-6) break;
    if (std::abs(m_new - m) < 1e-14 && std::abs(c_new - c) < 1e-14) return m_new;
    m = m_new;
    c = c_new;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

/// The real (unpadded) values of a (points, trials, pattern) f64 dataset at one point.
inline std::vector<double> values_at(const hopfield::Dataset& ds, std::size_t point) {
  const std::size_t block = ds.shape[1] * ds.shape[2];
  std::vector<double> out;
  for (std::size_t k = point * block; k < (point + 1) * block; ++k)
    if (!std::isnan(ds.f64[k])) out.push_back(ds.f64[k]);
  return out;
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace capacity_test
