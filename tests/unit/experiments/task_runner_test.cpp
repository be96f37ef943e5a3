// Assembly of task slices: padding of per-task datasets and concatenation of long tables.
#include "hopfield/experiments/task_runner.hpp"
#include "hopfield/experiments/journal.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using hopfield::Column;
using hopfield::DType;
using hopfield::Slice;
using hopfield::TaskResult;

TEST_CASE("per-task slices are padded to the largest shape in (point, trial) slots",
          "[experiments][assemble]") {
  const std::vector<Column> columns{{"/results/x", DType::f64, {"probe"}, "", ""},
                                    {"/results/n", DType::i64, {}, "", ""}};
  std::vector<TaskResult> results(4);
  for (std::uint64_t id = 0; id < 4; ++id) {
    results[id].point = id / 2;
    results[id].trial = id % 2;
    std::vector<double> v(id + 1);
    for (std::size_t k = 0; k < v.size(); ++k)
      v[k] = 10.0 * static_cast<double>(id) + static_cast<double>(k);
    results[id].slices = {Slice::vector(v), Slice::scalar(static_cast<double>(v.size()))};
  }
  hopfield::Record record;
  hopfield::assemble(columns, results, 2, 2, record);
  const auto* x = record.find("/results/x");
  REQUIRE(x != nullptr);
  CHECK(x->shape == std::vector<std::size_t>{2, 2, 4});
  CHECK(x->f64[0] == 0.0);
  CHECK(std::isnan(x->f64[1]));
  CHECK(x->f64[3 * 4 + 3] == 33.0);  // point 1, trial 1, probe 3
  CHECK(std::isnan(x->f64[2 * 4 + 3]));
  const auto* n = record.find("/results/n");
  CHECK(n->i64 == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK(x->dims == std::vector<std::string>{"point", "trial", "probe"});
}

TEST_CASE("long tables concatenate rows in (point, trial) order with point and trial columns",
          "[experiments][assemble]") {
  const std::vector<Column> columns{
      {"/attractors/energy", DType::f64, {"row"}, "", "", "/attractors"},
      {"/attractors/overlaps", DType::f64, {"row", "pattern"}, "", "", "/attractors"}};
  std::vector<TaskResult> results(2);
  results[0].point = 0;
  results[0].trial = 0;
  results[0].slices = {Slice::vector({-1.0, -2.0}), Slice{{2, 1}, {0.5, 0.25}}};
  results[1].point = 0;
  results[1].trial = 1;
  results[1].slices = {Slice::vector({-3.0}), Slice{{1, 2}, {0.1, 0.2}}};
  hopfield::Record record;
  hopfield::assemble(columns, results, 1, 2, record);
  const auto* e = record.find("/attractors/energy");
  REQUIRE(e != nullptr);
  CHECK(e->f64 == std::vector<double>{-1.0, -2.0, -3.0});
  const auto* m = record.find("/attractors/overlaps");
  REQUIRE(m->shape == std::vector<std::size_t>{3, 2});
  CHECK(m->f64[0] == 0.5);
  CHECK(std::isnan(m->f64[1]));
  CHECK(m->f64[4] == 0.1);
  CHECK(m->f64[5] == 0.2);
  CHECK(record.find("/attractors/trial")->i64 == std::vector<std::int64_t>{0, 0, 1});
  CHECK(record.find("/attractors/point")->i64 == std::vector<std::int64_t>{0, 0, 0});
}

TEST_CASE("u64 columns keep exact words above 2^53 through assembly and the journal",
          "[experiments][assemble][journal]") {
  const std::vector<Column> columns{
      {"/attractors/states", DType::u64, {"row", "word"}, "", "", "/attractors"},
      {"/attractors/energy", DType::f64, {"row"}, "", "", "/attractors"}};
  const std::uint64_t big = (std::uint64_t{1} << 63) + 1;  // not representable as double
  TaskResult r;
  r.point = 0;
  r.trial = 0;
  r.slices = {Slice::u64({2, 2}, {big, 3, ~std::uint64_t{0}, (std::uint64_t{1} << 53) + 1}),
              Slice::vector({-1.5, 2.5})};
  const TaskResult back = hopfield::decode_task(hopfield::encode_task(r));
  REQUIRE(back.slices.size() == 2);
  CHECK(back.slices[0].words == r.slices[0].words);
  CHECK(back.slices[0].data.empty());
  CHECK(back.slices[1].data == r.slices[1].data);
  CHECK(back.slices[1].words.empty());
  hopfield::Record record;
  hopfield::assemble(columns, {back}, 1, 1, record);
  const auto* states = record.find("/attractors/states");
  REQUIRE(states != nullptr);
  CHECK(states->shape == std::vector<std::size_t>{2, 2});
  CHECK(states->u64 == r.slices[0].words);
}

TEST_CASE("a task record whose slice sizes do not match its shape is refused",
          "[experiments][journal]") {
  TaskResult r;
  r.slices = {Slice{{3}, {1.0, 2.0}}};
  CHECK_THROWS_AS(hopfield::decode_task(hopfield::encode_task(r)), hopfield::Error);
}
