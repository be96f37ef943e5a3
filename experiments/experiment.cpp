// The experiment family and the full registry (see hopfield/experiments/experiment.hpp).
#include "hopfield/experiments/experiment.hpp"

#include "hopfield/experiments/attractors.hpp"
#include "hopfield/experiments/basins.hpp"
#include "hopfield/experiments/capacity.hpp"
#include "hopfield/experiments/optimise.hpp"
#include "hopfield/experiments/recall.hpp"
#include "hopfield/experiments/separability.hpp"
#include "hopfield/experiments/thermal.hpp"
#include "hopfield/io/modules.hpp"

#include <algorithm>

namespace hopfield {

bool TaskContext::saves(std::string_view group) const {
  return std::find(save.begin(), save.end(), group) != save.end();
}

void register_experiments(config::Registry& registry) {
  registry.add_family<Experiment>("experiment", "experiment kinds: what a run measures");
  register_recall(registry);
  register_capacity(registry);
  register_thermal(registry);
  register_attractors(registry);
  register_basins(registry);
  register_optimise(registry);
  register_separability(registry);
}

std::unique_ptr<config::Registry> make_registry() {
  auto registry = std::make_unique<config::Registry>();
  register_framework_modules(*registry);
  io::register_io_modules(*registry);
  register_experiments(*registry);
  return registry;
}

}  // namespace hopfield
