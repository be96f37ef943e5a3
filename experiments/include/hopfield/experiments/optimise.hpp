// The `optimise` experiment (Hopfield & Tank 1985): per trial, an instance of a problem is
// encoded as a continuous network, integrated from a slightly perturbed start until a stop
// condition, decoded, checked for validity and compared with the baselines.
#pragma once

#include "hopfield/experiments/experiment.hpp"
#include "hopfield/optimisation/problem.hpp"

#include <memory>

namespace hopfield {

class OptimiseExperiment final : public Experiment {
 public:
  explicit OptimiseExperiment(std::shared_ptr<const Problem> problem)
      : problem_(std::move(problem)) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  std::shared_ptr<const Problem> problem_;
};

void register_optimise(config::Registry& registry);

}  // namespace hopfield
