// Storkey (1997), configs/papers/storkey1997_capacity.yaml at reduced size (N = 100, 200): the
// 50 % point of exact fixed points of the Storkey rule over that of the Hebbian rule, on the
// same patterns, against √(2 ln N) (the ratio of the laws N/√(2 ln N) and N/(2 ln N)).
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("Storkey 1997: capacity ratio Storkey/Hebbian grows like sqrt(2 ln N)",
          "[regression][storkey1997]") {
  const auto record = run_paper(
      "storkey1997_capacity",
      {"sweep.trials=4", "experiment.bootstrap=0",
       "sweep.grid={network.neurons: [100, 200], learning.type: [hebbian, storkey], "
       "patterns.alpha: [0.05, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.35, 0.45, 0.5, 0.55, 0.6, "
       "0.7]}"});
  const auto& ac = dataset(record, "/capacity/alpha_c");
  const auto& curve = dataset(record, "/capacity/curve");
  REQUIRE(ac.f64.size() == 4);  // (100, hebbian), (100, storkey), (200, hebbian), (200, storkey)
  for (std::size_t k = 0; k < 4; k += 2) {
    REQUIRE(curve.text[k].find("hebbian") != std::string::npos);
    REQUIRE(curve.text[k + 1].find("storkey") != std::string::npos);
    const double n = k == 0 ? 100.0 : 200.0;
    const double ratio = ac.f64[k + 1] / ac.f64[k];
    INFO(
        fmt::format("N = {}: alpha_c hebbian {:.4f}, storkey {:.4f}, ratio {:.3f}, "
                    "sqrt(2 ln N) = {:.3f}",
                    n, ac.f64[k], ac.f64[k + 1], ratio, std::sqrt(2 * std::log(n))));
    CHECK(std::abs(ratio / std::sqrt(2 * std::log(n)) - 1) < 0.15);
  }
  CHECK(ac.f64[2] < ac.f64[0]);  // α_c falls with N for both rules
  CHECK(ac.f64[3] < ac.f64[1]);
}
