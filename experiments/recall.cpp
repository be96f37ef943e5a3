// The `recall` experiment (see hopfield/experiments/recall.hpp).
#include "hopfield/experiments/recall.hpp"

#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/experiments/parallel.hpp"
#include "hopfield/experiments/saved_groups.hpp"
#include "hopfield/experiments/statistics.hpp"
#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace hopfield {

namespace {

struct ProbeList {
  std::vector<State> clean;
  std::vector<Eigen::Index> target;
};

/// Index of the stored pattern with the largest overlap (the natural target of an image).
Eigen::Index closest_pattern(const PatternSet& patterns, const State& s) {
  const Eigen::VectorXd m = overlaps(patterns, s);
  Eigen::Index best = 0;
  m.maxCoeff(&best);
  return best;
}

bool wants_trace(const Model& model, const TaskContext& context) {
  if (context.saves("trajectories")) return true;
  return std::any_of(model.measures.begin(), model.measures.end(),
                     [](const auto& m) { return m->needs_energy_trace(); });
}

}  // namespace

Eigen::Index RecallExperiment::probe_count(const Model& model) const {
  const Eigen::Index p = model.patterns->count(model.network.neurons);
  switch (probes_.kind) {
    case ProbeSpec::Kind::all:
      return p;
    case ProbeSpec::Kind::count:
      return std::min(p, probes_.count);
    case ProbeSpec::Kind::source:
      return probes_.source->count(model.network.neurons);
  }
  return p;
}

std::vector<Column> RecallExperiment::columns(const Model& model,
                                              const TaskContext& context) const {
  std::vector<Column> cols;
  for (const auto& measure : model.measures)
    for (const auto& def : measure->metrics())
      cols.push_back({"/results/" + def.name,
                      def.integer ? DType::i64 : DType::f64,
                      {"probe"},
                      def.description,
                      def.unit});
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
                  "1 if W = Wᵀ (energy descent is guaranteed only then, with zero diagonal)",
                  ""});
  if (wants_trace(model, context))
    cols.push_back({"/trajectories/energy",
                    DType::f64,
                    {"probe", "sweep"},
                    "energy of the cue (sweep 0) and after every sweep; NaN-padded",
                    "energy"});
  add_saved_columns(cols, context, "index of the stored pattern each probe should recall",
                    "cue presented");
  return cols;
}

TaskResult RecallExperiment::run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                      const TaskContext& context) const {
  const Trial t = build_trial(model, trial, context.threads);
  const PatternSet& ps = t.patterns;
  const Eigen::Index n = model.network.neurons;

  ProbeList probes;
  if (probes_.kind == ProbeSpec::Kind::source) {
    RandomStream rng(model.seed, Purpose::probes, 0, trial, 0);
    const PatternSet images = probes_.source->generate({n, model.network.representation}, rng);
    for (Eigen::Index k = 0; k < images.count(); ++k) {
      probes.clean.push_back(images.pattern(k));
      Eigen::Index target = -1;
      if (static_cast<std::size_t>(k) < probes_.targets.size()) {
        target = probes_.targets[static_cast<std::size_t>(k)];
        if (target >= ps.count())
          throw InputError(
              fmt::format("experiment.targets[{}] = {} but only {} patterns are stored", k, target,
                          ps.count()));
      } else if (!images.labels.empty() && !ps.labels.empty()) {
        const auto it = std::find(ps.labels.begin(), ps.labels.end(),
                                  images.labels[static_cast<std::size_t>(k)]);
        target = it == ps.labels.end() ? closest_pattern(ps, images.pattern(k))
                                       : static_cast<Eigen::Index>(it - ps.labels.begin());
      } else {
        target = closest_pattern(ps, images.pattern(k));
      }
      probes.target.push_back(target);
    }
  } else {
    const Eigen::Index np = std::min(probe_count(model), ps.count());
    for (Eigen::Index k = 0; k < np; ++k) {
      probes.clean.push_back(ps.pattern(k));
      probes.target.push_back(k);
    }
  }

  const std::size_t n_probe = probes.clean.size();
  std::size_t n_metrics = 0;
  for (const auto& m : model.measures) n_metrics += m->metrics().size();
  std::vector<std::vector<double>> metric_values(n_metrics, std::vector<double>(n_probe));
  std::vector<std::vector<double>> traces(n_probe);
  std::vector<State> cues(n_probe);
  std::vector<State> finals(n_probe);

  auto record = [&](std::size_t uk, DynamicsResult& result) {
    const ProbeOutcome outcome{t.network, ps,     probes.target[uk],
                               cues[uk],  result, success_overlap_};
    std::vector<double> values;
    std::size_t column = 0;
    for (const auto& measure : model.measures) {
      values.assign(measure->metrics().size(), 0.0);
      measure->compute(outcome, values);
      for (double v : values) metric_values[column++][uk] = v;
    }
    traces[uk] = std::move(result.energy_trace);
    finals[uk] = std::move(result.state);
  };

  // Synchronous dynamics of many probes: one matrix product per step for all of them (exact
  // integer fields, so every probe's result is the one the per-probe path gives).
  const auto* sync = dynamic_cast<const SyncDynamics*>(model.dynamics.get());
  if (sync != nullptr && n_probe > 1 && SyncDynamics::batchable(*t.network.couplings)) {
    parallel_for(static_cast<std::int64_t>(n_probe), context,
                 [&](std::size_t uk) { cues[uk] = make_cue(model, probes.clean[uk], trial, uk); });
    std::vector<DynamicsResult> results = sync->run_batch(t.network, cues, context.threads);
    parallel_for(static_cast<std::int64_t>(n_probe), context,
                 [&](std::size_t uk) { record(uk, results[uk]); });
  } else {
    parallel_for(static_cast<std::int64_t>(n_probe), context, [&](std::size_t uk) {
      cues[uk] = make_cue(model, probes.clean[uk], trial, uk);
      RandomStream rng(model.seed, Purpose::dynamics, point, trial, uk);
      DynamicsResult result = model.dynamics->run(t.network, cues[uk], rng);
      record(uk, result);
    });
  }

  TaskResult r;
  r.point = point;
  r.trial = trial;
  for (auto& values : metric_values) {
    for (double& v : values)
      if (!std::isfinite(v)) v = std::numeric_limits<double>::quiet_NaN();
    r.slices.push_back(Slice::vector(std::move(values)));
  }
  r.slices.push_back(Slice::scalar(static_cast<double>(n_probe)));
  r.slices.push_back(Slice::scalar(static_cast<double>(ps.count())));
  r.slices.push_back(Slice::scalar(t.learning_converged ? 1.0 : 0.0));
  r.slices.push_back(Slice::scalar(t.network.couplings->symmetric() ? 1.0 : 0.0));
  if (wants_trace(model, context)) {
    std::size_t longest = 0;
    for (const auto& tr : traces) longest = std::max(longest, tr.size());
    Slice s{{n_probe, longest},
            std::vector<double>(n_probe * longest, std::numeric_limits<double>::quiet_NaN())};
    for (std::size_t k = 0; k < n_probe; ++k)
      std::copy(traces[k].begin(), traces[k].end(), s.data.begin() + k * longest);
    r.slices.push_back(std::move(s));
  }
  const std::vector<double> targets(probes.target.begin(), probes.target.end());
  add_saved_slices(r, context, t, targets, cues, finals);
  return r;
}

std::string RecallExperiment::summary(const Record& record) const {
  std::string out;
  std::int64_t probes = 0;
  std::size_t trials = 0;
  std::size_t points = 0;
  if (const Dataset* count = record.find("/results/count")) {
    probes = integer_total(*count);
    points = count->shape[0];
    trials = count->shape[1];
  }
  out += fmt::format("recall: {} probes over {} point(s) × {} trial(s)", probes, points, trials);
  if (const auto* ds = record.find("/results/overlap")) {
    const auto s = trial_mean_and_error(*ds);
    out += fmt::format("; mean overlap {:.4f} ± {:.4f}", s.mean, s.error);
  }
  if (const auto* ds = record.find("/results/success")) {
    const auto s = trial_mean_and_error(*ds);
    out += fmt::format("; success rate {:.1f}% ± {:.1f}% (overlap ≥ {})", 100 * s.mean,
                       100 * s.error, success_overlap_);
  }
  if (const auto* ds = record.find("/results/sweeps"))
    out += fmt::format("; mean sweeps {:.2f}", trial_mean_and_error(*ds).mean);
  if (const auto* ds = record.find("/results/converged"))
    out += fmt::format("; converged {:.1f}%", 100 * trial_mean_and_error(*ds).mean);
  // Per point, for sweeps small enough to read.
  std::string details;
  const Dataset* m = record.find("/summary/overlap_mean");
  const Dataset* e = record.find("/summary/overlap_sem");
  if (points > 1 && points <= 24 && m != nullptr && e != nullptr) {
    details += "per point (mean overlap ± s.e.):";
    for (std::size_t p = 0; p < points; ++p) {
      std::string label;
      for (const auto& ds : record.datasets) {
        if (ds.path.rfind("/points/", 0) != 0) continue;
        label += (label.empty() ? "" : ", ") + ds.path.substr(8) + "=" +
                 (ds.dtype == DType::text ? ds.text[p] : fmt::format("{:g}", ds.f64[p]));
      }
      details += fmt::format("\n  [{}] {}: {:.4f} ± {:.4f}", p, label, m->f64[p], e->f64[p]);
    }
  }
  if (const auto* ds = record.find("/results/couplings_symmetric")) {
    const bool all_symmetric =
        std::all_of(ds->i64.begin(), ds->i64.end(), [](std::int64_t v) { return v != 0; });
    if (!all_symmetric) out += "; couplings not symmetric: energy descent not guaranteed";
  }
  return details.empty() ? out : out + "\n" + details;
}

void register_recall(config::Registry& registry) {
  using config::ParamSpec;
  ParamSpec probes_spec = ParamSpec::any(
      "probes",
      "which cues each trial presents: `all` (every stored pattern, default), a count (the first "
      "k stored patterns), or a patterns module ({type: idx, …}, {type: inline, …}) whose "
      "images are presented; a probe's target is then the stored pattern with the same label, "
      "the one named in `targets`, or else the closest stored pattern");
  probes_spec.default_text = "all";
  probes_spec.optional = false;
  config::ModuleDoc doc{
      "experiment",
      "recall",
      "present cues (stored patterns corrupted by the cue noise, or other images) and record "
      "how well the dynamics recall the stored patterns",
      {probes_spec,
       ParamSpec::real("success_overlap", "0.95",
                       "a probe counts as recalled when its final overlap with the target is at "
                       "least this")
           .range(-1.0, 1.0),
       ParamSpec::any("targets",
                      "for probes given as a patterns module: the index of the stored pattern "
                      "each probe should recall (a list)")},
      "Cues are corrupted by every noise module of stage `probe`. Results: /results/<metric> "
      "with shape (points, trials, probes)."};
  const config::Registry* reg = &registry;
  registry.family<Experiment>("experiment").add(doc, [reg](const config::Params& p) {
    ProbeSpec spec;
    if (p.has("probes")) {
      const config::Node& node = p.at("probes");
      if (node.is_scalar() && node.text() == "all") {
        spec.kind = ProbeSpec::Kind::all;
      } else if (node.is_scalar() && node.is_integer()) {
        spec.kind = ProbeSpec::Kind::count;
        spec.count = static_cast<Eigen::Index>(node.as_integer());
        if (spec.count < 1) node.fail("must be at least 1 (or `all`)");
      } else if (node.is_map() || node.is_scalar()) {
        config::Node copy = node;
        reg->validate_module(copy, "patterns");
        spec.kind = ProbeSpec::Kind::source;
        spec.source = reg->family<PatternSource>("patterns").make(copy);
      } else {
        node.fail("expected `all`, a count, or a patterns module");
      }
    }
    if (p.has("targets")) {
      if (spec.kind != ProbeSpec::Kind::source)
        p.fail("targets", "only applies when probes is a patterns module");
      const config::Node& node = p.at("targets");
      if (!node.is_sequence()) node.fail("expected a list of pattern indices");
      for (const auto& item : node.items()) {
        const auto v = item.as_integer();
        if (v < 0) item.fail("must be a pattern index ≥ 0");
        spec.targets.push_back(static_cast<Eigen::Index>(v));
      }
    }
    return std::make_unique<RecallExperiment>(std::move(spec), p.real("success_overlap"));
  });
}

}  // namespace hopfield
