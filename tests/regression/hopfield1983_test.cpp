// Hopfield, Feinstein & Palmer (1983), configs/papers/hopfield1983_unlearning.yaml at reduced size
// (three amounts of unlearning, fewer starts): a moderate amount of unlearning sends many more
// random starts into the stored memories than the Hebbian network does, and a large amount
// erases the memories (no start ends in one).
#include "papers_support.hpp"

#include <fmt/format.h>

using namespace papers_test;

TEST_CASE("Hopfield, Feinstein & Palmer 1983: unlearning raises the memories' share of starts",
          "[regression][hopfield1983]") {
  const auto record = run_paper(
      "hopfield1983_unlearning",
      {"sweep.trials=2", "experiment.count=300", "sweep.grid={learning.dreams: [0, 200, 3000]}"});
  const auto& by_class = dataset(record, "/attractors/by_class/basin_fraction");
  REQUIRE(by_class.shape.size() == 3);
  const std::size_t trials = by_class.shape[1], classes = by_class.shape[2];
  auto memory_share = [&](std::size_t point) {  // classes 0 (pattern) and 1 (reversed)
    double sum = 0.0;
    for (std::size_t t = 0; t < trials; ++t) {
      const std::size_t base = (point * trials + t) * classes;
      sum += by_class.f64[base] + by_class.f64[base + 1];
    }
    return sum / static_cast<double>(trials);
  };
  const double hebbian = memory_share(0), moderate = memory_share(1), heavy = memory_share(2);
  INFO(
      fmt::format("share of random starts ending in a memory: eps*D/N = 0: {:.3f}, 0.02: {:.3f}, "
                  "0.3: {:.3f}",
                  hebbian, moderate, heavy));
  CHECK(hebbian > 0.05);
  CHECK(moderate > hebbian + 0.2);
  CHECK(heavy < 0.05);
}
