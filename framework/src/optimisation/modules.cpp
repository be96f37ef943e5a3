// The problem modules: tsp (Hopfield & Tank 1985; Brandt et al. 1988), max_cut, partition
// (Fu & Anderson 1986) and n_queens.
#include "hopfield/optimisation/modules.hpp"

#include "hopfield/optimisation/max_cut.hpp"
#include "hopfield/optimisation/n_queens.hpp"
#include "hopfield/optimisation/partition.hpp"

#include <cstdint>
#include <vector>

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

namespace {

ParamSpec edge_list_param() {
  return ParamSpec::text("file", "",
                         "edge list instead of a random graph: one edge `i j [weight]` per line "
                         "(vertices from 0, weight 1 if omitted), `#` starts a comment")
      .make_optional();
}

/// The options of a problem on a graph (max_cut, partition): the graph (random G(n, p) or an
/// edge-list file), the problem's own options, then the start perturbation and the exact limit.
std::vector<ParamSpec> graph_problem_params(std::int64_t max_vertices, std::vector<ParamSpec> own) {
  std::vector<ParamSpec> params{
      ParamSpec::integer("vertices", "20", "vertices n (ignored with `file`)")
          .range(2, max_vertices),
      ParamSpec::real("edge_probability", "0.5", "edge probability p (ignored with `file`)")
          .range(0, 1),
      edge_list_param()};
  for (auto& spec : own) params.push_back(std::move(spec));
  params.push_back(
      ParamSpec::real("perturbation", "0.1", "initial u uniform in ±perturbation/β").at_least(0));
  params.push_back(
      ParamSpec::integer("exact_max", "20", "exact optimum by enumeration up to this many vertices")
          .range(0, 24));
  return params;
}

}  // namespace

config::ModuleDoc max_cut_problem_doc() {
  return config::ModuleDoc{
      .family = "problem",
      .name = "max_cut",
      .help =
          "Max-Cut of a random G(n, p) graph per trial, or of a graph read from an edge "
          "list: one bipolar neuron per vertex",
      .params = graph_problem_params(max_cut_max_vertices, {}),
      .notes =
          "W = −(edge weights), no bias, `activation: tanh`; the side of vertex i is "
          "sign(v_i), every state is valid. Baselines: greedy + one-flip local search, and "
          "the exact maximum for n ≤ exact_max.",
  };
}

std::unique_ptr<Problem> make_max_cut_problem(const config::Params& p,
                                              std::optional<Eigen::MatrixXd> graph) {
  return std::make_unique<MaxCutProblem>(std::move(graph),
                                         static_cast<Eigen::Index>(p.integer("vertices")),
                                         p.real("edge_probability"), p.real("perturbation"),
                                         static_cast<Eigen::Index>(p.integer("exact_max")));
}

config::ModuleDoc partition_problem_doc() {
  return config::ModuleDoc{
      .family = "problem",
      .name = "partition",
      .help =
          "balanced graph bisection (minimum cut into two halves) of a random G(n, p) graph "
          "per trial or of an edge list: one bipolar neuron per vertex",
      .params = graph_problem_params(
          partition_max_vertices,
          {ParamSpec::real("balance", "2", "balance penalty λ in λ/2 (Σ s)² (Fu & Anderson's μ)")
               .at_least(0)}),
      .notes =
          "Energy (Fu & Anderson 1986): E = Σ_{i<j} w_ij (1 − s_i s_j)/2 + λ/2 (Σ_i s_i)², "
          "the cut plus a balance penalty, as couplings W = w/2 − λ(11ᵀ − I) with no bias; "
          "`activation: tanh`, the side of vertex i is sign(v_i). A run is valid when the "
          "sides differ by at most one vertex (/results/violations counts the vertices that "
          "would have to move); the objective is the cut weight (minimised). Baselines: "
          "graph growing + Kernighan–Lin (1970) from 4 seeds, and the exact minimum "
          "bisection for n ≤ exact_max.",
  };
}

std::unique_ptr<Problem> make_partition_problem(const config::Params& p,
                                                std::optional<Eigen::MatrixXd> graph) {
  return std::make_unique<PartitionProblem>(
      std::move(graph), static_cast<Eigen::Index>(p.integer("vertices")),
      p.real("edge_probability"), p.real("balance"), p.real("perturbation"),
      static_cast<Eigen::Index>(p.integer("exact_max")));
}

void register_optimisation_modules(config::Registry& registry) {
  auto& family = registry.family<Problem>("problem");
  family.add(
      config::ModuleDoc{
          .family = "problem",
          .name = "n_queens",
          .help = "n non-attacking queens on an n × n board: n² neurons V_rc = queen on row r, "
                  "column c",
          .params = {ParamSpec::integer("n", "8", "board size").range(4, 40),
                     ParamSpec::real("A", "1", "row penalty A").at_least(0),
                     ParamSpec::real("B", "1", "column penalty B").at_least(0),
                     ParamSpec::real("C", "1", "diagonal penalty C").at_least(0),
                     ParamSpec::real("perturbation", "0.1",
                                     "initial δu uniform in ±perturbation/β around V = 1/n")
                         .at_least(0)},
          .notes = "Energy (penalty form of Hopfield & Tank 1985, as in Mańdziuk 1995): E = A/2 "
                   "Σ_r (R_r − 1)² + B/2 Σ_c (S_c − 1)² + C Σ_{pairs on a diagonal} V V with row "
                   "and column sums R, S; V² = V removes the self-coupling, so W_ab = −A[same "
                   "row] − B[same column] − C[same diagonal] and the bias is (A + B)/2. Needs "
                   "`activation: logistic`. V > ½ is decoded into queens; the objective is the "
                   "number of attacking pairs, a run is valid when there are n queens and none "
                   "attack (/results/violations: attacking pairs + |queens − n|). Baseline: the "
                   "attacking pairs left by min-conflicts (Minton et al. 1992) after 100 n moves; "
                   "the optimum is 0.",
      },
      [](const config::Params& p) -> std::unique_ptr<Problem> {
        QueensPenalties q;
        q.a = p.real("A");
        q.b = p.real("B");
        q.c = p.real("C");
        q.perturbation = p.real("perturbation");
        return std::make_unique<QueensProblem>(static_cast<Eigen::Index>(p.integer("n")), q);
      });
}

}  // namespace hopfield
