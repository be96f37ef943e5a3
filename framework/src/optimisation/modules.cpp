// The problem modules: tsp (Hopfield & Tank 1985; Brandt et al. 1988) and max_cut.
#include "hopfield/optimisation/modules.hpp"

#include "hopfield/optimisation/max_cut.hpp"

namespace hopfield {

using config::ParamSpec;

config::ModuleDoc tsp_problem_doc() {
  return config::ModuleDoc{
      .family = "problem",
      .name = "tsp",
      .help =
          "travelling salesman: n random cities in the unit square per trial, or a TSPLIB "
          "file; n² neurons V_Xi = city X at position i",
      .params =
          {ParamSpec::integer("cities", "10", "random cities per trial (ignored with `file`)")
               .range(3, 200),
           ParamSpec::text("file", "",
                           "TSPLIB file (EUC_2D, ATT, GEO, CEIL_2D or EXPLICIT) instead of random "
                           "cities")
               .make_optional(),
           ParamSpec::boolean("round_distances", "true",
                              "round distances as TSPLIB defines (nint); false keeps exact "
                              "Euclidean distances (for unit-square instances such as "
                              "Hopfield & Tank's)"),
           ParamSpec::choice("encoding", "hopfield_tank", {"hopfield_tank", "squared"},
                             "hopfield_tank: the 1985 penalties (κ = 1, ρ = 0, C and n used); "
                             "squared: Brandt et al. (1988), A/2 Σ_X (R_X − 1)² + "
                             "B/2 Σ_i (S_i − 1)², with V² = V used to remove the self-coupling "
                             "(κ = 1, ρ = ½; C and n ignored)"),
           ParamSpec::real("A", "500", "row penalty A").at_least(0),
           ParamSpec::real("B", "500", "column penalty B").at_least(0),
           ParamSpec::real("C", "200", "global penalty C (hopfield_tank)").at_least(0),
           ParamSpec::real("D", "500", "distance weight D").at_least(0),
           ParamSpec::real("n", "15",
                           "Hopfield–Tank's n in C/2 (Σ V − n)²; 1985 used 15 for 10 cities")
               .above(0),
           ParamSpec::real("perturbation", "0.1",
                           "initial δu uniform in ±perturbation·u₀ around u₀₀ (Σ V = n_cities)")
               .at_least(0),
           ParamSpec::integer("exact_max", "12",
                              "compute the exact optimum (Held–Karp) up to this many cities")
               .range(0, 20)},
      .notes =
          "Energy (Hopfield & Tank 1985, Eq. 5): E = A/2 Σ_X Σ_{i≠j} V_Xi V_Xj + B/2 Σ_i "
          "Σ_{X≠Y} V_Xi V_Yi + C/2 (Σ V − n)² + D/2 Σ_{X,Y,i} d_XY V_Xi (V_{Y,i+1} + V_{Y,i−1}), "
          "with V = ½(1 + tanh(u/u₀)): use `dynamics.activation: {type: logistic, gain: 1/u₀}`. "
          "The right-hand side is evaluated in its structured form (row and column sums, the "
          "total, and d × neighbouring-column sums): O(n³) per evaluation. A final state is a "
          "valid tour when V > ½ is a permutation matrix. Baselines: nearest neighbour from "
          "every city + 2-opt, and Held–Karp for n ≤ exact_max.",
  };
}

std::unique_ptr<Problem> make_tsp_problem(const config::Params& p, std::optional<TspData> data) {
  TspPenalties pen;
  pen.a = p.real("A");
  pen.b = p.real("B");
  pen.c = p.real("C");
  pen.d = p.real("D");
  pen.n_target = p.real("n");
  pen.perturbation = p.real("perturbation");
  if (p.text("encoding") == "squared") {
    // Brandt et al. (1988): A/2 Σ_X (R_X − 1)² + B/2 Σ_i (S_i − 1)². On the corners of the
    // hypercube V² = V, so the diagonal is moved into the linear term (κ = 1, ρ = ½): the same
    // energy at every 0/1 state with zero self-coupling, which keeps the corners stable.
    pen.kappa = 1.0;
    pen.rho = 0.5;
    pen.c = 0.0;
  }
  return std::make_unique<TspProblem>(std::move(data),
                                      static_cast<Eigen::Index>(p.integer("cities")), pen,
                                      static_cast<Eigen::Index>(p.integer("exact_max")));
}

void register_optimisation_modules(config::Registry& registry) {
  auto& family = registry.family<Problem>("problem");
  family.add(
      config::ModuleDoc{
          .family = "problem",
          .name = "max_cut",
          .help = "Max-Cut of a random G(n, p) graph per trial: one bipolar neuron per vertex",
          .params = {ParamSpec::integer("vertices", "20", "vertices n").range(2, 5000),
                     ParamSpec::real("edge_probability", "0.5", "edge probability p").range(0, 1),
                     ParamSpec::real("perturbation", "0.1", "initial u uniform in ±perturbation/β")
                         .at_least(0),
                     ParamSpec::integer("exact_max", "20",
                                        "exact optimum by enumeration up to this many vertices")
                         .range(0, 24)},
          .notes = "W = −(adjacency), no bias, `activation: tanh`; the side of vertex i is "
                   "sign(v_i). Baselines: greedy + one-flip local search, and the exact maximum "
                   "for n ≤ exact_max.",
      },
      [](const config::Params& p) -> std::unique_ptr<Problem> {
        return std::make_unique<MaxCutProblem>(static_cast<Eigen::Index>(p.integer("vertices")),
                                               p.real("edge_probability"), p.real("perturbation"),
                                               static_cast<Eigen::Index>(p.integer("exact_max")));
      });
}

}  // namespace hopfield
