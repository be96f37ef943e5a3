// Tsodyks & Feigel'man (1988), configs/papers/tsodyks1988_sparse.yaml at reduced size (four points,
// two trials): sparse patterns (a = 0.05) stored with the covariance rule and a threshold are
// retrieved at a load four times the capacity of dense patterns (a = ½), and both lose retrieval
// above their own capacity.
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("Tsodyks & Feigel'man 1988: sparse patterns are stored far beyond 0.14 N",
          "[regression][tsodyks1988]") {
  const auto record = run_paper(
      "tsodyks1988_sparse",
      {"sweep.trials=2", "experiment.probes=20",
       "sweep.zip={patterns.activity: [0.5, 0.5, 0.05, 0.05], network.threshold: [0, 0, 0.55, "
       "0.55], patterns.alpha: [0.1, 0.22, 0.6, 1.55]}"});
  const auto& success = dataset(record, "/results/success_from_pattern");
  const Estimate dense_low = estimate(success, 0), dense_high = estimate(success, 1);
  const Estimate sparse_low = estimate(success, 2), sparse_high = estimate(success, 3);
  INFO(fmt::format(
      "P(m >= 0.9): a = 0.5: alpha 0.1 {:.2f}, 0.22 {:.2f}; a = 0.05: alpha 0.6 {:.2f}, "
      "1.55 {:.2f}",
      dense_low.mean, dense_high.mean, sparse_low.mean, sparse_high.mean));
  CHECK(dense_low.mean >= 0.9);
  CHECK(dense_high.mean <= 0.2);
  CHECK(sparse_low.mean >= 0.9);  // α = 0.6: four times the dense capacity
  CHECK(sparse_high.mean <= 0.2);
}
