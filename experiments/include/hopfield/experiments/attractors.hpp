// The `attractors` experiment: a census of the states the dynamics end in — from every state
// (exhaustive, N ≤ 32), random states, noisy cues around the stored patterns, or the symmetric
// mixture states themselves — deduplicated exactly and classified against the stored patterns
// (retrieval, reversed, mixture_k, spin glass; Amit, Gutfreund & Sompolinsky 1985). Each
// attractor is a row of the long table /attractors (see docs/hdf5-schema.md).
#pragma once

#include "hopfield/experiments/attractor_census.hpp"
#include "hopfield/experiments/experiment.hpp"

namespace hopfield {

enum class StartKind { exhaustive, random, noisy_patterns, mixtures };

struct AttractorsOptions {
  StartKind starts = StartKind::random;
  std::int64_t count = 1000;  ///< random starts; cues per pattern; most mixtures (0: all)
  int mixture_order = 3;
  ClassifyOptions classify;
};

class AttractorsExperiment final : public Experiment {
 public:
  explicit AttractorsExperiment(AttractorsOptions options) : options_(options) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  void finish(const std::vector<const Model*>& points, Record& record) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

 private:
  AttractorsOptions options_;
};

/// The mixtures started from by `starts: mixtures`: every k-subset of the P patterns (in
/// lexicographic order) with every sign pattern, at most `limit` of them (0: all).
std::vector<std::pair<std::vector<Eigen::Index>, std::vector<int>>> mixture_starts(
    Eigen::Index patterns, int order, std::int64_t limit);

/// Adds `attractors` to the "experiment" family.
void register_attractors(config::Registry& registry);

}  // namespace hopfield
