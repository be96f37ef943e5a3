// The `recall` experiment: store patterns, present cues (stored patterns corrupted by the cue
// noise, or other images), run the dynamics and record how well each cue is recalled
// (Hopfield 1982; Amit, Gutfreund & Sompolinsky 1987 for the overlap m).
#pragma once

#include "hopfield/experiments/experiment.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <memory>
#include <vector>

namespace hopfield {

/// Which cues a trial presents.
struct ProbeSpec {
  enum class Kind { all, count, source };
  Kind kind = Kind::all;
  Eigen::Index count = 0;                 ///< for count: the first `count` stored patterns
  std::shared_ptr<PatternSource> source;  ///< for source: other images (e.g. idx test set)
  std::vector<Eigen::Index> targets;      ///< explicit target per source probe (optional)
};

class RecallExperiment final : public Experiment {
 public:
  RecallExperiment(ProbeSpec probes, double success_overlap)
      : probes_(std::move(probes)), success_overlap_(success_overlap) {}
  [[nodiscard]] std::vector<Column> columns(const Model& model,
                                            const TaskContext& context) const override;
  [[nodiscard]] TaskResult run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                    const TaskContext& context) const override;
  [[nodiscard]] std::string summary(const Record& record) const override;

  /// Number of probes a trial of this model presents.
  [[nodiscard]] Eigen::Index probe_count(const Model& model) const;

 private:
  ProbeSpec probes_;
  double success_overlap_;
};

/// Adds `recall` to the "experiment" family.
void register_recall(config::Registry& registry);

}  // namespace hopfield
