// The `optimise` experiment (see hopfield/experiments/optimise.hpp).
#include "hopfield/experiments/optimise.hpp"

#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/experiments/statistics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace hopfield {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}

std::vector<Column> OptimiseExperiment::columns(const Model& /*model*/,
                                                const TaskContext& context) const {
  std::vector<Column> cols{
      {"/results/valid", DType::i64, {}, "1 if the decoded state is a feasible solution", ""},
      {"/results/violations",
       DType::i64,
       {},
       "violated constraints of the decoded state (0 iff valid): rows and columns without "
       "exactly one city (tsp), vertices to move for balance (partition), attacking pairs + "
       "|queens − n| (n_queens)",
       ""},
      {"/results/objective",
       DType::f64,
       {},
       "tour length, cut weight or attacking pairs of the decoded solution (NaN if invalid)",
       ""},
      {"/results/baseline",
       DType::f64,
       {},
       "heuristic baseline (NN + 2-opt; greedy + local search; graph growing + "
       "Kernighan–Lin; min-conflicts)",
       ""},
      {"/results/optimum", DType::f64, {}, "exact optimum (NaN where not computed)", ""},
      {"/results/ratio_to_baseline", DType::f64, {}, "objective / baseline", ""},
      {"/results/ratio_to_optimum", DType::f64, {}, "objective / optimum", ""},
      {"/results/time", DType::f64, {}, "integration time reached", "τ"},
      {"/results/steps", DType::i64, {}, "accepted integration steps", ""},
      {"/results/rhs_evaluations", DType::i64, {}, "right-hand-side evaluations", ""},
      {"/results/stop_reason",
       DType::i64,
       {},
       "5 t_end, 6 small_derivative, 7 saturated, 8 decoded_stable, 9 max_steps",
       ""},
      {"/results/final_energy", DType::f64, {}, "Lyapunov energy at the end", "energy"},
      {"/tours/node",
       DType::i64,
       {"row"},
       "solutions of the valid runs, one row per element in order: city per position (tsp), "
       "side per vertex (max_cut, partition) or queen column per row (n_queens)",
       "",
       "/tours"},
      {"/instances/x",
       DType::f64,
       {"city"},
       "city x coordinates of each trial's instance",
       "",
       "/instances"},
      {"/instances/y",
       DType::f64,
       {"city"},
       "city y coordinates of each trial's instance",
       "",
       "/instances"},
  };
  if (context.saves("trajectories")) {
    cols.push_back(
        {"/trajectories/time", DType::f64, {"record"}, "recorded times (NaN-padded)", "τ"});
    cols.push_back({"/trajectories/energy",
                    DType::f64,
                    {"record"},
                    "Lyapunov energy at the recorded times",
                    "energy"});
    cols.push_back({"/trajectories/v",
                    DType::f64,
                    {"record", "neuron"},
                    "outputs v at the recorded times",
                    ""});
    cols.push_back({"/trajectories/u",
                    DType::f64,
                    {"record", "neuron"},
                    "internal states u at the recorded times",
                    ""});
  }
  return cols;
}

TaskResult OptimiseExperiment::run_task(const Model& model, std::uint64_t point,
                                        std::uint64_t trial, const TaskContext& context) const {
  const auto* dynamics = dynamic_cast<const ContinuousDynamics*>(model.dynamics.get());
  if (dynamics == nullptr)
    throw InputError("the optimise experiment needs `dynamics: {type: continuous, …}`");
  RandomStream instance_rng(model.seed, Purpose::patterns, 0, trial, 0);
  const auto instance = problem_->instance(instance_rng);
  ContinuousOptions options = dynamics->options();
  if (options.activation != instance->activation())
    throw InputError(fmt::format("this problem is encoded for activation '{}', not '{}'",
                                 to_string(instance->activation()), to_string(options.activation)));
  options.record_states = context.saves("trajectories");
  RandomStream start_rng(model.seed, Purpose::starts, 0, trial, 0);
  const Eigen::VectorXd u0 = instance->initial(options.gain_at(0.0), start_rng);
  RandomStream rng(model.seed, Purpose::dynamics, point, trial, 0);
  const ContinuousResult c = instance->integrate(u0, options, rng);
  const Solution s = instance->decode(c.v);
  const Baselines b = instance->baselines();

  TaskResult r;
  r.point = point;
  r.trial = trial;
  const double objective = s.valid ? s.objective : nan;
  r.slices = {Slice::scalar(s.valid ? 1.0 : 0.0),
              Slice::scalar(static_cast<double>(s.violations)),
              Slice::scalar(objective),
              Slice::scalar(b.heuristic),
              Slice::scalar(b.optimum),
              Slice::scalar(objective / b.heuristic),
              Slice::scalar(objective / b.optimum),
              Slice::scalar(c.time),
              Slice::scalar(static_cast<double>(c.steps)),
              Slice::scalar(static_cast<double>(c.rhs_evaluations)),
              Slice::scalar(static_cast<double>(static_cast<int>(c.reason))),
              Slice::scalar(c.energy)};
  std::vector<double> tour;
  if (s.valid)
    for (auto x : s.assignment) tour.push_back(static_cast<double>(x));
  r.slices.push_back(Slice::vector(std::move(tour)));
  std::vector<double> xs;
  std::vector<double> ys;
  for (const auto& [x, y] : instance->points()) {
    xs.push_back(x);
    ys.push_back(y);
  }
  r.slices.push_back(Slice::vector(std::move(xs)));
  r.slices.push_back(Slice::vector(std::move(ys)));
  if (context.saves("trajectories")) {
    r.slices.push_back(Slice::vector(c.times));
    r.slices.push_back(Slice::vector(c.energy_trace));
    const auto n = static_cast<std::size_t>(instance->neurons());
    for (const auto* recorded : {&c.states, &c.inputs}) {
      Slice slice{{recorded->size(), n}, {}};
      for (const auto& st : *recorded)
        for (Eigen::Index i = 0; i < st.size(); ++i) slice.data.push_back(st(i));
      r.slices.push_back(std::move(slice));
    }
  }
  return r;
}

std::string OptimiseExperiment::summary(const Record& record) const {
  const Dataset* valid = record.find("/results/valid");
  if (valid == nullptr) return "optimise: no results";
  std::size_t runs = valid->i64.size();
  std::size_t ok = 0;
  for (auto v : valid->i64) ok += v == 1 ? 1 : 0;
  std::string out = fmt::format("optimise: {} run(s), {} valid ({:.1f}%)", runs, ok,
                                100.0 * static_cast<double>(ok) / static_cast<double>(runs));
  auto mean_of = [&](const char* path) {
    const Dataset* ds = record.find(path);
    double sum = 0.0;
    std::size_t n = 0;
    if (ds != nullptr)
      for (double v : ds->f64)
        if (std::isfinite(v)) {
          sum += v;
          ++n;
        }
    return n > 0 ? sum / static_cast<double>(n) : nan;
  };
  out += fmt::format("; mean valid objective {:.4f}, / baseline {:.4f}, / optimum {:.4f}",
                     mean_of("/results/objective"), mean_of("/results/ratio_to_baseline"),
                     mean_of("/results/ratio_to_optimum"));
  out += fmt::format(
      "; mean optimum {:.4f}; mean rhs evaluations {:.0f}", mean_of("/results/optimum"), [&] {
        const Dataset* ds = record.find("/results/rhs_evaluations");
        double sum = 0.0;
        if (ds != nullptr)
          for (auto v : ds->i64) sum += static_cast<double>(v);
        return ds != nullptr && !ds->i64.empty() ? sum / static_cast<double>(ds->i64.size()) : nan;
      }());
  return out;
}

void register_optimise(config::Registry& registry) {
  using config::ParamSpec;
  const config::Registry* reg = &registry;
  registry.family<Experiment>("experiment")
      .add(
          config::ModuleDoc{
              .family = "experiment",
              .name = "optimise",
              .help = "solve an optimisation problem with a continuous network (Hopfield & Tank "
                      "1985) and compare with baselines",
              .params = {ParamSpec::module(
                  "problem", "problem", "tsp",
                  "the problem: {type: tsp | max_cut | partition | n_queens, …}")},
              .notes = "Needs `dynamics: {type: continuous, …}` with the activation the problem "
                       "is encoded for (tsp, n_queens: logistic; max_cut, partition: tanh); "
                       "`patterns` and "
                       "`learning` are not used. Each trial gets its own instance (random "
                       "instances are the same at every sweep point), a perturbed start, one "
                       "integration and a decoded solution. /tours is a long table of the "
                       "valid solutions, /instances of the cities.",
          },
          [reg](const config::Params& p) -> std::unique_ptr<Experiment> {
            std::shared_ptr<const Problem> problem =
                reg->family<Problem>("problem").make(p.at("problem"));
            return std::make_unique<OptimiseExperiment>(std::move(problem));
          });
}

}  // namespace hopfield
