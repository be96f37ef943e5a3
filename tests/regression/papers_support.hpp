// Shared by the paper regression tests (tests/regression): run a config of configs/papers/ in
// process at a reduced size (--set overrides), and summarise its /results per sweep point the
// way the paper scripts (scripts/plot/papers/common.py) do: each trial's mean over its
// patterns or probes is one sample, and the point's value is the mean over trials with its
// standard error.
//
// Tests tagged [papers] are the slower ones: ctest runs them as `regression_papers` (label
// `papers`, not in the default suite: `ctest -L papers`); the others run by default.
#pragma once

#include "hopfield/experiments/runner.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace papers_test {

/// Runs configs/papers/<name>.yaml in-process with `--set` overrides ("key=value") and returns
/// its record (no file is written).
inline hopfield::Record run_paper(const std::string& name, const std::vector<std::string>& sets,
                                  int threads = 2) {
  const std::string path = std::string(HOPFIELD_SOURCE_DIR) + "/configs/papers/" + name + ".yaml";
  const auto registry = hopfield::make_registry();
  const auto prepared = hopfield::prepare(path, sets, std::nullopt, *registry);
  hopfield::RunOptions options;
  options.threads = threads;
  options.quiet = true;
  return hopfield::execute(prepared, options).record;
}

inline const hopfield::Dataset& dataset(const hopfield::Record& record, const std::string& path) {
  const auto* ds = record.find(path);
  if (ds == nullptr) throw std::runtime_error("no dataset " + path);
  return *ds;
}

/// The value of element k of a dataset as a double, NaN for padding (NaN, or −1 integers).
inline double value(const hopfield::Dataset& ds, std::size_t k) {
  if (ds.dtype == hopfield::DType::f64) return ds.f64[k];
  const auto v = ds.i64[k];
  return v < 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(v);
}

/// Per trial at one point: the mean of the dataset over its trailing dimensions (padding
/// skipped); NaN for a trial without a real entry.
inline std::vector<double> trial_means(const hopfield::Dataset& ds, std::size_t point) {
  const std::size_t trials = ds.shape[1];
  std::size_t block = 1;
  for (std::size_t d = 2; d < ds.shape.size(); ++d) block *= ds.shape[d];
  std::vector<double> out(trials, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t t = 0; t < trials; ++t) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t k = 0; k < block; ++k) {
      const double v = value(ds, (point * trials + t) * block + k);
      if (!std::isnan(v)) {
        sum += v;
        ++n;
      }
    }
    if (n > 0) out[t] = sum / static_cast<double>(n);
  }
  return out;
}

/// The starts of one point that were retrieved (final overlap ≥ threshold) among all its starts
/// (padding skipped), and their mean overlap — the retrieval overlap m(α) of the RS theory,
/// which describes the retrieval state only.
struct Retrieved {
  double mean = 0.0;
  std::size_t retrieved = 0;
  std::size_t starts = 0;
};

inline Retrieved retrieved_overlap(const hopfield::Dataset& overlap, std::size_t point,
                                   double threshold = 0.9) {
  Retrieved r;
  double sum = 0.0;
  const std::size_t block = overlap.shape[1] * overlap.shape[2];
  for (std::size_t k = point * block; k < (point + 1) * block; ++k) {
    const double m = overlap.f64[k];
    if (std::isnan(m)) continue;
    ++r.starts;
    if (m >= threshold) {
      sum += m;
      ++r.retrieved;
    }
  }
  r.mean = sum / static_cast<double>(r.retrieved);
  return r;
}

struct Estimate {
  double mean = 0.0;
  double sem = 0.0;  ///< standard error over trials
  std::size_t trials = 0;
};

/// Mean over trials of the per-trial means, with its standard error.
inline Estimate estimate(const hopfield::Dataset& ds, std::size_t point) {
  double sum = 0.0, sum2 = 0.0;
  std::size_t n = 0;
  for (double v : trial_means(ds, point))
    if (!std::isnan(v)) {
      sum += v;
      sum2 += v * v;
      ++n;
    }
  Estimate e;
  e.trials = n;
  e.mean = n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
  if (n > 1) {
    const double var =
        (sum2 - static_cast<double>(n) * e.mean * e.mean) / static_cast<double>(n - 1);
    e.sem = std::sqrt(std::max(var, 0.0) / static_cast<double>(n));
  }
  return e;
}

/// Mean over every real entry of a point (all trials and probes pooled) and its standard error
/// from their spread: for quantities whose probes are nearly independent within a trial.
inline Estimate pooled(const hopfield::Dataset& ds, std::size_t point) {
  std::size_t block = 1;
  for (std::size_t d = 1; d < ds.shape.size(); ++d) block *= ds.shape[d];
  double sum = 0.0, sum2 = 0.0;
  std::size_t n = 0;
  for (std::size_t k = point * block; k < (point + 1) * block; ++k) {
    const double v = value(ds, k);
    if (std::isnan(v)) continue;
    sum += v;
    sum2 += v * v;
    ++n;
  }
  Estimate e;
  e.trials = n;
  e.mean = sum / static_cast<double>(n);
  const double var = (sum2 - static_cast<double>(n) * e.mean * e.mean) / static_cast<double>(n - 1);
  e.sem = std::sqrt(std::max(var, 0.0) / static_cast<double>(n));
  return e;
}

/// Index of the point whose numeric /points/<key> equals value (and whose other numeric key
/// `and_key` equals and_value when given); throws when there is none.
inline std::size_t point_where(const hopfield::Record& record, const std::string& key, double v,
                               const std::string& and_key = "", double and_value = 0.0) {
  const auto& ds = dataset(record, "/points/" + key);
  for (std::size_t p = 0; p < ds.f64.size(); ++p) {
    if (std::abs(ds.f64[p] - v) > 1e-9) continue;
    if (!and_key.empty() &&
        std::abs(dataset(record, "/points/" + and_key).f64[p] - and_value) > 1e-9)
      continue;
    return p;
  }
  throw std::runtime_error("no point with " + key + " = " + std::to_string(v));
}

// --- Theory (the same equations as scripts/plot/papers/theory.py) ----------------------------

inline double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

/// log P(B = k), B ~ Binomial(n, ½).
inline double binomial_log_pmf(double k, double n) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1) - n * std::log(2.0);
}

/// P(B < limit), B ~ Binomial(n, ½).
inline double binomial_cdf_below(double limit, long n) {
  const long b_max = std::min(static_cast<long>(std::ceil(limit)) - 1, n);
  double sum = 0.0;
  for (long b = 0; b <= b_max; ++b)
    sum += std::exp(binomial_log_pmf(static_cast<double>(b), static_cast<double>(n)));
  return sum;
}

/// Hopfield (1982) Eq. 10: Φ(−√(N/(2(n−1)))).
inline double hopfield82_eq10(double n, double memories) {
  return memories < 2 ? 0.0 : normal_cdf(-std::sqrt(n / (2.0 * (memories - 1))));
}

/// The exact one-step error rate of the 0/1 network (theory.hopfield82_exact).
inline double hopfield82_exact(long n, long memories) {
  if (memories < 2) return 0.0;
  double total = 0.0;
  for (long k = 1; k < n; ++k) {
    const double w = std::exp(binomial_log_pmf(static_cast<double>(k), static_cast<double>(n - 1)));
    if (w < 1e-18) continue;
    total +=
        w * binomial_cdf_below(static_cast<double>(k * (memories - 2)) / 2.0, k * (memories - 1));
  }
  return total;
}

}  // namespace papers_test

namespace papers_test {

/// Replica-symmetric T = 0 retrieval overlap (AGS 1987), NaN above α_c (theory.ags_overlap_t0).
inline double ags_overlap_t0(double alpha) {
  const double pi = std::acos(-1.0);
  double m = 1.0, c = 0.0;
  for (int it = 0; it < 200000; ++it) {
    const double r = 1.0 / ((1.0 - c) * (1.0 - c));
    const double y = m / std::sqrt(2.0 * alpha * r);
    const double m_new = std::erf(y);
    const double c_new = std::sqrt(2.0 / (pi * alpha * r)) * std::exp(-y * y);
    if (c_new >= 1.0 || m_new < 1e-6) break;
    if (std::abs(m_new - m) < 1e-13 && std::abs(c_new - c) < 1e-13) return m_new;
    m = m_new;
    c = c_new;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

/// ∫Dz f(z) on a fine grid over [−10, 10] (Simpson), for the finite-T RS equations.
template <class F>
double gauss_average(F f) {
  const int n = 4000;
  const double a = -10.0, h = 20.0 / n, norm = 1.0 / std::sqrt(2.0 * std::acos(-1.0));
  double sum = 0.0;
  for (int k = 0; k <= n; ++k) {
    const double z = a + k * h;
    const double w = (k == 0 || k == n) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0);
    sum += w * f(z) * std::exp(-0.5 * z * z);
  }
  return sum * h / 3.0 * norm;
}

/// Replica-symmetric retrieval overlap at α > 0, T > 0 (theory.ags_rs from m = q = 1).
inline double ags_overlap(double alpha, double temperature) {
  const double beta = 1.0 / temperature;
  double m = 1.0, q = 1.0;
  for (int it = 0; it < 20000; ++it) {
    const double chi = std::min(beta * (1.0 - q), 1.0 - 1e-9);
    const double width = std::sqrt(alpha * q) / (1.0 - chi);
    const double m_new = gauss_average([&](double z) { return std::tanh(beta * (m + width * z)); });
    const double q_new = gauss_average([&](double z) {
      const double t = std::tanh(beta * (m + width * z));
      return t * t;
    });
    if (std::abs(m_new - m) < 1e-11 && std::abs(q_new - q) < 1e-11) return m_new;
    m = m_new;
    q = q_new;
  }
  return m;
}

/// The largest root of m = tanh(m/T) (0 for T ≥ 1).
inline double curie_weiss(double temperature) {
  if (temperature >= 1.0) return 0.0;
  double lo = 1e-12, hi = 1.0;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    (mid - std::tanh(mid / temperature) < 0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

/// ⟨ξ^1 sign(ξ^1 + … + ξ^k)⟩ over ξ ∈ {±1}^k (k odd): ½, 3/8, 5/16 for k = 3, 5, 7.
inline double mixture_overlap(int k) {
  double sum = 0.0;
  for (unsigned bits = 0; bits < (1U << k); ++bits) {
    int total = 0;
    for (int j = 0; j < k; ++j) total += ((bits >> j) & 1U) ? -1 : 1;
    sum += ((bits & 1U) ? -1.0 : 1.0) * (total > 0 ? 1.0 : -1.0);
  }
  return sum / static_cast<double>(1U << k);
}

/// First-step overlap of synchronous dynamics at finite N (gardner1987_sync.py): exact signal,
/// exact crosstalk variance K = (N−1)(P−1), Gaussian crosstalk.
inline double sync_first_step(double n, double p, double flips) {
  const double k = (n - 1) * (p - 1);
  const double f = flips / n;
  return (1 - f) * std::erf((n - 1 - 2 * flips) / std::sqrt(2 * k)) +
         f * std::erf((n + 1 - 2 * flips) / std::sqrt(2 * k));
}

}  // namespace papers_test
