// The `thermal` experiment (see hopfield/experiments/thermal.hpp). The dynamics do not know the
// patterns, so the experiment observes the state once per sweep (Dynamics::run_observed) and
// accumulates the overlap with the probe's pattern itself; the dynamics only say which sweeps
// belong to the measurement.
#include "hopfield/experiments/thermal.hpp"

#include "hopfield/experiments/parallel.hpp"
#include "hopfield/experiments/saved_groups.hpp"
#include "hopfield/experiments/statistics.hpp"
#include "hopfield/measure/overlap.hpp"
#include "hopfield/measure/time_average.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopfield {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool wants_energy_trace(const Model& model, const TaskContext& context) {
  if (context.saves("trajectories")) return true;
  return std::any_of(model.measures.begin(), model.measures.end(),
                     [](const auto& m) { return m->needs_energy_trace(); });
}

/// Rows of unequal length as one NaN-padded (rows, longest) slice.
Slice padded_rows(const std::vector<std::vector<double>>& rows) {
  std::size_t longest = 0;
  for (const auto& r : rows) longest = std::max(longest, r.size());
  Slice s{{rows.size(), longest}, std::vector<double>(rows.size() * longest, nan)};
  for (std::size_t k = 0; k < rows.size(); ++k)
    std::copy(rows[k].begin(), rows[k].end(), s.data.begin() + static_cast<long>(k * longest));
  return s;
}

/// What the observer collects for one probe.
struct ProbeSeries {
  TimeAverage overlap;
  TimeAverage abs_overlap;
  TimeAverage energy;
  std::vector<double> overlap_trace;  ///< every sweep, sweep 0 included (for trajectories)
};

/// "path=value, …" of the swept parameters at point p (empty without a sweep).
std::string point_label(const Record& record, std::size_t p) {
  std::string label;
  for (const auto& ds : record.datasets) {
    if (ds.path.rfind("/points/", 0) != 0 || ds.shape.size() != 1 || p >= ds.shape[0]) continue;
    std::string value;
    if (ds.dtype == DType::text) {
      value = ds.text[p];
    } else if (ds.dtype == DType::f64) {
      value = fmt::format("{:g}", ds.f64[p]);
    } else if (ds.dtype == DType::i64) {
      value = fmt::format("{}", ds.i64[p]);
    }
    label += (label.empty() ? "" : ", ") + ds.path.substr(8) + "=" + value;
  }
  return label;
}

}  // namespace

std::vector<Column> ThermalExperiment::columns(const Model& model,
                                               const TaskContext& context) const {
  std::vector<Column> cols;
  for (const auto& measure : model.measures)
    for (const auto& def : measure->metrics())
      cols.push_back({"/results/" + def.name,
                      def.integer ? DType::i64 : DType::f64,
                      {"probe"},
                      def.description + " (final state, after the last sweep)",
                      def.unit});
  cols.push_back({"/results/mean_overlap",
                  DType::f64,
                  {"probe"},
                  "time average of the overlap m with the probe's pattern over the measurement "
                  "sweeps (after the burn-in)",
                  ""});
  cols.push_back({"/results/mean_overlap_error",
                  DType::f64,
                  {"probe"},
                  "standard error of mean_overlap by batch means (experiment.batches batches of "
                  "consecutive sweeps); NaN with fewer than two measured sweeps",
                  ""});
  cols.push_back({"/results/mean_abs_overlap",
                  DType::f64,
                  {"probe"},
                  "time average of |m| over the measurement sweeps (insensitive to sign reversals "
                  "of the whole state)",
                  ""});
  cols.push_back({"/results/mean_energy",
                  DType::f64,
                  {"probe"},
                  "time average of the energy E = -1/2 s^T W s + theta^T s - I^T s over the "
                  "measurement sweeps",
                  "energy"});
  cols.push_back({"/results/mean_energy_error",
                  DType::f64,
                  {"probe"},
                  "standard error of mean_energy by batch means",
                  "energy"});
  cols.push_back({"/results/measured_sweeps",
                  DType::i64,
                  {"probe"},
                  "number of sweeps averaged over (the dynamics' measurement sweeps)",
                  ""});
  cols.push_back({"/results/count", DType::i64, {}, "number of probes presented", ""});
  cols.push_back({"/results/patterns_stored", DType::i64, {}, "number of stored patterns P", ""});
  cols.push_back({"/results/learning_converged",
                  DType::i64,
                  {},
                  "1 if the learning rule reached its criterion (always 1 for one-shot rules)",
                  ""});
  cols.push_back({"/results/couplings_symmetric",
                  DType::i64,
                  {},
                  "1 if W = Wᵀ (only then is the stationary distribution Boltzmann)",
                  ""});
  if (wants_energy_trace(model, context))
    cols.push_back({"/trajectories/energy",
                    DType::f64,
                    {"probe", "sweep"},
                    "energy of the start state (sweep 0) and after every sweep; NaN-padded",
                    "energy"});
  if (context.saves("trajectories"))
    cols.push_back({"/trajectories/overlap",
                    DType::f64,
                    {"probe", "sweep"},
                    "overlap with the probe's pattern at the start (sweep 0) and after every "
                    "sweep; NaN-padded",
                    ""});
  add_saved_columns(cols, context, "index of the probe's pattern", "start state");
  return cols;
}

TaskResult ThermalExperiment::run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                       const TaskContext& context) const {
  const Trial t = build_trial(model, trial, context.threads);
  const PatternSet& ps = t.patterns;
  const Eigen::Index np = spec_.all_probes ? ps.count() : std::min(ps.count(), spec_.probe_count);
  const auto n_probe = static_cast<std::size_t>(np);

  std::size_t n_metrics = 0;
  for (const auto& m : model.measures) n_metrics += m->metrics().size();
  std::vector<std::vector<double>> metric_values(n_metrics, std::vector<double>(n_probe));
  std::vector<ProbeSeries> series(n_probe);
  std::vector<std::vector<double>> energy_traces(n_probe);
  std::vector<State> starts(n_probe);
  std::vector<State> finals(n_probe);

  parallel_for(static_cast<std::int64_t>(n_probe), context, [&](std::size_t uk) {
    const auto mu = static_cast<Eigen::Index>(uk);
    const State clean = ps.pattern(mu);
    starts[uk] = spec_.start == ThermalSpec::Start::cue ? make_cue(model, clean, trial, uk) : clean;
    // The same stream as recall's dynamics: at T = 0, glauber here is async there.
    RandomStream rng(model.seed, Purpose::dynamics, point, trial, uk);
    ProbeSeries& ser = series[uk];
    const bool keep_trace = context.saves("trajectories");
    DynamicsResult result =
        model.dynamics->run_observed(t.network, starts[uk], rng, [&](const SweepView& v) {
          if (!v.measuring && !keep_trace) return;
          const double m = overlap(ps, mu, v.state);
          if (keep_trace) ser.overlap_trace.push_back(m);
          if (!v.measuring) return;
          ser.overlap.add(m);
          ser.abs_overlap.add(std::abs(m));
          ser.energy.add(v.energy);
        });
    const ProbeOutcome outcome{t.network, ps, mu, starts[uk], result, spec_.success_overlap};
    std::vector<double> values;
    std::size_t column = 0;
    for (const auto& measure : model.measures) {
      values.assign(measure->metrics().size(), 0.0);
      measure->compute(outcome, values);
      for (double v : values) metric_values[column++][uk] = v;
    }
    energy_traces[uk] = std::move(result.energy_trace);
    finals[uk] = std::move(result.state);
  });

  auto finite = [](double v) { return std::isfinite(v) ? v : nan; };
  TaskResult r;
  r.point = point;
  r.trial = trial;
  for (auto& values : metric_values) {
    for (double& v : values) v = finite(v);
    r.slices.push_back(Slice::vector(std::move(values)));
  }
  std::vector<double> overlap_mean(n_probe);
  std::vector<double> overlap_error(n_probe);
  std::vector<double> abs_mean(n_probe);
  std::vector<double> energy_mean(n_probe);
  std::vector<double> energy_error(n_probe);
  std::vector<double> measured(n_probe);
  for (std::size_t k = 0; k < n_probe; ++k) {
    const ProbeSeries& s = series[k];
    overlap_mean[k] = finite(s.overlap.mean());
    overlap_error[k] = finite(s.overlap.error(spec_.batches));
    abs_mean[k] = finite(s.abs_overlap.mean());
    energy_mean[k] = finite(s.energy.mean());
    energy_error[k] = finite(s.energy.error(spec_.batches));
    measured[k] = static_cast<double>(s.overlap.size());
  }
  r.slices.push_back(Slice::vector(std::move(overlap_mean)));
  r.slices.push_back(Slice::vector(std::move(overlap_error)));
  r.slices.push_back(Slice::vector(std::move(abs_mean)));
  r.slices.push_back(Slice::vector(std::move(energy_mean)));
  r.slices.push_back(Slice::vector(std::move(energy_error)));
  r.slices.push_back(Slice::vector(std::move(measured)));
  r.slices.push_back(Slice::scalar(static_cast<double>(n_probe)));
  r.slices.push_back(Slice::scalar(static_cast<double>(ps.count())));
  r.slices.push_back(Slice::scalar(t.learning_converged ? 1.0 : 0.0));
  r.slices.push_back(Slice::scalar(t.network.couplings->symmetric() ? 1.0 : 0.0));
  if (wants_energy_trace(model, context)) r.slices.push_back(padded_rows(energy_traces));
  if (context.saves("trajectories")) {
    std::vector<std::vector<double>> rows(n_probe);
    for (std::size_t k = 0; k < n_probe; ++k) rows[k] = std::move(series[k].overlap_trace);
    r.slices.push_back(padded_rows(rows));
  }
  std::vector<double> targets(n_probe);
  for (std::size_t k = 0; k < n_probe; ++k) targets[k] = static_cast<double>(k);
  add_saved_slices(r, context, t, targets, starts, finals);
  return r;
}

std::string ThermalExperiment::summary(const Record& record) const {
  std::int64_t probes = 0;
  std::size_t trials = 0;
  std::size_t points = 0;
  if (const Dataset* count = record.find("/results/count")) {
    probes = integer_total(*count);
    points = count->shape[0];
    trials = count->shape[1];
  }
  std::string out =
      fmt::format("thermal: {} probes over {} point(s) × {} trial(s)", probes, points, trials);
  const Dataset* mean = record.find("/results/mean_overlap");
  const Dataset* error = record.find("/results/mean_overlap_error");
  if (mean == nullptr || error == nullptr || mean->shape.size() < 3) return out;
  // One trial: the batch-means errors of its probes are the only error estimate.
  auto point_error = [&](std::size_t p, const MeanError& over_trials) {
    if (trials != 1) return over_trials.error;
    const std::size_t width = mean->shape[2];
    double sum_sq = 0.0;
    std::size_t used = 0;
    for (std::size_t k = 0; k < width; ++k) {
      const double m = mean->f64[p * width + k];
      const double e = error->f64[p * width + k];
      if (std::isnan(m) || std::isnan(e)) continue;
      sum_sq += e * e;
      ++used;
    }
    return used > 0 ? std::sqrt(sum_sq) / static_cast<double>(used) : nan;
  };
  const char* error_kind = trials == 1 ? "batch means" : "over trials";
  std::string details;
  if (points == 1) {
    const MeanError m = trial_mean_and_error(*mean, 0);
    out += fmt::format("; time-averaged overlap m̄ = {:.4f} ± {:.4f} ({})", m.mean,
                       point_error(0, m), error_kind);
    if (const auto* ds = record.find("/results/mean_energy"))
      out += fmt::format("; mean energy {:.4g}", trial_mean_and_error(*ds).mean);
  } else {
    details = fmt::format("per point (time-averaged overlap m̄ ± s.e., {}):", error_kind);
    const std::size_t shown = std::min<std::size_t>(points, 24);
    for (std::size_t p = 0; p < shown; ++p) {
      const MeanError m = trial_mean_and_error(*mean, static_cast<long>(p));
      details += fmt::format("\n  [{}] {}: {:.4f} ± {:.4f}", p, point_label(record, p), m.mean,
                             point_error(p, m));
    }
    if (shown < points) details += "\n  …";
  }
  if (const auto* ds = record.find("/results/couplings_symmetric")) {
    const bool all_symmetric =
        std::all_of(ds->i64.begin(), ds->i64.end(), [](std::int64_t v) { return v != 0; });
    if (!all_symmetric) out += "; couplings not symmetric: no Boltzmann distribution";
  }
  return details.empty() ? out : out + "\n" + details;
}

void register_thermal(config::Registry& registry) {
  using config::ParamSpec;
  ParamSpec probes_spec = ParamSpec::any(
      "probes",
      "which stored patterns each trial starts from: `all` (default) or a count (the first k)");
  probes_spec.default_text = "all";
  probes_spec.optional = false;
  config::ModuleDoc doc{
      "experiment",
      "thermal",
      "retrieval at finite temperature: start at each probed pattern (or a noisy copy), run a "
      "stochastic dynamics and record the time-averaged overlap with the pattern",
      {probes_spec,
       ParamSpec::choice("start", "pattern", {"pattern", "cue"},
                         "start state of each probe: the stored pattern itself, or a cue made by "
                         "the noise modules of stage `probe` (as in recall)"),
       ParamSpec::integer("batches", "20",
                          "number of batches of consecutive measurement sweeps for the "
                          "batch-means standard error (at most the number of measured sweeps "
                          "is used)")
           .range(2, 1e6),
       ParamSpec::real("success_overlap", "0.95",
                       "for the `success` measure: a probe succeeds when its final overlap is at "
                       "least this")
           .range(-1.0, 1.0)},
      "Amit, Gutfreund & Sompolinsky (1985, 1987). Use with `dynamics: {type: glauber, "
      "temperature: T, burn_in: …, measure_sweeps: …}` (or metropolis); a temperature sweep is "
      "a sweep over `dynamics.temperature`. The overlap with the probe's pattern is observed "
      "after every sweep; the averages run over the sweeps after the burn-in. With a "
      "zero-temperature dynamics (async, sync) every sweep counts. The measures of `measure:` "
      "are computed on the final state. Results (time averages): /results/mean_overlap, "
      "mean_overlap_error, mean_abs_overlap, mean_energy, mean_energy_error with shape "
      "(points, trials, probes); "
      "`output.save: [trajectories]` adds /trajectories/overlap and /trajectories/energy."};
  registry.family<Experiment>("experiment").add(doc, [](const config::Params& p) {
    ThermalSpec spec;
    if (p.has("probes")) {
      const config::Node& node = p.at("probes");
      if (node.is_scalar() && node.text() == "all") {
        spec.all_probes = true;
      } else if (node.is_scalar() && node.is_integer()) {
        spec.all_probes = false;
        spec.probe_count = static_cast<Eigen::Index>(node.as_integer());
        if (spec.probe_count < 1) node.fail("must be at least 1 (or `all`)");
      } else {
        node.fail("expected `all` or a count");
      }
    }
    spec.start = p.text("start") == "cue" ? ThermalSpec::Start::cue : ThermalSpec::Start::pattern;
    spec.batches = static_cast<std::size_t>(p.integer("batches"));
    spec.success_overlap = p.real("success_overlap");
    return std::make_unique<ThermalExperiment>(spec);
  });
}

}  // namespace hopfield
