// The sync and async modules: registered with documented options, defaults filled in, options
// reaching the dynamics, and invalid choices rejected by the schema.
#include "hopfield/dynamics/modules.hpp"
#include "hopfield/config/node.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace hopfield;
using config::Node;

namespace {

std::unique_ptr<config::Registry> make_registry() {
  auto registry = std::make_unique<config::Registry>();
  registry->add_family<Dynamics>("dynamics", "network dynamics");
  register_dynamics_modules(*registry);
  return registry;
}

Node module_node(const std::vector<std::pair<std::string, std::string>>& keys) {
  Node map = Node::make_map(Location{"test.yaml", 1, 1});
  int line = 1;
  for (const auto& [key, value] : keys)
    map.set(key, Node::make_scalar(value, Location{"test.yaml", ++line, 3}));
  map.assign_paths("dynamics");
  return map;
}

}  // namespace

TEST_CASE("dynamics family holds async and sync with help for every option",
          "[dynamics][modules]") {
  const auto registry_ptr = make_registry();
  const auto& registry = *registry_ptr;
  const auto& family = registry.family<Dynamics>("dynamics");
  for (const std::string name : {"async", "sync"}) {
    const auto* doc = family.find(name);
    REQUIRE(doc != nullptr);
    CHECK(doc->family == "dynamics");
    CHECK_FALSE(doc->help.empty());
    CHECK_FALSE(doc->notes.empty());
    for (const auto& p : doc->params) {
      INFO(name << "." << p.name);
      CHECK_FALSE(p.help.empty());
      CHECK_FALSE(p.required());
    }
  }
  CHECK(family.find("async")->params.size() == 5);
  CHECK(family.find("sync")->params.size() == 4);
}

TEST_CASE("async defaults are filled in and the module runs", "[dynamics][modules]") {
  const auto registry_ptr = make_registry();
  const auto& registry = *registry_ptr;
  Node node = module_node({{"type", "async"}});
  registry.validate_module(node, "dynamics");
  CHECK(node.at("order").text() == "random_permutation");
  CHECK(node.at("max_sweeps").as_integer() == 100);
  CHECK(node.at("tie").text() == "keep");
  CHECK(node.at("stop").text() == "fixed_point");

  const auto dynamics = registry.family<Dynamics>("dynamics").make(node);
  Eigen::MatrixXd m(2, 2);
  m << 0, -1, -1, 0;
  Network net;
  net.couplings = make_dense_couplings(m, 1.0, true, Precision::float32);
  net.threshold = Eigen::VectorXd::Zero(2);
  net.input = Eigen::VectorXd::Zero(2);
  State start(2);
  start << 1, 1;
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
  const auto result = dynamics->run(net, start, rng);
  CHECK(result.converged);
  CHECK(result.state[0] == -result.state[1]);
}

TEST_CASE("module options reach the dynamics", "[dynamics][modules]") {
  const auto registry_ptr = make_registry();
  const auto& registry = *registry_ptr;
  Eigen::MatrixXd m(2, 2);
  m << 0, -1, -1, 0;
  Network net;
  net.couplings = make_dense_couplings(m, 1.0, true, Precision::float64);
  net.threshold = Eigen::VectorXd::Zero(2);
  net.input = Eigen::VectorXd::Zero(2);
  State start(2);
  start << 1, 1;
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);

  SECTION("sync finds the 2-cycle") {
    Node node = module_node({{"type", "sync"}});
    registry.validate_module(node, "dynamics");
    const auto result = registry.family<Dynamics>("dynamics").make(node)->run(net, start, rng);
    CHECK(result.reason == StopReason::cycle);
  }
  SECTION("stop: sweeps with max_sweeps: 5 runs five sweeps") {
    Node node = module_node({{"type", "async"}, {"stop", "sweeps"}, {"max_sweeps", "5"}});
    registry.validate_module(node, "dynamics");
    const auto result = registry.family<Dynamics>("dynamics").make(node)->run(net, start, rng);
    CHECK(result.sweeps == 5);
    CHECK(result.reason == StopReason::sweeps);
  }
  SECTION("sequential order and tie: plus") {
    // From (1, 1) sequentially: neuron 0 sees −1 and turns off, neuron 1 then sees +1.
    Node node = module_node({{"type", "async"}, {"order", "sequential"}, {"tie", "plus"}});
    registry.validate_module(node, "dynamics");
    const auto result = registry.family<Dynamics>("dynamics").make(node)->run(net, start, rng);
    CHECK(result.state[0] == -1);
    CHECK(result.state[1] == 1);
  }
}

TEST_CASE("invalid dynamics options are config errors", "[dynamics][modules]") {
  const auto registry_ptr = make_registry();
  const auto& registry = *registry_ptr;
  Node bad_order = module_node({{"type", "async"}, {"order", "shuffled"}});
  CHECK_THROWS_AS(registry.validate_module(bad_order, "dynamics"), ConfigError);
  Node bad_sweeps = module_node({{"type", "sync"}, {"max_sweeps", "0"}});
  CHECK_THROWS_AS(registry.validate_module(bad_sweeps, "dynamics"), ConfigError);
  Node sync_order = module_node({{"type", "sync"}, {"order", "sequential"}});
  CHECK_THROWS_AS(registry.validate_module(sync_order, "dynamics"), ConfigError);
}
