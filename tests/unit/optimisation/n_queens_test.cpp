// n-queens: the network energy equals the penalty energy on every 0/1 board of a 4 × 4 board
// and is zero exactly at its two solutions, decoding rejects attacks and missing queens, and
// min-conflicts solves boards of 20 to 100 queens.
#include "hopfield/optimisation/n_queens.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;

namespace {

/// Board vector (index r + n·c) with a queen at (r, column[r]) for every row.
Eigen::VectorXd board(Eigen::Index n, const std::vector<Eigen::Index>& column, double on = 1.0,
                      double off = 0.0) {
  Eigen::VectorXd v = Eigen::VectorXd::Constant(n * n, off);
  for (Eigen::Index r = 0; r < n; ++r) v(r + n * column[static_cast<std::size_t>(r)]) = on;
  return v;
}

}  // namespace

TEST_CASE("the n-queens encoding equals the penalty energy on all 4 × 4 boards",
          "[optimisation][n_queens]") {
  const QueensPenalties p{.a = 1.3, .b = 0.7, .c = 2.0, .perturbation = 0.1};
  const QueensEncoding e = n_queens_encoding(4, p);
  CHECK(e.w.isApprox(e.w.transpose()));
  CHECK(e.w.diagonal().isZero());
  int zeros = 0;
  for (std::uint32_t mask = 0; mask < (1U << 16); ++mask) {
    Eigen::VectorXd v(16);
    for (Eigen::Index k = 0; k < 16; ++k) v(k) = mask >> k & 1U ? 1.0 : 0.0;
    const double network = -0.5 * v.dot(e.w * v) - e.bias.dot(v) + e.constant;
    const double penalty = n_queens_penalty(4, p, v);
    REQUIRE(network == Approx(penalty).margin(1e-9));
    REQUIRE(penalty >= -1e-12);
    if (std::abs(penalty) < 1e-9) {
      ++zeros;
      CHECK(decode_queens(4, v).valid);
    }
  }
  CHECK(zeros == 2);  // 4-queens has exactly two solutions
}

TEST_CASE("n-queens decoding accepts solutions and rejects attacks and missing queens",
          "[optimisation][n_queens]") {
  const std::vector<Eigen::Index> eight{0, 4, 7, 5, 2, 6, 1, 3};  // a solution
  Solution s = decode_queens(8, board(8, eight, 0.97, 0.03));
  CHECK(s.valid);
  CHECK(s.objective == 0.0);
  CHECK(s.violations == 0);
  CHECK(s.assignment == std::vector<std::int64_t>(eight.begin(), eight.end()));

  auto moved = eight;
  moved[1] = 1;  // row 1's queen to (1, 1): on (0, 0)'s diagonal and in row 6's column
  s = decode_queens(8, board(8, moved));
  CHECK_FALSE(s.valid);
  CHECK(s.objective == 2.0);
  CHECK(s.violations == 2);

  Eigen::VectorXd missing = board(8, eight);
  missing(3 + 8 * 5) = 0.4;  // below ½: the queen of row 3 is gone
  s = decode_queens(8, missing);
  CHECK_FALSE(s.valid);
  CHECK(s.objective == 0.0);
  CHECK(s.violations == 1);

  Eigen::VectorXd extra = board(8, eight);
  extra(0 + 8 * 2) = 0.9;  // a second queen on row 0 (and column 2)
  s = decode_queens(8, extra);
  CHECK_FALSE(s.valid);
  CHECK(s.violations >= 3);  // two line attacks plus the surplus queen
}

TEST_CASE("queen conflicts count each attacking pair once", "[optimisation][n_queens]") {
  CHECK(queen_conflicts({{0, 0}, {1, 1}, {2, 2}}) == 3);  // one diagonal
  CHECK(queen_conflicts({{0, 0}, {0, 3}, {3, 0}}) == 3);  // row, column, anti-diagonal
  CHECK(queen_conflicts({{0, 1}, {1, 3}, {2, 0}, {3, 2}}) == 0);
}

TEST_CASE("min-conflicts solves 20 to 100 queens and reports what it leaves",
          "[optimisation][n_queens]") {
  // Large boards are solved in about n moves (Minton et al. 1992); small ones can stall on a
  // plateau, so for n = 8 only the consistency of the report is asserted.
  for (const Eigen::Index n : {8, 20, 50, 100}) {
    RandomStream rng(3, Purpose::patterns, 0, static_cast<std::uint64_t>(n), 0);
    const auto [left, rows] = min_conflicts(n, rng, 100 * n);
    std::vector<std::pair<Eigen::Index, Eigen::Index>> queens;
    for (Eigen::Index c = 0; c < n; ++c) queens.emplace_back(rows[std::size_t(c)], c);
    CHECK(queen_conflicts(queens) == left);
    if (n >= 20) CHECK(left == 0);
  }
}
