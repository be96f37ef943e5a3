// Batch-means time averages: exact values on small series, NaN where no error can be given,
// and on a strongly correlated AR(1) series an error that matches the true standard error of
// the mean (which the naive σ/√n underestimates several times).
#include "hopfield/measure/time_average.hpp"
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hopfield;

TEST_CASE("batch means of a short series are computed exactly", "[measure][time_average]") {
  TimeAverage a;
  for (const double x : {1.0, 2.0, 3.0, 4.0, 100.0}) a.add(x);
  CHECK(a.mean() == Approx(22.0));
  // Two batches of two ({1,2}, {3,4}); the remainder (100) is left out of the error.
  CHECK(a.error(2) == Approx(1.0));
  TimeAverage constant;
  for (int k = 0; k < 40; ++k) constant.add(0.25);
  CHECK(constant.error(20) == 0.0);
}

TEST_CASE("batch means give NaN with fewer than two batches", "[measure][time_average]") {
  TimeAverage a;
  CHECK(std::isnan(a.mean()));
  CHECK(std::isnan(a.error(20)));
  a.add(1.0);
  CHECK(a.mean() == 1.0);
  CHECK(std::isnan(a.error(20)));
  CHECK(std::isnan(a.error(1)));
}

TEST_CASE("batch-means error matches the true error of a correlated AR(1) series",
          "[measure][time_average]") {
  // x_t = φ x_{t−1} + ε_t, Var ε = 1: Var x = 1/(1−φ²), and for n ≫ 1/(1−φ) the error of the
  // mean is sqrt(Var x · (1+φ)/(1−φ) / n). 20 batches estimate it to about ±16 % (one σ).
  const double phi = 0.9;
  const int n = 200000;
  RandomStream rng(5, Purpose::thermal, 0, 0, 0);
  TimeAverage a;
  double x = 0.0;
  for (int t = 0; t < n; ++t) {
    x = phi * x + rng.normal();
    a.add(x);
  }
  const double var = 1.0 / (1.0 - phi * phi);
  const double truth = std::sqrt(var * (1.0 + phi) / (1.0 - phi) / n);
  const double naive = std::sqrt(var / n);
  CHECK(a.error(20) == Approx(truth).epsilon(0.5));
  CHECK(a.error(20) > 2.0 * naive);
  CHECK(std::abs(a.mean()) < 4.0 * truth);
}
