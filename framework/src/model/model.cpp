// Assembly of a trial from a validated configuration (see hopfield/model/model.hpp).
#include "hopfield/model/model.hpp"

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
      ParamSpec::choice("storage", "auto", {"auto", "dense"},
                        "coupling storage; auto picks dense (the dilution noise switches to "
                        "sparse storage at low c)"),
      ParamSpec::choice("precision", "float32", {"float32", "float64"},
                        "floating-point type of the stored couplings"),
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

/// True when the first weight-stage module dilutes into sparse storage and the rule can hand
/// it matrix-free couplings, so no N×N matrix is ever formed.
bool sparse_path(const Model& model) {
  const Noise* first = first_weight_noise(model);
  return first != nullptr && first->sparse_entries(model.network.neurons) > 0.0 &&
         model.learning->supports_matrix_free();
}

/// entries: stored couplings when the trial never forms an N×N matrix, else 0 (dense).
void check_memory(Eigen::Index n, Eigen::Index p, Precision precision, double entries,
                  const Node& where) {
  const double bytes_per = precision == Precision::float32 ? 4.0 : 8.0;
  // Dense couplings plus the float64 matrix the learning rules build them from, plus the
  // patterns (float32) and their float64 images used by the rules. Sparse: float32 values and
  // int32 indices twice (rows and columns), the float64 triplets they are built from, and the
  // patterns. Per neuron: threshold, bias, state, field and the dynamics' work vectors.
  const double couplings =
      entries > 0.0 ? entries * (8.0 + 8.0 + 16.0 + 16.0)
                    : static_cast<double>(n) * static_cast<double>(n) * (bytes_per + 8.0);
  const double need = couplings + static_cast<double>(n) * static_cast<double>(p) * 12.0 +
                      static_cast<double>(n) * 64.0;
  const MemoryBudget budget = memory_budget();
  if (budget.bytes > 0 && need > 0.8 * budget.bytes) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "a %s network of %lld neurons storing %lld patterns needs about %.1f GiB "
                  "but %s %.1f GiB of memory",
                  entries > 0.0 ? "sparse" : "dense", static_cast<long long>(n),
                  static_cast<long long>(p), need / 1073741824.0, budget.source.c_str(),
                  budget.bytes / 1073741824.0);
    where.fail(buf);
  }
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
  double entries = 0.0;
  for (const auto& z : model.noise)
    if (z->stage() == NoiseStage::weights) (void)z->sparse_entries(n);  // checks sizes
  if (sparse_path(model)) entries = first_weight_noise(model)->sparse_entries(n);
  check_memory(n, p, model.network.precision, entries,
               np.has("neurons") ? net.at("neurons") : root.at("patterns"));
  model.network.threshold = broadcast(np.reals("threshold"), n, net.at("threshold"));
  model.network.bias = broadcast(np.reals("bias"), n, net.at("bias"));
  return model;
}

Trial build_trial(const Model& model, std::uint64_t trial) {
  Trial t;
  t.index = trial;
  const Eigen::Index n = model.network.neurons;
  RandomStream pattern_rng(model.seed, Purpose::patterns, 0, trial, 0);
  t.patterns = model.patterns->generate({n, model.network.representation}, pattern_rng);

  RandomStream learning_rng(model.seed, Purpose::learning, 0, trial, 0);
  LearningContext context{model.network.precision, model.network.self_coupling, sparse_path(model)};
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
