// A strongly diluted Hebbian network (Derrida, Gardner & Zippelius 1987) of N = 50 000 neurons
// with K = 50 inputs each, built through the model path: validation must not refuse it for
// memory, the couplings must be sparse and never dense, and a cue is recalled.
#include "hopfield/config/registry.hpp"
#include "hopfield/core/sparse_couplings.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/measure/overlap.hpp"
#include "hopfield/model/model.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;

TEST_CASE(
    "a Hebbian network of 50000 neurons diluted to 50 inputs each is stored sparsely and "
    "recalls its patterns",
    "[noise][dilution][sparse]") {
  const auto registry = make_registry();
  config::Node root = io::load_yaml_text(
      "seed: 5\n"
      "network: {neurons: 50000}\n"
      "patterns: {type: random, count: 4}\n"
      "learning: hebbian\n"
      "noise: [{type: dilution, inputs: 50}, {type: flip, fraction: 0.1}]\n",
      "diluted.yaml");
  const Model model = validate_config(root, *registry);  // a dense N×N would need ~90 GiB
  const Trial t = build_trial(model, 0);
  const auto* sparse = dynamic_cast<const SparseCouplings*>(t.network.couplings.get());
  REQUIRE(sparse != nullptr);
  CHECK(sparse->nonzeros() <= 50 * 50000);
  CHECK(sparse->integer_valued());
  CHECK_FALSE(sparse->symmetric());
  for (Eigen::Index mu = 0; mu < 4; ++mu) {
    const State cue = make_cue(model, t.patterns.pattern(mu), 0, static_cast<std::uint64_t>(mu));
    REQUIRE(overlap(t.patterns, mu, cue) == Approx(0.8));
    RandomStream rng(model.seed, Purpose::dynamics, 0, 0, static_cast<std::uint64_t>(mu));
    const DynamicsResult result = model.dynamics->run(t.network, cue, rng);
    // α = P/K = 0.08, far below the strongly diluted capacity 2/π: retrieval is nearly
    // perfect (the fixed point has m ≈ 1 − 2Φ(−1/√α) ≈ 0.9999).
    CHECK(overlap(t.patterns, mu, result.state) > 0.99);
  }
}
