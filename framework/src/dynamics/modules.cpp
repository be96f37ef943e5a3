// The built-in dynamics modules: `async` and `sync` zero-temperature dynamics (Hopfield 1982).
#include "hopfield/dynamics/modules.hpp"

#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hopfield {

namespace {

using config::Params;
using config::ParamSpec;

TieRule parse_tie(const std::string& text) {
  if (text == "plus") return TieRule::plus;
  if (text == "minus") return TieRule::minus;
  return TieRule::keep;
}

StopRule parse_stop(const std::string& text) {
  if (text == "energy_unchanged") return StopRule::energy_unchanged;
  if (text == "sweeps") return StopRule::sweeps;
  return StopRule::fixed_point;
}

UpdateOrder parse_order(const std::string& text) {
  if (text == "sequential") return UpdateOrder::sequential;
  if (text == "random_with_replacement") return UpdateOrder::random_with_replacement;
  return UpdateOrder::random_permutation;
}

std::vector<ParamSpec> common_params(const std::string& unit) {
  return {
      ParamSpec::integer("max_sweeps", "100",
                         "Most " + unit +
                             " to perform; a run that has not stopped by then ends with "
                             "reason max_sweeps (or reason sweeps under stop: sweeps).")
          .at_least(1),
      ParamSpec::choice(
          "tie", "keep", {"keep", "plus", "minus"},
          "What a neuron does when its field exactly equals its threshold (h = 0): keep its "
          "state (the textbook rule), turn on (plus: sign(0) = +1) or turn off (minus)."),
      ParamSpec::choice(
          "stop", "fixed_point", {"fixed_point", "energy_unchanged", "sweeps"},
          "When to stop: fixed_point stops once no neuron would change (an exact test); "
          "energy_unchanged stops when the energy after a " +
              unit.substr(0, unit.size() - 1) +
              " equals the energy before it (a widely copied tutorial's rule, which can stop "
              "before a fixed point is reached); sweeps runs exactly max_sweeps " +
              unit + ". The result always says whether the final state is a fixed point."),
      ParamSpec::real("tie_tolerance", "1e-6",
                      "Fields with |h| at or below this count as ties, absorbing rounding in "
                      "real-valued couplings. Integer-valued couplings (e.g. Hebbian) have exact "
                      "fields and always compare exactly, whatever this says.")
          .at_least(0),
  };
}

DiscreteOptions parse_options(const Params& p) {
  DiscreteOptions options;
  options.max_sweeps = static_cast<int>(p.integer("max_sweeps"));
  options.tie = parse_tie(p.text("tie"));
  options.stop = parse_stop(p.text("stop"));
  options.tie_tolerance = p.real("tie_tolerance");
  options.auto_tolerance = true;
  return options;
}

}  // namespace

void register_dynamics_modules(config::Registry& registry) {
  auto& family = registry.family<Dynamics>("dynamics");

  auto async_params = common_params("sweeps");
  async_params.insert(
      async_params.begin(),
      ParamSpec::choice(
          "order", "random_permutation",
          {"sequential", "random_permutation", "random_with_replacement"},
          "Order of the N single-neuron updates in a sweep: sequential (0, 1, …, N−1), "
          "random_permutation (a fresh random order every sweep; every neuron once), or "
          "random_with_replacement (N indices drawn independently; visits only about 63% of "
          "the neurons per sweep, kept for comparison with tutorial code)."));
  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "async",
          .help = "Asynchronous zero-temperature dynamics: one neuron at a time, s_i ← on if "
                  "h_i > 0, off if h_i < 0.",
          .params = std::move(async_params),
          .notes =
              "Hopfield (1982). The local field is h_i = Σ_j w_ij s_j − θ_i + I_i and the energy "
              "E = −½ sᵀWs + θᵀs − Iᵀs never increases for symmetric W with zero diagonal, so "
              "the dynamics reach a fixed point. Fields are kept incrementally (O(N) per flip). "
              "A sweep is N updates; `converged` is true only when the final state is an exact "
              "fixed point (every neuron agrees with the sign of its field). With "
              "`order: random_with_replacement` a sweep without a change is not taken as proof: "
              "the fixed point is checked for every neuron.",
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<AsyncDynamics>(parse_options(p), parse_order(p.text("order")));
      });

  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "sync",
          .help = "Synchronous zero-temperature dynamics: all neurons update at once from the "
                  "previous state.",
          .params = common_params("steps"),
          .notes =
              "s_i(t+1) = on if h_i(s(t)) > 0, off if < 0. For symmetric W the only attractors "
              "are fixed points and 2-cycles (Goles-Chacc et al. 1985); a return to the state of "
              "two steps before ends the run with reason `cycle` and `converged: false`. Each "
              "step costs one matrix–vector product.",
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<SyncDynamics>(parse_options(p));
      });
}

}  // namespace hopfield
