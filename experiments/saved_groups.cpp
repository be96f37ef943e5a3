// Saved groups of a task (see hopfield/experiments/saved_groups.hpp).
#include "hopfield/experiments/saved_groups.hpp"

namespace hopfield {

Slice state_rows(const std::vector<State>& states, Eigen::Index n) {
  Slice s{{states.size(), static_cast<std::size_t>(n)}, {}};
  s.data.reserve(states.size() * static_cast<std::size_t>(n));
  for (const auto& st : states)
    for (Eigen::Index i = 0; i < n; ++i) s.data.push_back(static_cast<double>(st(i)));
  return s;
}

void add_saved_columns(std::vector<Column>& cols, const TaskContext& context,
                       const std::string& target_description,
                       const std::string& start_description) {
  if (context.saves("probes")) {
    cols.push_back({"/probes/target", DType::i64, {"probe"}, target_description, ""});
    cols.push_back({"/probes/cue", DType::i8, {"probe", "neuron"}, start_description, ""});
    cols.push_back({"/probes/final", DType::i8, {"probe", "neuron"}, "final state", ""});
  }
  if (context.saves("patterns"))
    cols.push_back({"/patterns/xi",
                    DType::i8,
                    {"pattern", "neuron"},
                    "stored patterns in the network's representation",
                    ""});
  if (context.saves("couplings"))
    cols.push_back({"/couplings/w",
                    DType::f64,
                    {"row", "column"},
                    "couplings W (after weight noise), row-major",
                    ""});
}

void add_saved_slices(TaskResult& r, const TaskContext& context, const Trial& t,
                      const std::vector<double>& targets, const std::vector<State>& starts,
                      const std::vector<State>& finals) {
  const PatternSet& ps = t.patterns;
  const Eigen::Index n = t.network.size();
  if (context.saves("probes")) {
    r.slices.push_back(Slice::vector(targets));
    r.slices.push_back(state_rows(starts, n));
    r.slices.push_back(state_rows(finals, n));
  }
  if (context.saves("patterns")) {
    std::vector<State> rows;
    for (Eigen::Index mu = 0; mu < ps.count(); ++mu) rows.push_back(ps.pattern(mu));
    r.slices.push_back(state_rows(rows, n));
  }
  if (context.saves("couplings")) {
    const Eigen::MatrixXd w = t.network.couplings->dense();
    Slice s{{static_cast<std::size_t>(n), static_cast<std::size_t>(n)}, {}};
    s.data.reserve(s.shape[0] * s.shape[1]);
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) s.data.push_back(w(i, j));
    r.slices.push_back(std::move(s));
  }
}

}  // namespace hopfield
