// Tanaka & Edwards (1980), configs/papers/tanaka1980_sk_metastable.yaml at reduced size
// (N = 8 … 16): the mean number of one-flip-stable states of the SK spin glass, counted exactly
// over all 2^N states, grows like exp(0.1992 N).
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("Tanaka & Edwards 1980: SK metastable states grow as exp(0.1992 N)",
          "[regression][tanaka1980]") {
  const auto record =
      run_paper("tanaka1980_sk_metastable",
                {"sweep.trials=30", "sweep.grid={network.neurons: [8, 10, 12, 14, 16]}"});
  const auto& count = dataset(record, "/results/one_flip_stable");
  const std::size_t points = count.shape[0], trials = count.shape[1];
  REQUIRE(points == 5);
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t p = 0; p < points; ++p) {
    double sum = 0;
    for (std::size_t t = 0; t < trials; ++t) {
      const auto c = count.i64[p * trials + t];
      CHECK(c >= 2);      // the ground state and its mirror
      CHECK(c % 2 == 0);  // s and −s are stable together (no field, no threshold)
      sum += static_cast<double>(c);
    }
    const double n = 8.0 + 2.0 * static_cast<double>(p);
    const double y = std::log(sum / static_cast<double>(trials));
    sx += n;
    sy += y;
    sxx += n * n;
    sxy += n * y;
  }
  const double k = static_cast<double>(points);
  const double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  INFO(fmt::format("slope of ln<N_s> over N = 8 … 16: {:.4f} (Tanaka-Edwards 0.1992)", slope));
  CHECK(std::abs(slope - 0.1992) < 0.02);
}
