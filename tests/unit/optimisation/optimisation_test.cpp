// Optimisation problems: exact solvers agree with brute force, the Hopfield–Tank 10-city
// optimum is 2.6907, the TSPLIB reader gives the published optimum of burma14 (3323, Reinelt
// 1991), TSP decoding rejects permutation violations, the structured O(n³) right-hand side
// equals the dense n² × n² network, and Max-Cut baselines bound each other correctly.
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/io/tsplib_reader.hpp"
#include "hopfield/optimisation/max_cut.hpp"
#include "hopfield/optimisation/tsp.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace hopfield;

TEST_CASE("Held–Karp agrees with brute force on random 8-city instances", "[optimisation][tsp]") {
  for (std::uint64_t trial = 0; trial < 5; ++trial) {
    RandomStream rng(3, Purpose::patterns, 0, trial, 0);
    const TspData data = random_cities(8, rng);
    const auto [length, tour] = held_karp(data.distance);
    CHECK(length == Approx(brute_force_tour(data.distance)).epsilon(1e-12));
    CHECK(tour_length(data.distance, tour) == Approx(length).epsilon(1e-12));
    CHECK(nearest_neighbour_two_opt(data.distance).first >= length - 1e-12);
  }
}

TEST_CASE("the Hopfield–Tank 10-city instance has optimal tour length 2.6907",
          "[optimisation][tsp]") {
  const TspData data = io::read_tsplib(
      std::string(HOPFIELD_SOURCE_DIR) + "/configs/data/hopfield_tank_10.tsp", false);
  REQUIRE(data.distance.rows() == 10);
  CHECK(held_karp(data.distance).first == Approx(2.6907).margin(5e-5));
}

TEST_CASE("the TSPLIB reader gives burma14 (GEO) its published optimum 3323",
          "[optimisation][tsp][io]") {
  const TspData data = io::read_tsplib(std::string(HOPFIELD_TEST_DATA) + "/tsplib/burma14.tsp");
  REQUIRE(data.distance.rows() == 14);
  CHECK(held_karp(data.distance).first == 3323.0);
}

TEST_CASE("the TSPLIB reader fills an explicit lower-diagonal matrix symmetrically",
          "[optimisation][tsp][io]") {
  const TspData data = io::read_tsplib(std::string(HOPFIELD_TEST_DATA) + "/tsplib/explicit5.tsp");
  CHECK(data.distance(1, 0) == 3.0);
  CHECK(data.distance(0, 1) == 3.0);
  CHECK(data.distance(4, 3) == 5.0);
  CHECK(data.distance(2, 4) == 4.0);
  CHECK(held_karp(data.distance).first == brute_force_tour(data.distance));
}

TEST_CASE("the TSPLIB reader refuses malformed files that used to crash or read out of bounds",
          "[optimisation][tsp][io]") {
  // Found by fuzz/tsplib.cpp: std::stol on a bad DIMENSION threw std::invalid_argument (exit 1
  // instead of 2); a DIMENSION changed after the EDGE_WEIGHT_SECTION read past the weights.
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("hopfield_tsplib_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto refused = [&](const std::string& name, const std::string& text,
                           const std::string& fragment) {
    const fs::path file = dir / name;
    std::ofstream(file) << text;
    INFO(name);
    CHECK_THROWS_WITH(io::read_tsplib(file.string()), Catch::Contains(fragment));
  };
  refused("dimension_text.tsp", "TYPE: TSP\nDIMENSION: ten\n", "is not a whole number");
  refused("dimension_huge.tsp", "TYPE: TSP\nDIMENSION: 99999999999999999999\n",
          "is not a whole number");
  refused("format_after.tsp",
          "DIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_SECTION\n0 1 2 1 0 3 2 3 0\n"
          "EDGE_WEIGHT_FORMAT: UPPER_ROW\n",
          "EDGE_WEIGHT_FORMAT after the data sections");
  refused("dimension_twice.tsp", "DIMENSION: 3\nDIMENSION: 4\n", "DIMENSION given twice");
  refused("negative_weight.tsp",
          "DIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: UPPER_ROW\n"
          "EDGE_WEIGHT_SECTION\n1 -2 3\n",
          "not a finite non-negative number");
  refused("asymmetric.tsp",
          "DIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_SECTION\n0 1 2\n1 0 3\n9 3 0\n",
          "not symmetric");
  refused("far_apart.tsp", "DIMENSION: 3\nNODE_COORD_SECTION\n1 0 0\n2 1e308 0\n3 -1e308 0\n",
          "not finite");
  // A directory (as a FIFO or /dev/zero) is not a file to read.
  fs::create_directories(dir / "not_regular.tsp");
  CHECK_THROWS_WITH(io::read_tsplib((dir / "not_regular.tsp").string()),
                    Catch::Contains("no such file"));
  // A large DIMENSION in a short file is refused by the memory estimate before the n × n
  // distance matrix is allocated.
  ::setenv("HOPFIELD_MEMORY_LIMIT", "1G", 1);
  refused("dimension_memory.tsp", "TYPE: TSP\nDIMENSION: 20000\nEDGE_WEIGHT_TYPE: EUC_2D\n",
          "need about 3.0 GiB but the memory limit (HOPFIELD_MEMORY_LIMIT) is 1.0 GiB");
  ::unsetenv("HOPFIELD_MEMORY_LIMIT");
  fs::remove_all(dir);
}

TEST_CASE("TSP decoding accepts permutation matrices and rejects violations",
          "[optimisation][tsp]") {
  RandomStream rng(1, Purpose::patterns, 0, 0, 0);
  const TspData data = random_cities(4, rng);
  Eigen::VectorXd v = Eigen::VectorXd::Constant(16, 0.02);
  const std::vector<std::int64_t> tour{2, 0, 3, 1};
  for (Eigen::Index i = 0; i < 4; ++i) v(tour[static_cast<std::size_t>(i)] + 4 * i) = 0.98;
  const Solution ok = decode_tour(data.distance, v);
  CHECK(ok.valid);
  CHECK(ok.assignment == tour);
  CHECK(ok.objective == Approx(tour_length(data.distance, tour)));
  Eigen::VectorXd twice = v;
  twice(0 + 4 * 0) = 0.9;  // city 0 at positions 0 and 1
  CHECK_FALSE(decode_tour(data.distance, twice).valid);
  Eigen::VectorXd missing = v;
  missing(2 + 4 * 0) = 0.1;  // nobody at position 0
  CHECK_FALSE(decode_tour(data.distance, missing).valid);
}

TEST_CASE("the structured TSP right-hand side and energy equal the dense network's",
          "[optimisation][tsp]") {
  RandomStream rng(2, Purpose::patterns, 0, 0, 0);
  const TspData data = random_cities(6, rng);
  for (const bool squared : {false, true}) {
    TspPenalties p;
    if (squared) {
      p.kappa = 0.0;
      p.rho = 1.0;
      p.c = 0.0;
    }
    const auto [w, bias] = tsp_dense_encoding(data.distance, p);
    CHECK(w.isApprox(w.transpose()));
    TspSystem structured(data.distance, p, ActivationKind::logistic, 1.0);
    Network net;
    net.couplings = make_dense_couplings(w, 1.0, false, Precision::float64);
    net.threshold = Eigen::VectorXd::Zero(36);
    net.input = bias;
    ContinuousOptions o;
    o.activation = ActivationKind::logistic;
    NetworkSystem dense(net, o);
    Eigen::VectorXd u(36);
    for (Eigen::Index k = 0; k < 36; ++k) u(k) = 0.05 * rng.normal();
    Eigen::VectorXd a(36), b(36), v(36);
    structured.rhs(u, a, 50.0);
    dense.rhs(u, b, 50.0);
    CHECK((a - b).cwiseAbs().maxCoeff() < 1e-9 * b.cwiseAbs().maxCoeff());
    outputs(ActivationKind::logistic, 50.0, u, v);
    // The dense energy omits the constant C n²/2 of the penalty form.
    const double constant = 0.5 * p.c * p.n_target * p.n_target;
    CHECK(structured.energy(v, 50.0) == Approx(dense.energy(v, 50.0) + constant).epsilon(1e-10));
  }
}

TEST_CASE("exact Max-Cut agrees with brute force and bounds the greedy baseline",
          "[optimisation][max_cut]") {
  for (std::uint64_t trial = 0; trial < 4; ++trial) {
    RandomStream rng(4, Purpose::patterns, 0, trial, 0);
    const Eigen::MatrixXd w = random_graph(10, 0.5, rng);
    double brute = 0.0;
    for (int mask = 0; mask < 1 << 10; ++mask) {
      std::vector<std::int64_t> side;
      for (int i = 0; i < 10; ++i) side.push_back(mask >> i & 1 ? 1 : -1);
      brute = std::max(brute, cut_weight(w, side));
    }
    CHECK(exact_max_cut(w) == brute);
    CHECK(greedy_cut(w) <= brute);
    CHECK(greedy_cut(w) >= 0.5 * w.sum() / 2.0);  // a local optimum cuts at least half
  }
}
