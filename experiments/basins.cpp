// The `basins` experiment (see hopfield/experiments/basins.hpp).
#include "hopfield/experiments/basins.hpp"

#include "hopfield/experiments/parallel.hpp"
#include "hopfield/experiments/statistics.hpp"
#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopfield {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The flip fractions: a list, or {from, to, steps} (evenly spaced, both ends included).
std::vector<double> parse_fractions(const config::Node& node) {
  std::vector<double> out;
  if (node.is_sequence()) {
    for (const auto& item : node.items()) out.push_back(item.as_real());
  } else if (node.is_map()) {
    const std::vector<std::string> keys{"from", "to", "steps"};
    for (const auto& [key, child] : node.entries()) {
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const std::string guess = config::closest_match(key, keys);
      child.fail("unknown key '" + key + "' in fractions" +
                 (guess.empty() ? "" : " (did you mean '" + guess + "'?)") +
                 "; expected from, to, steps");
    }
    for (const char* key : {"from", "to", "steps"})
      if (!node.has(key)) node.fail(std::string("missing key '") + key + "' ({from, to, steps})");
    const double from = node.at("from").as_real();
    const double to = node.at("to").as_real();
    const std::int64_t steps = node.at("steps").as_integer();
    if (steps < 1) node.at("steps").fail("must be at least 1");
    if (steps == 1 && from != to) node.at("steps").fail("must be at least 2 when from ≠ to");
    for (std::int64_t k = 0; k < steps; ++k)
      out.push_back(steps == 1 ? from
                               : from + (to - from) * static_cast<double>(k) /
                                            static_cast<double>(steps - 1));
  } else if (node.is_scalar()) {
    out.push_back(node.as_real());
  } else {
    node.fail("expected a list of flip fractions or {from, to, steps}");
  }
  if (out.empty()) node.fail("needs at least one flip fraction");
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (!(out[k] >= 0.0 && out[k] <= 1.0))
      node.fail(fmt::format("flip fraction {} is outside [0, 1]", out[k]));
    if (k > 0 && !(out[k] > out[k - 1]))
      node.fail(
          fmt::format("flip fractions must increase strictly ({} follows {})", out[k], out[k - 1]));
  }
  return out;
}

/// The fraction of bits a flip of fraction f actually flips in N neurons: round(fN)/N.
double flipped_fraction(double f, Eigen::Index n) {
  const double nn = static_cast<double>(n);
  return static_cast<double>(std::llround(f * nn)) / nn;
}

}  // namespace

Radius basin_radius(const std::vector<double>& x, const std::vector<double>& p, double level) {
  Radius r;
  std::size_t last = p.size();
  for (std::size_t k = p.size(); k-- > 0;)
    if (p[k] >= level) {
      last = k;
      break;
    }
  if (last == p.size()) return r;  // below the level everywhere: no basin on this grid
  if (last + 1 == p.size()) {
    r.value = x[last];
    r.censored = true;
    return r;
  }
  const double t = (p[last] - level) / (p[last] - p[last + 1]);
  r.value = x[last] + t * (x[last + 1] - x[last]);
  return r;
}

std::vector<Column> BasinsExperiment::columns(const Model& model,
                                              const TaskContext& /*context*/) const {
  for (std::size_t k = 0; k < model.noise.size(); ++k)
    if (model.noise[k]->stage() == NoiseStage::probe)
      throw InputError(fmt::format(
          "noise[{}]: the basins experiment makes its cues itself, by flipping each fraction of "
          "experiment.fractions; remove the probe-stage noise (weights and dynamics noise are "
          "allowed)",
          k));
  return {
      {"/results/flip_fraction",
       DType::f64,
       {"fraction"},
       "fraction of bits flipped in each cue, round(fN)/N for each f of experiment.fractions",
       ""},
      {"/results/success_probability",
       DType::f64,
       {"fraction"},
       "fraction of cues whose final overlap with their pattern is ≥ success_overlap, mean over "
       "the tested patterns",
       ""},
      {"/results/overlap",
       DType::f64,
       {"fraction"},
       "final overlap with the cued pattern, mean over the tested patterns and their cues",
       ""},
      {"/results/success_by_pattern",
       DType::f64,
       {"pattern", "fraction"},
       "success probability of each tested pattern at each flip fraction (over its cues)",
       ""},
      {"/results/radius",
       DType::f64,
       {"pattern"},
       "basin radius: the flip fraction where the pattern's success probability falls below "
       "`level` (largest grid fraction with success ≥ level, interpolated linearly to the next)",
       ""},
      {"/results/radius_censored",
       DType::i64,
       {"pattern"},
       "1 when the success probability is ≥ level even at the largest fraction (the radius is "
       "then that fraction, a lower bound)",
       ""},
      {"/results/mean_radius", DType::f64, {}, "basin radius, mean over the tested patterns", ""},
      {"/results/count", DType::i64, {}, "number of patterns tested", ""},
      {"/results/alpha", DType::f64, {}, "load α = P/N", ""},
      {"/results/patterns_stored", DType::i64, {}, "number of stored patterns P", ""},
      {"/results/not_converged",
       DType::i64,
       {},
       "runs (of count × fractions × cues) that ended without reaching a fixed point",
       "runs"},
      {"/results/learning_converged",
       DType::i64,
       {},
       "1 if the learning rule reached its criterion (always 1 for one-shot rules)",
       ""},
  };
}

TaskResult BasinsExperiment::run_task(const Model& model, std::uint64_t point, std::uint64_t trial,
                                      const TaskContext& context) const {
  const Trial t = build_trial(model, trial);
  const PatternSet& ps = t.patterns;
  const Network& net = t.network;
  const Eigen::Index n = net.size();
  const Eigen::Index np = options_.probes > 0 ? std::min(options_.probes, ps.count()) : ps.count();
  const std::size_t nf = flips_.size();
  const auto nc = static_cast<std::size_t>(options_.cues);
  const std::size_t runs = static_cast<std::size_t>(np) * nc;

  // One iteration per (pattern μ, cue c), item μ·cues + c, running every fraction: the cue
  // stream is the same at every fraction, so with exact flips a larger fraction flips a
  // superset of the bits (nested cues, common random numbers along the curve), and the item
  // of a pattern does not depend on P (the same cues at every load of a sweep).
  std::vector<double> m(runs * nf);
  std::vector<char> ok(runs * nf);
  std::vector<int> unconverged(runs);
  parallel_for(static_cast<std::int64_t>(runs), context, [&](std::size_t item) {
    const auto mu = static_cast<Eigen::Index>(item / nc);
    const State clean = ps.pattern(mu);
    for (std::size_t k = 0; k < nf; ++k) {
      const State cue = make_cue(model, clean, trial, item, *flips_[k]);
      RandomStream rng(model.seed, Purpose::dynamics, point, trial, item);
      const DynamicsResult r = model.dynamics->run(net, cue, rng);
      const double q = overlap(ps, mu, r.state);
      m[item * nf + k] = q;
      ok[item * nf + k] = q >= options_.success_overlap ? 1 : 0;
      unconverged[item] += r.converged ? 0 : 1;
    }
  });

  std::vector<double> x(nf);
  for (std::size_t k = 0; k < nf; ++k) x[k] = flipped_fraction(options_.fractions[k], n);
  const auto unp = static_cast<std::size_t>(np);
  std::vector<double> by_pattern(unp * nf, 0.0), mean_success(nf, 0.0), mean_overlap(nf, 0.0);
  std::vector<double> radius(unp), censored(unp);
  double radius_sum = 0.0;
  for (std::size_t mu = 0; mu < unp; ++mu) {
    std::vector<double> p(nf, 0.0);
    for (std::size_t c = 0; c < nc; ++c)
      for (std::size_t k = 0; k < nf; ++k) {
        const std::size_t slot = (mu * nc + c) * nf + k;
        p[k] += ok[slot] != 0 ? 1.0 : 0.0;
        mean_overlap[k] += m[slot];
      }
    for (std::size_t k = 0; k < nf; ++k) {
      p[k] /= static_cast<double>(nc);
      by_pattern[mu * nf + k] = p[k];
      mean_success[k] += p[k];
    }
    const Radius r = basin_radius(x, p, options_.level);
    radius[mu] = r.value;
    censored[mu] = r.censored ? 1.0 : 0.0;
    radius_sum += r.value;
  }
  for (std::size_t k = 0; k < nf; ++k) {
    mean_success[k] = unp > 0 ? mean_success[k] / static_cast<double>(unp) : nan;
    mean_overlap[k] = runs > 0 ? mean_overlap[k] / static_cast<double>(runs) : nan;
  }
  std::int64_t not_converged = 0;
  for (int u : unconverged) not_converged += u;

  TaskResult result;
  result.point = point;
  result.trial = trial;
  result.slices.push_back(Slice::vector(std::move(x)));
  result.slices.push_back(Slice::vector(std::move(mean_success)));
  result.slices.push_back(Slice::vector(std::move(mean_overlap)));
  result.slices.push_back(Slice{{unp, nf}, std::move(by_pattern)});
  result.slices.push_back(Slice::vector(std::move(radius)));
  result.slices.push_back(Slice::vector(std::move(censored)));
  result.slices.push_back(Slice::scalar(unp > 0 ? radius_sum / static_cast<double>(unp) : nan));
  result.slices.push_back(Slice::scalar(static_cast<double>(np)));
  result.slices.push_back(
      Slice::scalar(static_cast<double>(ps.count()) / static_cast<double>(ps.neurons())));
  result.slices.push_back(Slice::scalar(static_cast<double>(ps.count())));
  result.slices.push_back(Slice::scalar(static_cast<double>(not_converged)));
  result.slices.push_back(Slice::scalar(t.learning_converged ? 1.0 : 0.0));
  return result;
}

void BasinsExperiment::finish(const std::vector<const Model*>& /*points*/, Record& record) const {
  const Dataset* success = record.find("/results/success_probability");
  if (success == nullptr || success->shape.size() != 3) return;
  const std::size_t points = success->shape[0];
  const std::size_t trials = success->shape[1];
  const std::size_t nf = success->shape[2];
  const std::vector<double>& values = success->f64;  // add() keeps references (a deque)
  Dataset& mean =
      record.add("/summary/success_curve_mean", DType::f64, {points, nf}, {"point", "fraction"},
                 "success probability at each flip fraction, mean over trials of "
                 "/results/success_probability");
  Dataset& sem =
      record.add("/summary/success_curve_sem", DType::f64, {points, nf}, {"point", "fraction"},
                 "standard error over trials of /summary/success_curve_mean");
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t k = 0; k < nf; ++k) {
      std::vector<double> samples;
      for (std::size_t t = 0; t < trials; ++t) {
        const double v = values[(p * trials + t) * nf + k];
        if (!std::isnan(v)) samples.push_back(v);
      }
      const MeanError e = mean_and_error(samples);
      mean.f64[p * nf + k] = e.samples > 0 ? e.mean : nan;
      sem.f64[p * nf + k] = e.samples > 1 ? e.error : nan;
    }
}

std::string BasinsExperiment::summary(const Record& record) const {
  std::string out = "basins:";
  const Dataset* count = record.find("/results/count");
  if (count != nullptr) {
    out += fmt::format(
        " {} pattern(s) × {} flip fraction(s) × {} cue(s) over {} point(s) × {} trial(s)",
        integer_total(*count), options_.fractions.size(), options_.cues, count->shape[0],
        count->shape[1]);
  }
  if (const Dataset* r = record.find("/results/mean_radius")) {
    const MeanError e = trial_mean_and_error(*r);
    out += fmt::format(
        "; mean basin radius {:.4f} ± {:.4f} (largest flip fraction with "
        "P(m ≥ {}) ≥ {})",
        e.mean, e.error, options_.success_overlap, options_.level);
  }
  if (const Dataset* c = record.find("/results/radius_censored")) {
    const std::int64_t censored = integer_total(*c);
    if (censored > 0)
      out += fmt::format("; {} pattern(s) retrieved at every fraction (radius ≥ the largest)",
                         censored);
  }
  if (const Dataset* nc = record.find("/results/not_converged")) {
    const std::int64_t sum = integer_total(*nc);
    if (sum > 0) out += fmt::format("; {} run(s) did not reach a fixed point", sum);
  }
  const Dataset* m = record.find("/summary/mean_radius_mean");
  const Dataset* e = record.find("/summary/mean_radius_sem");
  const std::size_t points = count != nullptr ? count->shape[0] : 0;
  std::string details;
  if (points > 1 && points <= 24 && m != nullptr && e != nullptr) {
    details += "per point (mean basin radius ± s.e.):";
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
  return details.empty() ? out : out + "\n" + details;
}

void register_basins(config::Registry& registry) {
  using config::ParamSpec;
  ParamSpec fractions = ParamSpec::any(
      "fractions",
      "flip fractions f of the cues: a list, or {from: a, to: b, steps: n} (n evenly spaced "
      "values, both ends included); strictly increasing, in [0, 1]; each cue has exactly "
      "round(fN) bits flipped");
  fractions.optional = false;
  fractions.default_text = "[0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]";
  config::ModuleDoc doc{
      "experiment",
      "basins",
      "basin radius of each stored pattern: the success probability of cues with a growing "
      "fraction of flipped bits, and the largest fraction still retrieved with probability "
      "≥ level",
      {fractions,
       ParamSpec::integer("cues", "20", "cues per pattern and flip fraction").range(1, 1e7),
       ParamSpec::integer("probes", "0", "patterns tested per trial (0: every stored pattern)")
           .at_least(0),
       ParamSpec::real("success_overlap", "0.95",
                       "a cue is retrieved when its final overlap with the pattern is at least "
                       "this")
           .range(-1.0, 1.0),
       ParamSpec::real("level", "0.5",
                       "the radius is the flip fraction where a pattern's success probability "
                       "falls below this")
           .range(0.0, 1.0)
           .above(0.0)},
      "Each cue is its pattern with exactly round(fN) bits flipped, made by the flip noise "
      "module from the cue stream of (trial, pattern, cue); the same stream at every fraction "
      "makes the flipped sets nested. The radius of a pattern is read off its success curve: "
      "the largest grid fraction where the success probability is ≥ level, interpolated "
      "linearly to the next fraction (0 when it is below the level at every fraction; the "
      "largest fraction, flagged in /results/radius_censored, when it never falls below). "
      "Sweep the load and the rule (`sweep.grid: {patterns.alpha: …, learning: […]}`) for "
      "radius against α per rule. The cues are the experiment's own: probe-stage noise in "
      "`noise:` is refused. See docs/basins.md."};
  const config::Registry* reg = &registry;
  registry.family<Experiment>("experiment").add(doc, [reg](const config::Params& p) {
    BasinsOptions o;
    const config::Node& node = p.at("fractions");
    o.fractions = parse_fractions(node);
    o.cues = p.integer("cues");
    o.probes = static_cast<Eigen::Index>(p.integer("probes"));
    o.success_overlap = p.real("success_overlap");
    o.level = p.real("level");
    std::vector<std::shared_ptr<const Noise>> flips;
    for (double f : o.fractions) {
      config::Node flip = config::Node::make_map(node.location());
      flip.set("type", config::Node::make_scalar("flip", node.location()));
      flip.set("fraction", config::Node::make_scalar(fmt::format("{}", f), node.location()));
      flip.assign_paths(node.path());
      reg->validate_module(flip, "noise");
      flips.push_back(reg->family<Noise>("noise").make(flip));
    }
    return std::make_unique<BasinsExperiment>(std::move(o), std::move(flips));
  });
}

}  // namespace hopfield
