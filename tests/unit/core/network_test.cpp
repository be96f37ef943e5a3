// Couplings storage, energy and local fields against brute-force definitions
// (E = −½ Σ_ij w_ij s_i s_j + Σ_i θ_i s_i − Σ_i I_i s_i, h_i = Σ_j w_ij s_j − θ_i + I_i).
#include "hopfield/core/network.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/core/state.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>

using namespace hopfield;

namespace {

Eigen::MatrixXd random_matrix(RandomStream& rng, Eigen::Index n, bool symmetric) {
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) m(i, j) = rng.normal();
  if (symmetric) m = (0.5 * (m + m.transpose())).eval();
  return m;
}

State random_state(RandomStream& rng, Eigen::Index n, Representation r) {
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
  return s;
}

Network random_network(RandomStream& rng, Eigen::Index n, Representation r, Precision p,
                       double scale = 0.3) {
  Network net;
  net.couplings = make_dense_couplings(random_matrix(rng, n, false), scale, false, p);
  net.representation = r;
  net.threshold = Eigen::VectorXd(n);
  net.input = Eigen::VectorXd(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    net.threshold[i] = rng.normal();
    net.input[i] = rng.normal();
  }
  return net;
}

double brute_energy(const Eigen::MatrixXd& w, const Eigen::VectorXd& theta,
                    const Eigen::VectorXd& input, const State& s) {
  double e = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    for (Eigen::Index j = 0; j < s.size(); ++j) e -= 0.5 * w(i, j) * s[i] * s[j];
    e += theta[i] * s[i] - input[i] * s[i];
  }
  return e;
}

}  // namespace

TEST_CASE("energy equals the brute-force double sum in both representations", "[core][energy]") {
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (int rep = 0; rep < 20; ++rep) {
      const Eigen::Index n = 1 + static_cast<Eigen::Index>(rng.below(12));
      const Network net = random_network(rng, n, r, Precision::float64);
      const State s = random_state(rng, n, r);
      const double expected = brute_energy(net.couplings->dense(), net.threshold, net.input, s);
      CHECK(energy(net, s) == Approx(expected).margin(1e-12));
    }
  }
}

TEST_CASE("energy_from_fields agrees with energy", "[core][energy]") {
  RandomStream rng(2, Purpose::learning, 0, 0, 0);
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const Network net = random_network(rng, 30, r, Precision::float64);
    const State s = random_state(rng, 30, r);
    Eigen::VectorXd g;
    net.couplings->raw_fields(s, g);
    CHECK(energy_from_fields(net, s, g) == Approx(energy(net, s)).margin(1e-12));
  }
}

TEST_CASE("local fields equal W s − θ + I", "[core][energy]") {
  RandomStream rng(3, Purpose::learning, 0, 0, 0);
  const Network net = random_network(rng, 25, Representation::binary, Precision::float64);
  const State s = random_state(rng, 25, Representation::binary);
  const Eigen::MatrixXd w = net.couplings->dense();
  const Eigen::VectorXd h = local_fields(net, s);
  for (Eigen::Index i = 0; i < 25; ++i) {
    double expected = -net.threshold[i] + net.input[i];
    for (Eigen::Index j = 0; j < 25; ++j) expected += w(i, j) * s[j];
    CHECK(h[i] == Approx(expected).margin(1e-12));
  }
}

TEST_CASE("float32 and float64 couplings give the same fields and energy", "[core][couplings]") {
  RandomStream rng(4, Purpose::learning, 0, 0, 0);
  const Eigen::Index n = 64;
  const Eigen::MatrixXd m = random_matrix(rng, n, true);
  Network n32;
  n32.couplings = make_dense_couplings(m, 1.0 / n, false, Precision::float32);
  n32.threshold = Eigen::VectorXd::Constant(n, 0.1);
  n32.input = Eigen::VectorXd::Zero(n);
  Network n64 = n32;
  n64.couplings = make_dense_couplings(m, 1.0 / n, false, Precision::float64);
  for (int rep = 0; rep < 10; ++rep) {
    const State s = random_state(rng, n, Representation::bipolar);
    // float32 keeps ~7 significant digits of |h| = O(1).
    CHECK((local_fields(n32, s) - local_fields(n64, s)).cwiseAbs().maxCoeff() < 1e-5);
    CHECK(energy(n32, s) == Approx(energy(n64, s)).epsilon(1e-5).margin(1e-5));
  }
}

TEST_CASE("dense couplings detect symmetry and a zero diagonal exactly", "[core][couplings]") {
  Eigen::MatrixXd m(3, 3);
  m << 0, 1, 2, 1, 0, 3, 2, 3, 0;
  for (const auto p : {Precision::float32, Precision::float64}) {
    auto c = make_dense_couplings(m, 0.5, true, p);
    CHECK(c->symmetric());
    CHECK(c->zero_diagonal());
    CHECK(c->integer_valued());
    CHECK(c->size() == 3);
    CHECK(c->storage() == "dense");
    CHECK(c->raw(1, 2) == 3.0);
    CHECK(c->dense()(1, 2) == 1.5);
    Eigen::MatrixXd asym = m;
    asym(0, 1) = 1.0 + 1e-12;  // not symmetric in float64; rounds back to 1 in float32
    CHECK(make_dense_couplings(asym, 1.0, false, Precision::float64)->symmetric() == false);
    Eigen::MatrixXd diag = m;
    diag(2, 2) = 1.0;
    CHECK(make_dense_couplings(diag, 1.0, false, p)->zero_diagonal() == false);
  }
}

TEST_CASE("add_column updates raw fields exactly as recomputing them", "[core][couplings]") {
  Eigen::MatrixXd m(3, 3);
  m << 0, 1, -2, 1, 0, 3, -2, 3, 0;
  for (const auto p : {Precision::float32, Precision::float64}) {
    auto c = make_dense_couplings(m, 1.0, true, p);
    State s(3);
    s << 1, -1, 1;
    Eigen::VectorXd g;
    c->raw_fields(s, g);
    c->add_column(1, 2.0, g);  // s_1: −1 → +1
    s[1] = 1;
    Eigen::VectorXd fresh;
    c->raw_fields(s, fresh);
    CHECK(g == fresh);

    Eigen::MatrixXf batch(3, 2);
    batch.col(0) = s;
    batch.col(1) = -s;
    Eigen::MatrixXd gb;
    c->raw_fields_batch(batch, gb);
    CHECK(gb.col(0) == fresh);
    CHECK(gb.col(1) == -fresh);
  }
}

TEST_CASE("make_dense_couplings rejects NaN and Inf", "[core][couplings]") {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(4, 4);
  m(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(make_dense_couplings(m, 1.0, false, Precision::float64), NumericalError);
  CHECK_THROWS_AS(make_dense_couplings(m, 1.0, false, Precision::float32), NumericalError);
  m(1, 2) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(make_dense_couplings(m, 1.0, false, Precision::float64), NumericalError);
  m(1, 2) = 1e300;  // finite in float64, overflows float32
  CHECK_NOTHROW(make_dense_couplings(m, 1.0, false, Precision::float64));
  CHECK_THROWS_AS(make_dense_couplings(m, 1.0, false, Precision::float32), NumericalError);
}

TEST_CASE("float32 integer couplings stop claiming exact fields beyond 2^24", "[core][couplings]") {
  // Row sums of |M| bound every partial sum of M·s; past 2²⁴ float32 rounds them.
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(2, 2);
  m(0, 1) = m(1, 0) = 1 << 23;
  CHECK(make_dense_couplings(m, 1.0, true, Precision::float32)->integer_valued());
  m(0, 1) = m(1, 0) = 1 << 24;
  CHECK_FALSE(make_dense_couplings(m, 1.0, true, Precision::float32)->integer_valued());
  CHECK(make_dense_couplings(m, 1.0, true, Precision::float64)->integer_valued());
}

TEST_CASE("float64 integer couplings stop claiming exact fields beyond 2^53", "[core][couplings]") {
  // 2⁵³ + 1 is the first integer double cannot hold: a field that large would be rounded.
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(2, 2);
  m(0, 1) = m(1, 0) = 0x1.0p52;
  CHECK(make_dense_couplings(m, 1.0, true, Precision::float64)->integer_valued());
  m(0, 1) = m(1, 0) = 0x1.0p53;
  CHECK_FALSE(make_dense_couplings(m, 1.0, true, Precision::float64)->integer_valued());
  CHECK(exact_integer_limit(Precision::float32) == 16777216.0);
  CHECK(static_cast<double>(static_cast<float>(exact_integer_limit(Precision::float32) + 1.0)) !=
        exact_integer_limit(Precision::float32) + 1.0);
  CHECK(exact_integer_limit(Precision::float64) + 1.0 == exact_integer_limit(Precision::float64));
}

TEST_CASE("energy rejects a state of the wrong size", "[core][energy]") {
  Network net;
  net.couplings = make_dense_couplings(Eigen::MatrixXd::Zero(3, 3), 1.0, true, Precision::float64);
  net.threshold = Eigen::VectorXd::Zero(3);
  net.input = Eigen::VectorXd::Zero(3);
  CHECK_THROWS_AS(energy(net, State::Ones(4)), InputError);
}
