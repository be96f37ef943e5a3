// The `recall` experiment (see hopfield/experiments/recall.hpp).
#include "hopfield/experiments/recall.hpp"

#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>

#include <omp.h>

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

std::size_t at3(std::size_t a, std::size_t b, std::size_t c, std::size_t nb, std::size_t nc) {
  return (a * nb + b) * nc + c;
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

void RecallExperiment::run(const std::vector<const Model*>& points, std::uint64_t trials,
                           const RunContext& context, Record& record) const {
  const std::size_t n_points = points.size();
  const auto n_trials = static_cast<std::size_t>(trials);
  std::size_t max_probes = 0;
  std::size_t max_patterns = 0;
  Eigen::Index max_neurons = 0;
  std::uint64_t total_tasks = 0;
  for (const Model* m : points) {
    max_probes = std::max(max_probes, static_cast<std::size_t>(probe_count(*m)));
    max_patterns =
        std::max(max_patterns, static_cast<std::size_t>(m->patterns->count(m->network.neurons)));
    max_neurons = std::max(max_neurons, m->network.neurons);
    total_tasks += static_cast<std::uint64_t>(probe_count(*m)) * trials;
  }

  // One dataset per metric, shape (points, trials, probes), padded where a point has fewer.
  const std::vector<std::string> dims{"point", "trial", "probe"};
  const std::vector<std::size_t> shape{n_points, n_trials, max_probes};
  std::vector<MetricDef> metrics;
  bool want_trace = context.saves("trajectories");
  for (const auto& measure : points.front()->measures) {
    for (auto& def : measure->metrics()) metrics.push_back(def);
    want_trace = want_trace || measure->needs_energy_trace();
  }
  std::vector<Dataset*> metric_sets;
  for (const auto& def : metrics) {
    auto& ds = record.add("/results/" + def.name, def.integer ? DType::i64 : DType::f64, shape,
                          dims, def.description, def.unit);
    metric_sets.push_back(&ds);
  }
  auto& count = record.add("/results/count", DType::i64, {n_points, n_trials}, {"point", "trial"},
                           "number of probes presented in this (point, trial)");
  auto& stored = record.add("/results/patterns_stored", DType::i64, {n_points, n_trials},
                            {"point", "trial"}, "number of stored patterns P");
  auto& learned = record.add("/results/learning_converged", DType::i64, {n_points, n_trials},
                             {"point", "trial"},
                             "1 if the learning rule reached its criterion (always 1 for "
                             "one-shot rules)");
  Dataset* target_set = nullptr;
  Dataset* cue_set = nullptr;
  Dataset* final_set = nullptr;
  Dataset* pattern_set = nullptr;
  const auto nn = static_cast<std::size_t>(max_neurons);
  if (context.saves("probes")) {
    target_set = &record.add("/probes/target", DType::i64, shape, dims,
                             "index of the stored pattern each probe should recall");
    cue_set = &record.add("/probes/cue", DType::i8, {n_points, n_trials, max_probes, nn},
                          {"point", "trial", "probe", "neuron"}, "cue presented to the network");
    final_set = &record.add("/probes/final", DType::i8, {n_points, n_trials, max_probes, nn},
                            {"point", "trial", "probe", "neuron"}, "final state of the dynamics");
  }
  if (context.saves("patterns"))
    pattern_set = &record.add("/patterns/xi", DType::i8, {n_points, n_trials, max_patterns, nn},
                              {"point", "trial", "pattern", "neuron"},
                              "stored patterns in the network's representation");

  Dataset* coupling_set = nullptr;
  if (context.saves("couplings"))
    coupling_set = &record.add("/couplings/w", DType::f64, {n_points, n_trials, nn, nn},
                               {"point", "trial", "row", "column"},
                               "couplings W (after weight noise), row-major");

  // Energy traces: variable length, gathered per task and padded at the end.
  std::vector<std::vector<double>> traces(want_trace ? n_points * n_trials * max_probes : 0);

  std::uint64_t done = 0;
  for (std::size_t pi = 0; pi < n_points; ++pi) {
    const Model& model = *points[pi];
    for (std::size_t ti = 0; ti < n_trials; ++ti) {
      if (context.stopped()) throw Interrupted();
      const Trial trial = build_trial(model, ti);
      const PatternSet& ps = trial.patterns;
      count.i64[pi * n_trials + ti] = probe_count(model);
      stored.i64[pi * n_trials + ti] = ps.count();
      learned.i64[pi * n_trials + ti] = trial.learning_converged ? 1 : 0;
      if (pattern_set != nullptr) {
        for (Eigen::Index mu = 0; mu < ps.count(); ++mu)
          for (Eigen::Index i = 0; i < ps.neurons(); ++i)
            pattern_set->i8[(at3(pi, ti, static_cast<std::size_t>(mu), n_trials, max_patterns)) *
                                nn +
                            static_cast<std::size_t>(i)] =
                static_cast<std::int8_t>(ps.xi(mu, i));
      }

      if (coupling_set != nullptr) {
        const Eigen::MatrixXd w = trial.network.couplings->dense();
        const std::size_t base = (pi * n_trials + ti) * nn * nn;
        for (Eigen::Index i = 0; i < w.rows(); ++i)
          for (Eigen::Index j = 0; j < w.cols(); ++j)
            coupling_set->f64[base + static_cast<std::size_t>(i) * nn +
                              static_cast<std::size_t>(j)] = w(i, j);
      }

      ProbeList probes;
      const Eigen::Index np = probe_count(model);
      if (probes_.kind == ProbeSpec::Kind::source) {
        RandomStream rng(model.seed, Purpose::probes, 0, ti, 0);
        const PatternSet images =
            probes_.source->generate({model.network.neurons, model.network.representation}, rng);
        for (Eigen::Index k = 0; k < images.count(); ++k) {
          probes.clean.push_back(images.pattern(k));
          Eigen::Index target = -1;
          if (static_cast<std::size_t>(k) < probes_.targets.size()) {
            target = probes_.targets[static_cast<std::size_t>(k)];
            if (target >= ps.count())
              throw InputError(fmt::format("experiment.targets[{}] = {} but only {} patterns "
                                           "are stored",
                                           k, target, ps.count()));
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
        for (Eigen::Index k = 0; k < np; ++k) {
          probes.clean.push_back(ps.pattern(k));
          probes.target.push_back(k);
        }
      }

      std::exception_ptr failure;
      std::mutex failure_mutex;
      const auto n_probe = static_cast<std::int64_t>(probes.clean.size());
#pragma omp parallel for schedule(dynamic) num_threads(context.threads)
      for (std::int64_t k = 0; k < n_probe; ++k) {
        try {
          if (context.stopped()) continue;
          const auto uk = static_cast<std::size_t>(k);
          const State cue = make_cue(model, probes.clean[uk], ti, uk);
          RandomStream rng(model.seed, Purpose::dynamics, model.point, ti, uk);
          const DynamicsResult result = model.dynamics->run(trial.network, cue, rng);
          const ProbeOutcome outcome{trial.network, ps,     probes.target[uk],
                                     cue,           result, success_overlap_};
          const std::size_t slot = at3(pi, ti, uk, n_trials, max_probes);
          std::vector<double> values;
          std::size_t column = 0;
          for (const auto& measure : model.measures) {
            values.assign(measure->metrics().size(), 0.0);
            measure->compute(outcome, values);
            for (double v : values) {
              Dataset& ds = *metric_sets[column++];
              if (ds.dtype == DType::i64) {
                ds.i64[slot] = std::isfinite(v) ? static_cast<std::int64_t>(v) : -1;
              } else {
                ds.f64[slot] = v;
              }
            }
          }
          if (want_trace) traces[slot] = result.energy_trace;
          if (target_set != nullptr) {
            target_set->i64[slot] = probes.target[uk];
            for (Eigen::Index i = 0; i < cue.size(); ++i) {
              cue_set->i8[slot * nn + static_cast<std::size_t>(i)] =
                  static_cast<std::int8_t>(cue(i));
              final_set->i8[slot * nn + static_cast<std::size_t>(i)] =
                  static_cast<std::int8_t>(result.state(i));
            }
          }
        } catch (...) {
          const std::lock_guard<std::mutex> lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
      }
      if (failure) std::rethrow_exception(failure);
      if (context.stopped()) throw Interrupted();
      done += static_cast<std::uint64_t>(n_probe);
      if (context.progress) context.progress(done, total_tasks);
    }
  }

  if (want_trace) {
    std::size_t longest = 0;
    for (const auto& t : traces) longest = std::max(longest, t.size());
    auto& energy = record.add("/trajectories/energy", DType::f64,
                              {n_points, n_trials, max_probes, longest},
                              {"point", "trial", "probe", "sweep"},
                              "energy of the cue (sweep 0) and after every sweep; NaN-padded",
                              "energy");
    for (std::size_t slot = 0; slot < traces.size(); ++slot)
      std::copy(traces[slot].begin(), traces[slot].end(), energy.f64.begin() + slot * longest);
  }
}

std::string RecallExperiment::summary(const Record& record) const {
  // Mean over every presented probe; uncertainty is the standard error over trials.
  auto per_trial_mean = [&](const Dataset& ds) {
    const std::size_t trials = ds.shape[1];
    const std::size_t probes = ds.shape[2];
    std::vector<double> means;
    for (std::size_t p = 0; p < ds.shape[0]; ++p)
      for (std::size_t t = 0; t < trials; ++t) {
        double sum = 0.0;
        std::size_t n = 0;
        for (std::size_t k = 0; k < probes; ++k) {
          const std::size_t slot = (p * trials + t) * probes + k;
          const double v = ds.dtype == DType::i64 ? static_cast<double>(ds.i64[slot]) : ds.f64[slot];
          if (std::isnan(v) || (ds.dtype == DType::i64 && ds.i64[slot] < 0)) continue;
          sum += v;
          ++n;
        }
        if (n > 0) means.push_back(sum / static_cast<double>(n));
      }
    return means;
  };
  auto mean_se = [](const std::vector<double>& v) {
    double mean = 0.0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(std::max<std::size_t>(1, v.size()));
    double var = 0.0;
    for (double x : v) var += (x - mean) * (x - mean);
    const double se = v.size() > 1 ? std::sqrt(var / static_cast<double>(v.size() - 1) /
                                                static_cast<double>(v.size()))
                                    : 0.0;
    return std::pair{mean, se};
  };
  std::string out;
  const Dataset* count = record.find("/results/count");
  std::int64_t probes = 0;
  if (count != nullptr)
    for (auto c : count->i64) probes += c;
  const std::size_t trials = count != nullptr ? count->shape[1] : 0;
  out += fmt::format("recall: {} probes over {} trial(s)", probes, trials);
  if (const auto* ds = record.find("/results/overlap")) {
    auto [m, se] = mean_se(per_trial_mean(*ds));
    out += fmt::format("; mean overlap {:.4f} ± {:.4f}", m, se);
  }
  if (const auto* ds = record.find("/results/success")) {
    auto [m, se] = mean_se(per_trial_mean(*ds));
    out += fmt::format("; success rate {:.1f}% ± {:.1f}% (overlap ≥ {})", 100 * m, 100 * se,
                       success_overlap_);
  }
  if (const auto* ds = record.find("/results/sweeps")) {
    auto [m, se] = mean_se(per_trial_mean(*ds));
    out += fmt::format("; mean sweeps {:.2f}", m);
  }
  if (const auto* ds = record.find("/results/converged")) {
    auto [m, se] = mean_se(per_trial_mean(*ds));
    out += fmt::format("; converged {:.1f}%", 100 * m);
  }
  return out;
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
