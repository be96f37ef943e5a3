// Edge-list reader: the shipped Petersen graph reads as 10 vertices of degree 3 whose maximum cut
// is 12 and minimum bisection 5; weights and comments are honoured; every malformed line is
// refused with the file and line number.
#include "hopfield/io/edge_list_reader.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/optimisation/max_cut.hpp"
#include "hopfield/optimisation/partition.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace hopfield;
using hopfield::io::read_edge_list;
using hopfield::io::test::ScratchDir;
using hopfield::io::test::write_bytes;

TEST_CASE("the Petersen graph edge list has max cut 12 and minimum bisection 5", "[io][graph]") {
  const Eigen::MatrixXd w =
      read_edge_list(std::string(HOPFIELD_TEST_DATA) + "/graphs/petersen.txt", 100);
  REQUIRE(w.rows() == 10);
  CHECK(w.isApprox(w.transpose()));
  CHECK((w.rowwise().sum().array() == 3.0).all());
  CHECK(w.sum() == 30.0);
  CHECK(exact_max_cut(w) == 12.0);
  CHECK(exact_bisection(w) == 5.0);
}

TEST_CASE("edge lists take optional weights, comments and blank lines", "[io][graph]") {
  const ScratchDir dir;
  const std::string path = dir.file("g.txt");
  write_bytes(path, "# a weighted path\n0 1 2.5   # heavy\n\n  1 3\n3 2 -0.5\n");
  const Eigen::MatrixXd w = read_edge_list(path, 100);
  REQUIRE(w.rows() == 4);
  CHECK(w(0, 1) == 2.5);
  CHECK(w(1, 0) == 2.5);
  CHECK(w(1, 3) == 1.0);
  CHECK(w(2, 3) == -0.5);
  CHECK(w(0, 2) == 0.0);
  CHECK(w.diagonal().isZero());
}

TEST_CASE("malformed edge lists are refused with the file and line", "[io][graph]") {
  const ScratchDir dir;
  const std::string path = dir.file("bad.txt");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"0 1\n0 x\n", "bad.txt:2: vertices must be integers"},
      {"0 1\n\n2\n", "bad.txt:3: expected 'i j [weight]', got one field"},
      {"0 1 1 7\n", "bad.txt:1: expected 'i j [weight]', got more than three fields"},
      {"0 1 heavy\n", "bad.txt:1: weight must be a number"},
      {"0 1 inf\n", "bad.txt:1: weight is not finite"},
      {"0 -1\n", "bad.txt:1: vertices are numbered from 0"},
      {"2 2\n", "bad.txt:1: self-loop at vertex 2"},
      {"0 1\n1 2\n1 0 3\n", "bad.txt:3: edge 1 0 is listed twice"},
      {"0 100\n", "bad.txt:1: vertex 100 is beyond the limit of 100 vertices"},
      {"# nothing\n", "no edges"},
      {"0 1.5\n", "bad.txt:1: vertices must be integers"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    write_bytes(path, text);
    CHECK_THROWS_WITH(read_edge_list(path, 100), Catch::Contains(message));
    CHECK_THROWS_AS(read_edge_list(path, 100), InputError);
  }
  CHECK_THROWS_WITH(read_edge_list(dir.file("missing.txt"), 100),
                    Catch::Contains("cannot open edge list"));
}
