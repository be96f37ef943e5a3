// Assembly of a trial from a validated configuration (see hopfield/model/model.hpp).
#include "hopfield/model/model.hpp"

#include "hopfield/core/kernels.hpp"
#include "hopfield/core/memory.hpp"
#include "hopfield/dynamics/modules.hpp"
#include "hopfield/learning/modules.hpp"
#include "hopfield/measure/modules.hpp"
#include "hopfield/noise/modules.hpp"
#include "hopfield/optimisation/modules.hpp"
#include "hopfield/patterns/modules.hpp"
#include "hopfield/sweep/sweep.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>

namespace hopfield {

using config::Node;
using config::ParamSpec;

namespace {

constexpr std::int64_t max_neurons = (std::int64_t{1} << 31) - 1;

std::vector<ParamSpec> network_schema() {
  return {
      ParamSpec::integer("neurons", "",
                         "number of neurons N; may be omitted when the patterns "
                         "fix it (inline, idx, pbm)")
          .range(1, static_cast<double>(max_neurons))
          .make_optional(),
      ParamSpec::choice("representation", "bipolar", {"bipolar", "binary"},
                        "neuron states: bipolar s ∈ {−1,+1} or binary s ∈ {0,1}"),
      ParamSpec::real_list("threshold", "0.0",
                           "threshold θ (subtracted from the field): one value for every neuron "
                           "or a list of N values"),
      ParamSpec::real_list("bias", "0.0",
                           "external input I (added to the field): one value or a list of N"),
      ParamSpec::boolean("self_coupling", "false",
                         "keep the diagonal w_ii of the learned couplings; energy descent under "
                         "asynchronous updates is then not guaranteed"),
      ParamSpec::choice("storage", "auto", {"auto", "dense", "integer", "matrix_free", "sparse"},
                        "coupling storage: dense (float matrix), integer (exact int16/int8 "
                        "matrix, integer-valued rules such as hebbian), matrix_free (bit-packed "
                        "patterns, hebbian), sparse (with a dilution noise module); auto picks "
                        "by N, P, rule and available memory (see docs/performance.md)"),
      ParamSpec::choice("precision", "float32", {"float32", "float64"},
                        "floating-point type of dense couplings"),
  };
}

std::vector<ParamSpec> output_schema() {
  return {
      ParamSpec::text("path", "",
                      "results file (HDF5); written as <path>.partial and renamed on success; "
                      "default results/<config name>.h5")
          .make_optional(),
      ParamSpec::any("save",
                     "extra groups to store: patterns, probes, trajectories, couplings "
                     "(a list; default none)"),
  };
}

const std::vector<std::string>& save_choices() {
  static const std::vector<std::string> choices{"patterns", "probes", "trajectories", "couplings"};
  return choices;
}

std::vector<double> broadcast(const std::vector<double>& values, Eigen::Index n,
                              const Node& where) {
  if (values.size() == 1) return std::vector<double>(static_cast<std::size_t>(n), values[0]);
  if (static_cast<Eigen::Index>(values.size()) != n)
    where.fail("has " + std::to_string(values.size()) + " values but the network has " +
               std::to_string(n) + " neurons (give one value or one per neuron)");
  return values;
}

Eigen::VectorXd to_vector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

/// The first weight-stage noise module, or null.
const Noise* first_weight_noise(const Model& model) {
  for (const auto& z : model.noise)
    if (z->stage() == NoiseStage::weights) return z.get();
  return nullptr;
}

/// True when the first weight-stage module dilutes into sparse storage.
bool sparse_dilution(const Model& model) {
  const Noise* first = first_weight_noise(model);
  return first != nullptr && first->sparse_entries(model.network.neurons) > 0.0;
}

/// Below this many neurons `auto` keeps an integer-valued rule's couplings as an N × N integer
/// matrix (O(1) per field, N² bytes); above it, matrix-free (O(P) per field, N·P/4 bytes).
constexpr Eigen::Index auto_matrix_limit = 20000;

double gib(double bytes) {
  return bytes / 1073741824.0;
}

/// The memory a run may plan to use: the budget (physical memory, the cgroup limit of the job
/// or HOPFIELD_MEMORY_LIMIT, see hopfield/core/memory.hpp) and, without an explicit limit, no
/// more than the kernel reports as available now (MemAvailable), since other processes hold
/// the rest.
MemoryBudget usable_memory() {
  MemoryBudget budget = memory_budget();
  if (const char* limit = std::getenv("HOPFIELD_MEMORY_LIMIT"); limit != nullptr && *limit != 0)
    return budget;
  if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    double kib = -1.0;
    while (std::fgets(line, sizeof line, f) != nullptr) {
      if (std::sscanf(line, "MemAvailable: %lf kB", &kib) == 1) break;
    }
    std::fclose(f);
    const double available = kib * 1024.0;
    if (kib > 0.0 && (budget.bytes <= 0.0 || available < budget.bytes))
      budget = {available, "the memory available now (MemAvailable) is"};
  }
  return budget;
}

/// Bytes a trial of this storage allocates: the couplings, whatever the rule builds them from,
/// and the patterns (one byte per entry).
double storage_bytes(StorageKind storage, Eigen::Index n, Eigen::Index p, Precision precision,
                     const Model& model, double sparse_entries) {
  const double nd = static_cast<double>(n);
  const double pd = static_cast<double>(p);
  // The process itself (code, libraries, HDF5 and result buffers), the patterns (one byte per
  // entry) and, per neuron, threshold, bias, state, fields and the dynamics' work vectors.
  constexpr double process = 16.0 * 1048576.0;
  const double common = process + nd * pd + nd * 64.0;
  const double bits =
      nd * static_cast<double>(kernels::round_up(std::max<Eigen::Index>(p, 1), 512)) / 8.0;
  const double bytes_per = precision == Precision::float32 ? 4.0 : 8.0;
  switch (storage) {
    case StorageKind::integer: {
      const double element = p <= 127 ? 1.0 : 2.0;
      // The matrix, and the bit-packed patterns twice (the Hebbian factor, kept for fields).
      return nd * static_cast<double>(kernels::round_up(n, 64)) * element + 2.0 * bits + common;
    }
    case StorageKind::matrix_free:
      return 2.0 * bits + common;
    case StorageKind::sparse:
      // float32 values and int32 indices twice (rows and columns), the float64 triplets they are
      // built from, and the bit-packed patterns they are read from.
      return sparse_entries * (8.0 + 8.0 + 16.0 + 16.0) + 2.0 * bits + common;
    case StorageKind::dense:
      break;
  }
  // Rules with integer kernels write the storage directly from the bits; the others build a
  // float64 matrix first from float64 images of the patterns (weight noise, too, works on a
  // float64 copy).
  const bool direct = model.learning->supports(StorageKind::integer) &&
                      std::none_of(model.noise.begin(), model.noise.end(),
                                   [](const auto& z) { return z->stage() == NoiseStage::weights; });
  if (direct) return nd * nd * bytes_per + bits + common;
  return nd * nd * (bytes_per + 8.0) + nd * pd * 8.0 + common;
}

[[noreturn]] void refuse(StorageKind storage, Eigen::Index n, Eigen::Index p, double need,
                         const MemoryBudget& have, const Node& where) {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "%s %s network of %lld neurons storing %lld patterns needs about %.1f GiB but %s "
                "%.1f GiB",
                storage == StorageKind::integer ? "an" : "a",
                std::string(to_string(storage)).c_str(), static_cast<long long>(n),
                static_cast<long long>(p), gib(need), have.source.c_str(), gib(have.bytes));
  where.fail(buf);
}

/// Resolves network.storage for N neurons and P patterns (DESIGN.md §3) and refuses, before
/// anything is allocated, a network that cannot fit in the available memory.
void resolve_storage(Model& model, Eigen::Index p, const Node& root, const Node& size_node) {
  const Node& net = root.at("network");
  NetworkSpec& spec = model.network;
  const Eigen::Index n = spec.neurons;
  const std::string& requested = spec.storage;
  const Node& where = net.at("storage");
  const LearningRule& rule = *model.learning;
  const bool dilutes = sparse_dilution(model);
  const auto weight_noise = std::find_if(model.noise.begin(), model.noise.end(), [](const auto& z) {
    return z->stage() == NoiseStage::weights;
  });
  const bool has_weight_noise = weight_noise != model.noise.end();
  const double entries = dilutes ? first_weight_noise(model)->sparse_entries(n) : 0.0;
  const MemoryBudget have = usable_memory();
  // Unknown memory (no /proc, no sysconf): no refusal.
  const double budget =
      have.bytes > 0.0 ? 0.9 * have.bytes : std::numeric_limits<double>::infinity();
  auto bytes = [&](StorageKind kind) {
    return storage_bytes(kind, n, p, spec.precision, model, entries);
  };
  auto choose = [&](StorageKind kind, std::string reason) {
    spec.resolved_storage = kind;
    spec.storage_reason = std::move(reason);
    spec.storage_bytes = bytes(kind);
    if (spec.storage_bytes > budget) refuse(kind, n, p, spec.storage_bytes, have, size_node);
  };
  const std::string rule_name = root.at("learning").at("type").text();
  std::string noise_name;
  if (has_weight_noise) {
    const auto items = root.at("noise").items();
    noise_name =
        items[static_cast<std::size_t>(weight_noise - model.noise.begin())].at("type").text();
  }

  if (dilutes || requested == "sparse") {
    if (!dilutes)
      where.fail(
          "'sparse' stores diluted couplings: add a weight-stage dilution noise module that "
          "keeps few couplings ({type: dilution, fraction: …} with fraction ≤ 0.05, or its "
          "storage: sparse)");
    if (requested != "auto" && requested != "sparse")
      where.fail("is '" + requested +
                 "' but the dilution noise stores the couplings sparsely; use auto or sparse "
                 "(or the dilution module's storage: dense)");
    choose(StorageKind::sparse, "the dilution noise keeps few couplings");
    return;
  }
  if (has_weight_noise && (requested == "integer" || requested == "matrix_free"))
    where.fail("is '" + requested + "' but the weight-stage noise module '" + noise_name +
               "' changes the learned couplings into a dense real-valued matrix; use dense or "
               "auto");
  const bool integer_rule = rule.supports(StorageKind::integer) && !has_weight_noise;
  const bool free_rule = rule.supports(StorageKind::matrix_free) && !has_weight_noise;
  if (requested == "integer") {
    if (!rule.supports(StorageKind::integer))
      where.fail("is 'integer' but learning rule '" + rule_name +
                 "' gives real-valued couplings; integer storage holds integer-valued rules "
                 "(hebbian)");
    if (p > 32767)
      where.fail("is 'integer' but " + std::to_string(p) +
                 " patterns give couplings beyond the int16 range (P ≤ 32767)");
    if (n > 65535 && bytes(StorageKind::integer) <= budget)
      where.fail("is 'integer' but " + std::to_string(n) +
                 " neurons exceed the 65535 that exact int32 fields allow; use matrix_free");
    choose(StorageKind::integer, "requested");
    return;
  }
  if (requested == "matrix_free") {
    if (!rule.supports(StorageKind::matrix_free))
      where.fail("is 'matrix_free' but learning rule '" + rule_name +
                 "' has no matrix-free form; matrix_free holds the hebbian rule");
    choose(StorageKind::matrix_free, "requested");
    return;
  }
  if (requested == "dense") {
    choose(StorageKind::dense, "requested");
    return;
  }
  // auto
  if (integer_rule && p <= 32767 && n <= auto_matrix_limit &&
      bytes(StorageKind::integer) <= budget) {
    choose(StorageKind::integer, "integer-valued rule, N ≤ 20000 and the matrix fits");
    return;
  }
  if (free_rule && bytes(StorageKind::matrix_free) <= budget) {
    choose(StorageKind::matrix_free, n > auto_matrix_limit
                                         ? "hebbian rule and N > 20000"
                                         : "hebbian rule and an N × N matrix does not fit");
    return;
  }
  if (integer_rule || free_rule) {
    // Nothing fits: refuse with the smallest estimate.
    choose(free_rule ? StorageKind::matrix_free : StorageKind::integer, "smallest");
    return;
  }
  choose(StorageKind::dense, "real-valued rule or weight noise");
}

}  // namespace

std::vector<ParamSpec> top_level_schema() {
  return {
      ParamSpec::module("experiment", "experiment", "recall",
                        "what the run measures: {type: recall, …}"),
      ParamSpec::integer("seed", "1",
                         "master seed: every random draw is keyed by (seed, purpose) and counted "
                         "by (point, trial, item)")
          .range(0, 9.0e18),
      ParamSpec::section("network", network_schema(), "the network: size, states, thresholds"),
      ParamSpec::module("patterns", "patterns", "",
                        "the stored patterns ξ^μ (required except for experiment: optimise)")
          .make_optional(),
      ParamSpec::module("learning", "learning", "hebbian", "the learning rule W(ξ)"),
      ParamSpec::module_list("noise", "noise", "[]",
                             "noise modules, each applied at its stage (weights, probe, dynamics)"),
      ParamSpec::module("dynamics", "dynamics", "async", "the update dynamics"),
      ParamSpec::module_list("measure", "measure",
                             "[overlap, max_overlap, hamming, energy, sweeps, converged, cycle, "
                             "success]",
                             "what is recorded for every probe"),
      ParamSpec::section("sweep", sweep::sweep_schema(),
                         "repetitions (trials) and parameter grids (grid, zip)"),
      ParamSpec::section("output", output_schema(), "where and what to write"),
  };
}

Model validate_config(Node& root, const config::Registry& registry) {
  if (root.is_null()) root.fail("the configuration is empty");
  registry.validate_map(root, top_level_schema());
  root.assign_paths();
  const Node& output = root.at("output");
  if (const Node* save = output.find("save")) {
    std::vector<Node> items;
    if (save->is_sequence()) {
      items = save->items();
    } else {
      items.push_back(*save);
    }
    for (const auto& item : items) {
      const auto& word = item.text();
      const auto& choices = save_choices();
      if (std::find(choices.begin(), choices.end(), word) == choices.end()) {
        std::string msg = "unknown save group '" + word + "'";
        const auto guess = config::closest_match(word, choices);
        if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
        item.fail(msg + "; allowed: patterns, probes, trajectories, couplings");
      }
    }
  }
  // Building the modules runs every cross-field check (and reads data files), so nothing
  // runs on a configuration that would fail later.
  return build_model(root, registry);
}

Model build_model(const Node& root, const config::Registry& registry, std::uint64_t point) {
  Model model;
  model.seed = static_cast<std::uint64_t>(root.at("seed").as_integer());
  model.point = point;

  const Node& net = root.at("network");
  const config::Params np(net);
  model.network.representation = parse_representation(np.text("representation"));
  model.network.self_coupling = np.flag("self_coupling");
  model.network.storage = np.text("storage");
  model.network.precision =
      np.text("precision") == "float64" ? Precision::float64 : Precision::float32;

  const bool optimise = root.at("experiment").at("type").text() == "optimise";
  if (!root.has("patterns") && !optimise)
    root.fail("missing required key 'patterns' (the stored patterns ξ^μ)");
  if (root.has("patterns"))
    model.patterns = registry.family<PatternSource>("patterns").make(root.at("patterns"));
  model.learning = registry.family<LearningRule>("learning").make(root.at("learning"));
  for (const auto& item : root.at("noise").items())
    model.noise.push_back(registry.family<Noise>("noise").make(item));
  model.dynamics = registry.family<Dynamics>("dynamics").make(root.at("dynamics"));
  for (const auto& item : root.at("noise").items())
    if (item.at("type").text() == "gaussian_current")
      item.fail(
          "gaussian_current acts during the dynamics: list it under dynamics.noise of a "
          "continuous dynamics");
  if (const Node& dyn = root.at("dynamics"); !optimise && dyn.at("type").text() == "continuous") {
    // The activation fixes the output range (DESIGN.md §2); it must match the representation.
    const Node& act = dyn.at("activation").at("type");
    const bool binary_range = act.text() == "logistic";
    const bool binary = model.network.representation == Representation::binary;
    if (binary_range != binary)
      act.fail("activation '" + act.text() + "' has outputs in " +
               (binary_range ? "(0, 1)" : "(−1, 1)") + " but network.representation is " +
               std::string(to_string(model.network.representation)) + " (use " +
               (binary ? "logistic" : "tanh or piecewise_linear") + ")");
  }
  for (const auto& item : root.at("measure").items()) {
    model.measures.push_back(registry.family<Measure>("measure").make(item));
    model.measure_names.push_back(item.at("type").text());
  }

  if (!model.patterns) return model;  // optimise: the problem fixes the network
  const Eigen::Index fixed = model.patterns->fixed_neurons();
  if (np.has("neurons")) {
    model.network.neurons = static_cast<Eigen::Index>(np.integer("neurons"));
    if (fixed > 0 && fixed != model.network.neurons)
      net.at("neurons").fail("is " + std::to_string(model.network.neurons) +
                             " but the patterns have " + std::to_string(fixed) + " neurons each");
  } else if (fixed > 0) {
    model.network.neurons = fixed;
  } else {
    net.fail("missing key 'neurons': patterns of type '" + root.at("patterns").at("type").text() +
             "' do not fix the network size");
  }
  const Eigen::Index n = model.network.neurons;
  const Eigen::Index p = model.patterns->count(n);
  if (p < 1)
    root.at("patterns")
        .fail("gives no patterns for a network of " + std::to_string(n) + " neurons");
  for (const auto& z : model.noise)
    if (z->stage() == NoiseStage::weights) (void)z->sparse_entries(n);  // checks sizes
  resolve_storage(model, p, root, np.has("neurons") ? net.at("neurons") : root.at("patterns"));
  model.network.threshold = broadcast(np.reals("threshold"), n, net.at("threshold"));
  model.network.bias = broadcast(np.reals("bias"), n, net.at("bias"));
  return model;
}

Trial build_trial(const Model& model, std::uint64_t trial, int threads) {
  Trial t;
  t.index = trial;
  const Eigen::Index n = model.network.neurons;
  RandomStream pattern_rng(model.seed, Purpose::patterns, 0, trial, 0);
  t.patterns = model.patterns->generate({n, model.network.representation}, pattern_rng);

  RandomStream learning_rng(model.seed, Purpose::learning, 0, trial, 0);
  LearningContext context;
  context.precision = model.network.precision;
  context.self_coupling = model.network.self_coupling;
  context.threads = threads;
  switch (model.network.resolved_storage) {
    case StorageKind::integer:
    case StorageKind::matrix_free:
      context.storage = model.network.resolved_storage;
      break;
    case StorageKind::sparse:
      // Dilution reads only the entries it keeps: no N × N matrix where the rule can avoid it.
      context.storage = model.learning->supports(StorageKind::matrix_free)
                            ? StorageKind::matrix_free
                            : StorageKind::dense;
      break;
    case StorageKind::dense:
      context.storage = StorageKind::dense;
      break;
  }
  LearningResult learned = model.learning->learn(t.patterns, context, learning_rng);
  t.learning_converged = learned.converged;
  t.min_stability = learned.min_stability;

  std::shared_ptr<const Couplings> couplings = std::move(learned.couplings);
  const bool any_weight_noise = std::any_of(model.noise.begin(), model.noise.end(), [](auto& z) {
    return z->stage() == NoiseStage::weights;
  });
  if (any_weight_noise) {
    // Each module maps couplings to couplings (dense through perturb(), sparse through
    // perturb_sparse(), dilution possibly into sparse storage), in list order, on one stream.
    RandomStream weight_rng(model.seed, Purpose::weight_noise, 0, trial, 0);
    for (const auto& z : model.noise)
      if (z->stage() == NoiseStage::weights)
        couplings = z->transform(std::move(couplings), model.network.precision, weight_rng);
  }

  t.network.couplings = std::move(couplings);
  t.network.representation = model.network.representation;
  t.network.threshold = to_vector(model.network.threshold);
  t.network.input = to_vector(model.network.bias);
  return t;
}

namespace {

State corrupted_cue(const Model& model, const State& clean, std::uint64_t trial,
                    std::uint64_t probe, const Noise* extra) {
  State cue = clean;
  RandomStream rng(model.seed, Purpose::cue_noise, 0, trial, probe);
  for (const auto& z : model.noise)
    if (z->stage() == NoiseStage::probe) z->corrupt(cue, model.network.representation, rng);
  if (extra != nullptr) extra->corrupt(cue, model.network.representation, rng);
  return cue;
}

}  // namespace

State make_cue(const Model& model, const State& clean, std::uint64_t trial, std::uint64_t probe) {
  return corrupted_cue(model, clean, trial, probe, nullptr);
}

State make_cue(const Model& model, const State& clean, std::uint64_t trial, std::uint64_t probe,
               const Noise& extra) {
  return corrupted_cue(model, clean, trial, probe, &extra);
}

void register_framework_modules(config::Registry& registry) {
  registry.add_family<PatternSource>("patterns", "pattern ensembles: the stored memories ξ^μ");
  registry.add_family<LearningRule>("learning", "learning rules: couplings W from patterns");
  registry.add_family<Noise>("noise", "noise models, each acting at one stage of a trial");
  registry.add_family<Dynamics>("dynamics", "update dynamics from a cue to a final state");
  registry.add_family<Measure>("measure", "what is recorded about each probe");
  register_pattern_modules(registry);
  register_learning_modules(registry);
  register_noise_modules(registry);
  register_dynamics_modules(registry);
  register_measure_modules(registry);
  registry.add_family<Problem>("problem", "optimisation problems encoded as continuous networks");
  register_optimisation_modules(registry);
}

}  // namespace hopfield
