// The `attractors` experiment (see hopfield/experiments/attractors.hpp).
#include "hopfield/experiments/attractors.hpp"

#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace hopfield {

namespace {

const std::vector<std::string>& start_names() {
  static const std::vector<std::string> names{"exhaustive", "random", "noisy_patterns", "mixtures"};
  return names;
}

/// One distinct final state and the starts that reached it.
struct Found {
  PackedState words;
  std::int64_t basin = 0;
  std::int64_t sweeps = 0;
};

/// A uniformly random state: one bit per neuron from the stream (seed, starts, trial, k).
State random_state(const Model& model, std::uint64_t trial, std::uint64_t k) {
  const Eigen::Index n = model.network.neurons;
  const Representation r = model.network.representation;
  RandomStream rng(model.seed, Purpose::starts, 0, trial, k);
  State s(n);
  std::uint64_t bits = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (i % 64 == 0) bits = rng.next_u64();
    s[i] = (bits & 1U) != 0 ? on_value(r) : off_value(r);
    bits >>= 1;
  }
  return s;
}

bool sign_symmetric(const Network& net, const Dynamics& dynamics) {
  if (net.representation != Representation::bipolar) return false;
  if (tie_spec_of(dynamics, net).tie != TieRule::keep) return false;
  const Eigen::VectorXd offset = net.offset();
  return (offset.array() == 0.0).all();
}

}  // namespace

std::vector<std::pair<std::vector<Eigen::Index>, std::vector<int>>> mixture_starts(
    Eigen::Index patterns, int order, std::int64_t limit) {
  std::vector<std::pair<std::vector<Eigen::Index>, std::vector<int>>> out;
  const auto k = static_cast<Eigen::Index>(order);
  if (k > patterns) return out;
  std::vector<Eigen::Index> mu(static_cast<std::size_t>(k));
  std::iota(mu.begin(), mu.end(), 0);
  while (true) {
    for (std::uint32_t signs = 0; signs < (1U << order); ++signs) {
      if (limit > 0 && static_cast<std::int64_t>(out.size()) >= limit) return out;
      std::vector<int> sg(static_cast<std::size_t>(order));
      for (int j = 0; j < order; ++j)
        sg[static_cast<std::size_t>(j)] = ((signs >> j) & 1U) ? -1 : 1;
      out.emplace_back(mu, sg);
    }
    // Next k-subset in lexicographic order.
    Eigen::Index j = k - 1;
    while (j >= 0 && mu[static_cast<std::size_t>(j)] == patterns - k + j) --j;
    if (j < 0) return out;
    ++mu[static_cast<std::size_t>(j)];
    for (Eigen::Index q = j + 1; q < k; ++q)
      mu[static_cast<std::size_t>(q)] = mu[static_cast<std::size_t>(q - 1)] + 1;
  }
}

std::vector<Column> AttractorsExperiment::columns(const Model& model,
                                                  const TaskContext& /*context*/) const {
  const std::string t = "/attractors";
  std::vector<Column> cols{
      {t + "/states",
       DType::u64,
       {"row", "word"},
       "attractor state, bit-packed: bit i of word i/64 is 1 when neuron i is on (attribute "
       "`neurons` gives N)",
       "",
       t},
      {t + "/energy",
       DType::f64,
       {"row"},
       "energy E = −½sᵀWs + θᵀs − Iᵀs of the attractor",
       "energy",
       t},
      {t + "/class",
       DType::i64,
       {"row"},
       "class code: index into /attractors/class_names (pattern, reversed, mixture_3, "
       "mixture_5, mixture_7, spin_glass, other)",
       "",
       t},
      {t + "/pattern",
       DType::i64,
       {"row"},
       "the stored pattern of the largest |overlap| (the retrieved or reversed one for those "
       "classes)",
       "",
       t},
      {t + "/overlaps",
       DType::f64,
       {"row", "pattern"},
       "overlaps m_μ with every stored pattern (NaN-padded to the largest P)",
       "",
       t},
      {t + "/basin_count",
       DType::i64,
       {"row"},
       "number of starts whose dynamics ended here",
       "starts",
       t},
      {t + "/basin_fraction",
       DType::f64,
       {"row"},
       "basin_count / starts of the (point, trial)",
       "",
       t},
      {t + "/mean_sweeps",
       DType::f64,
       {"row"},
       "mean sweeps of the starts that ended here",
       "sweeps",
       t},
      {t + "/mirror",
       DType::i64,
       {"row"},
       "row (counted within the same point and trial) of the sign-reversed state −s when the "
       "model is sign-symmetric (bipolar, θ = I = 0, tie: keep) and −s was found; −1 otherwise",
       "",
       t},
      {t + "/fixed_point",
       DType::i64,
       {"row"},
       "1 if the state is one-flip stable (no single update changes it); 0 for the end of a "
       "cycle or of a run cut off at max_sweeps",
       "",
       t},
      {t + "/by_class/attractors",
       DType::i64,
       {"class"},
       "number of distinct attractors of each class (order of /attractors/class_names)",
       ""},
      {t + "/by_class/basin_fraction",
       DType::f64,
       {"class"},
       "fraction of the starts that ended in an attractor of each class",
       ""},
      {"/results/starts", DType::i64, {}, "number of starts", "starts"},
      {"/results/attractors", DType::i64, {}, "number of distinct final states", ""},
      {"/results/one_flip_stable",
       DType::i64,
       {},
       "exhaustive starts: number of one-flip-stable states (fixed points of the update rule, "
       "whatever the dynamics); −1 for other starts",
       ""},
      {"/results/not_converged",
       DType::i64,
       {},
       "starts whose dynamics ended without a fixed point (cycle or max_sweeps)",
       "starts"},
      {"/results/exact_basins",
       DType::i64,
       {},
       "1 when the basins are exact: exhaustive starts under deterministic dynamics (async "
       "sequential or sync)",
       ""},
      {"/results/patterns_stored", DType::i64, {}, "number of stored patterns P", ""},
  };
  if (options_.starts == StartKind::exhaustive && model.network.neurons > 32)
    throw InputError(fmt::format(
        "experiment.starts: exhaustive enumerates all 2^N states and needs network.neurons ≤ "
        "32 (got {}); use starts: random",
        model.network.neurons));
  return cols;
}

TaskResult AttractorsExperiment::run_task(const Model& model, std::uint64_t point,
                                          std::uint64_t trial, const TaskContext& context) const {
  const Trial t = build_trial(model, trial, context.threads);
  const PatternSet& ps = t.patterns;
  const Network& net = t.network;
  const Eigen::Index n = net.size();
  const Dynamics& dynamics = *model.dynamics;

  std::vector<Found> found;
  std::int64_t starts = 0;
  std::int64_t one_flip = -1;
  std::int64_t not_converged = 0;
  bool exact = false;
  if (options_.starts == StartKind::exhaustive) {
    CensusRequest request;
    request.network = &net;
    request.dynamics = &dynamics;
    request.seed = model.seed;
    request.point = point;
    request.trial = trial;
    request.threads = context.threads;
    request.stop = context.stop;
    const CensusResult census = exhaustive_census(request);
    if (context.stopped()) throw Interrupted();
    starts = std::int64_t{1} << n;
    one_flip = census.one_flip_stable;
    not_converged = census.not_converged;
    exact = census.exact_dynamics;
    for (const auto& e : census.attractors) found.push_back({{e.state}, e.basin, e.sweep_sum});
  } else {
    std::vector<std::pair<std::vector<Eigen::Index>, std::vector<int>>> mixtures;
    if (options_.starts == StartKind::mixtures) {
      mixtures = mixture_starts(ps.count(), options_.mixture_order, options_.count);
      starts = static_cast<std::int64_t>(mixtures.size());
    } else if (options_.starts == StartKind::noisy_patterns) {
      starts = options_.count * ps.count();
    } else {
      starts = options_.count;
    }
    const auto k_starts = static_cast<std::size_t>(starts);
    std::vector<PackedState> ends(k_starts);
    std::vector<int> sweeps(k_starts);
    std::vector<char> converged(k_starts);
    std::exception_ptr failure;
    std::mutex failure_mutex;
#pragma omp parallel for schedule(dynamic, 16) num_threads(context.threads)
    for (std::int64_t k = 0; k < starts; ++k) {
      try {
        if (context.stopped()) continue;
        const auto uk = static_cast<std::size_t>(k);
        State start;
        switch (options_.starts) {
          case StartKind::random:
            start = random_state(model, trial, uk);
            break;
          case StartKind::noisy_patterns:
            start = make_cue(model, ps.pattern(k / options_.count), trial, uk);
            break;
          case StartKind::mixtures:
          case StartKind::exhaustive:
            start = mixture_state(ps, mixtures[uk].first, mixtures[uk].second);
            break;
        }
        RandomStream rng(model.seed, Purpose::dynamics, point, trial, uk);
        const DynamicsResult r = dynamics.run(net, start, rng);
        ends[uk] = pack(r.state);
        sweeps[uk] = r.sweeps;
        converged[uk] = r.converged ? 1 : 0;
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
    if (failure) std::rethrow_exception(failure);
    if (context.stopped()) throw Interrupted();
    std::unordered_map<PackedState, std::size_t, PackedHash> index;
    for (std::size_t k = 0; k < k_starts; ++k) {
      const auto [it, fresh] = index.try_emplace(ends[k], found.size());
      if (fresh) found.push_back({ends[k], 0, 0});
      Found& f = found[it->second];
      ++f.basin;
      f.sweeps += sweeps[k];
      not_converged += converged[k] != 0 ? 0 : 1;
    }
  }

  // Describe each attractor, then order the rows by (energy, state) so that the table does
  // not depend on the order in which starts finished.
  struct Row {
    std::size_t found;
    double energy;
    Eigen::VectorXd m;
    Classification c;
    bool fixed;
  };
  const TieSpec tie = tie_spec_of(dynamics, net);
  std::vector<Row> rows(found.size());
#pragma omp parallel for schedule(dynamic, 8) num_threads(context.threads)
  for (std::int64_t k = 0; k < static_cast<std::int64_t>(found.size()); ++k) {
    const auto uk = static_cast<std::size_t>(k);
    const State s = unpack(found[uk].words, n, net.representation);
    Row& row = rows[uk];
    row.found = uk;
    row.energy = energy(net, s);
    row.m = overlaps(ps, s);
    row.c = classify(ps, s, row.m, options_.classify);
    row.fixed = one_flip_stable(net, s, tie.tie, tie.tolerance);
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.energy != b.energy) return a.energy < b.energy;
    return found[a.found].words < found[b.found].words;
  });

  const std::size_t nr = rows.size();
  const std::size_t words = found.empty() ? 0 : found.front().words.size();
  const auto np = static_cast<std::size_t>(ps.count());
  std::vector<std::int64_t> mirror(nr, -1);
  if (sign_symmetric(net, dynamics)) {
    std::unordered_map<PackedState, std::size_t, PackedHash> where;
    for (std::size_t r = 0; r < nr; ++r) where.emplace(found[rows[r].found].words, r);
    for (std::size_t r = 0; r < nr; ++r) {
      const auto it = where.find(complement(found[rows[r].found].words, n));
      if (it != where.end()) mirror[r] = static_cast<std::int64_t>(it->second);
    }
  }

  std::vector<std::uint64_t> state_words;
  std::vector<double> energy_col, cls, pat, ov, basin, fraction, mean_sweeps, mirror_col, fixed;
  std::vector<double> class_count(attractor_class_count, 0.0);
  std::vector<double> class_share(attractor_class_count, 0.0);
  const double total = static_cast<double>(std::max<std::int64_t>(starts, 1));
  for (std::size_t r = 0; r < nr; ++r) {
    const Row& row = rows[r];
    const Found& f = found[row.found];
    state_words.insert(state_words.end(), f.words.begin(), f.words.end());
    energy_col.push_back(row.energy);
    const int code = static_cast<int>(row.c.cls);
    cls.push_back(code);
    pat.push_back(static_cast<double>(row.c.pattern));
    for (std::size_t mu = 0; mu < np; ++mu) ov.push_back(row.m[static_cast<Eigen::Index>(mu)]);
    basin.push_back(static_cast<double>(f.basin));
    fraction.push_back(static_cast<double>(f.basin) / total);
    mean_sweeps.push_back(static_cast<double>(f.sweeps) / static_cast<double>(f.basin));
    mirror_col.push_back(static_cast<double>(mirror[r]));
    fixed.push_back(row.fixed ? 1.0 : 0.0);
    class_count[static_cast<std::size_t>(code)] += 1.0;
    class_share[static_cast<std::size_t>(code)] += static_cast<double>(f.basin) / total;
  }

  TaskResult result;
  result.point = point;
  result.trial = trial;
  result.slices.push_back(Slice::u64({nr, words}, std::move(state_words)));
  result.slices.push_back(Slice::vector(std::move(energy_col)));
  result.slices.push_back(Slice::vector(std::move(cls)));
  result.slices.push_back(Slice::vector(std::move(pat)));
  result.slices.push_back(Slice{{nr, np}, std::move(ov)});
  result.slices.push_back(Slice::vector(std::move(basin)));
  result.slices.push_back(Slice::vector(std::move(fraction)));
  result.slices.push_back(Slice::vector(std::move(mean_sweeps)));
  result.slices.push_back(Slice::vector(std::move(mirror_col)));
  result.slices.push_back(Slice::vector(std::move(fixed)));
  result.slices.push_back(Slice::vector(std::move(class_count)));
  result.slices.push_back(Slice::vector(std::move(class_share)));
  result.slices.push_back(Slice::scalar(static_cast<double>(starts)));
  result.slices.push_back(Slice::scalar(static_cast<double>(nr)));
  result.slices.push_back(Slice::scalar(static_cast<double>(one_flip)));
  result.slices.push_back(Slice::scalar(static_cast<double>(not_converged)));
  result.slices.push_back(Slice::scalar(exact ? 1.0 : 0.0));
  result.slices.push_back(Slice::scalar(static_cast<double>(ps.count())));
  return result;
}

void AttractorsExperiment::finish(const std::vector<const Model*>& points, Record& record) const {
  const auto& names = attractor_class_names();
  Dataset& ds = record.add("/attractors/class_names", DType::text, {names.size()}, {"class"},
                           "names of the class codes in /attractors/class and of the class "
                           "dimension of /attractors/by_class");
  ds.text = names;
  if (Dataset* states = record.find("/attractors/states")) {
    std::int64_t n = 0;
    for (const Model* m : points) n = std::max<std::int64_t>(n, m->network.neurons);
    states->integer_attributes.emplace_back("neurons", n);
  }
}

std::string AttractorsExperiment::summary(const Record& record) const {
  std::string out = "attractors:";
  const Dataset* starts = record.find("/results/starts");
  const Dataset* distinct = record.find("/results/attractors");
  if (starts != nullptr && distinct != nullptr) {
    std::int64_t s = 0;
    std::int64_t d = 0;
    for (auto v : starts->i64) s += v;
    for (auto v : distinct->i64) d += v;
    out += fmt::format(
        " {} start(s) over {} point(s) × {} trial(s) ended in {} distinct "
        "state(s) (counted per trial)",
        s, starts->shape[0], starts->shape[1], d);
  }
  if (const Dataset* ofs = record.find("/results/one_flip_stable");
      ofs != nullptr && ofs->i64.front() >= 0) {
    double sum = 0.0;
    for (auto v : ofs->i64) sum += static_cast<double>(v);
    out += fmt::format("; one-flip-stable states per trial {:.1f}",
                       sum / static_cast<double>(ofs->i64.size()));
  }
  if (const Dataset* share = record.find("/attractors/by_class/basin_fraction")) {
    const auto& names = attractor_class_names();
    const std::size_t tasks = share->shape[0] * share->shape[1];
    out += "; share of starts by class (mean over trials and points):";
    for (std::size_t c = 0; c < names.size(); ++c) {
      double sum = 0.0;
      for (std::size_t k = 0; k < tasks; ++k) sum += share->f64[k * names.size() + c];
      out += fmt::format(" {} {:.1f}%", names[c], 100.0 * sum / static_cast<double>(tasks));
    }
  }
  if (const Dataset* nc = record.find("/results/not_converged")) {
    std::int64_t sum = 0;
    for (auto v : nc->i64) sum += v;
    if (sum > 0) out += fmt::format("; {} start(s) did not reach a fixed point", sum);
  }
  return out;
}

void register_attractors(config::Registry& registry) {
  using config::ParamSpec;
  config::ModuleDoc doc{
      "experiment",
      "attractors",
      "census of the attractors the dynamics reach from many starts: deduplicated exactly, "
      "classified (pattern, reversed, mixture_k, spin_glass, other), with energies, overlaps "
      "and basin shares",
      {ParamSpec::choice("starts", "random", start_names(),
                         "where the dynamics start: `exhaustive` (all 2^N states, N ≤ 32; exact "
                         "basins and the count of one-flip-stable states), `random` (`count` "
                         "uniformly random states), `noisy_patterns` (`count` cues per stored "
                         "pattern, made by the probe-stage noise), `mixtures` (the symmetric "
                         "mixtures sign(±ξ^μ1 ± … ± ξ^μk) of order `mixture_order`)"),
       ParamSpec::integer("count", "1000",
                          "random: number of starts; noisy_patterns: cues per pattern; "
                          "mixtures: at most this many mixtures, in lexicographic order of "
                          "the pattern subsets (0: all)")
           .range(0, 1e9),
       ParamSpec::integer("mixture_order", "3",
                          "mixtures: number k of patterns in each mixture (odd)")
           .range(1, 7),
       ParamSpec::real("epsilon", "0.05",
                       "an overlap of at least 1 − ε with a pattern (or with a mixture state) "
                       "classifies the attractor as that pattern (mixture); ≤ −1 + ε as "
                       "reversed")
           .range(0.0, 1.0),
       ParamSpec::real("spin_glass_overlap", "0.3",
                       "an attractor that matches no pattern or mixture is `spin_glass` when "
                       "every |m_μ| is below this, else `other`")
           .range(0.0, 1.0)},
      "Deterministic dynamics (async with order: sequential, or sync) give exact basins with "
      "exhaustive starts; other dynamics are run once per start with their own random stream. "
      "Results: the long table /attractors (one row per distinct attractor per point and "
      "trial), /attractors/by_class and /results/{starts, attractors, one_flip_stable, …}; see "
      "docs/hdf5-schema.md."};
  registry.family<Experiment>("experiment").add(doc, [](const config::Params& p) {
    AttractorsOptions o;
    const std::string& starts = p.text("starts");
    const auto& names = start_names();
    o.starts =
        static_cast<StartKind>(std::find(names.begin(), names.end(), starts) - names.begin());
    o.count = p.integer("count");
    o.mixture_order = static_cast<int>(p.integer("mixture_order"));
    if (o.mixture_order % 2 == 0)
      p.fail("mixture_order", "must be odd (3, 5 or 7): an even mixture has ties");
    if (o.count == 0 && (o.starts == StartKind::random || o.starts == StartKind::noisy_patterns))
      p.fail("count", "must be at least 1 for random and noisy_patterns starts");
    o.classify.epsilon = p.real("epsilon");
    o.classify.spin_glass_overlap = p.real("spin_glass_overlap");
    return std::make_unique<AttractorsExperiment>(o);
  });
}

}  // namespace hopfield
