#include "hopfield/io/results_writer.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/hdf5_file.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

using hopfield::Dataset;
using hopfield::DType;
using hopfield::InputError;
using hopfield::IoError;
using hopfield::Record;
using hopfield::io::check_output_path;
using hopfield::io::Hdf5File;
using hopfield::io::read_results;
using hopfield::io::write_results;
using hopfield::io::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

Dataset matrix_3x5() {
  Dataset d;
  d.path = "/results/matrix";
  d.dtype = DType::f64;
  d.shape = {3, 5};
  d.dims = {"row", "column"};
  d.description = "a non-square matrix, element (i, j) = 10 i + j";
  d.unit = "1";
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 5; ++j)
      d.f64.push_back(10.0 * static_cast<double>(i) + static_cast<double>(j));
  }
  return d;
}

Record sample_record() {
  Record record;
  record.text_attributes = {{"experiment", "recall"}, {"config", "seed: 1\nnote: \"α = P/N\"\n"}};
  record.integer_attributes = {{"seed", 42}, {"negative", -7}};
  record.datasets.push_back(matrix_3x5());
  Dataset points;
  points.path = "/points/patterns.alpha";
  points.dtype = DType::f64;
  points.shape = {2};
  points.dims = {"point"};
  points.f64 = {0.05, std::numeric_limits<double>::quiet_NaN()};
  record.datasets.push_back(points);
  return record;
}

const Dataset& find(const Record& record, const std::string& path) {
  for (const auto& d : record.datasets) {
    if (d.path == path) return d;
  }
  FAIL("dataset " << path << " not found");
  throw std::logic_error("unreachable");
}

std::string text_attribute(const Record& record, const std::string& name) {
  for (const auto& [key, value] : record.text_attributes) {
    if (key == name) return value;
  }
  return "<absent>";
}

}  // namespace

TEST_CASE("results round trip keeps the shape and row-major order of a 3x5 matrix", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  write_results(sample_record(), path, false);

  // Read with the raw wrapper: the stored dataspace is (3, 5), not (5, 3) or (15).
  const Hdf5File file = Hdf5File::open_read_only(path);
  const auto info = file.dataset_info("/results/matrix");
  CHECK(info.element == Hdf5File::Element::f64);
  CHECK(info.shape == std::vector<std::size_t>{3, 5});
  const auto raw = file.read_dataset<double>("/results/matrix");
  REQUIRE(raw.size() == 15);
  CHECK(raw[1] == 1.0);    // (0, 1)
  CHECK(raw[5] == 10.0);   // (1, 0)
  CHECK(raw[14] == 24.0);  // (2, 4)

  const Record back = read_results(path);
  const Dataset& matrix = find(back, "/results/matrix");
  CHECK(matrix.dtype == DType::f64);
  CHECK(matrix.shape == std::vector<std::size_t>{3, 5});
  CHECK(matrix.f64 == matrix_3x5().f64);
}

TEST_CASE("results attributes survive the round trip", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  const Record original = sample_record();
  write_results(original, path, false);
  const Record back = read_results(path);

  CHECK(text_attribute(back, "experiment") == "recall");
  CHECK(text_attribute(back, "config") == "seed: 1\nnote: \"α = P/N\"\n");
  REQUIRE(back.integer_attributes.size() >= 2);
  CHECK(back.integer_attributes[0] == std::pair<std::string, std::int64_t>{"seed", 42});
  CHECK(back.integer_attributes[1] == std::pair<std::string, std::int64_t>{"negative", -7});

  const Dataset& matrix = find(back, "/results/matrix");
  CHECK(matrix.description == "a non-square matrix, element (i, j) = 10 i + j");
  CHECK(matrix.unit == "1");
  CHECK(matrix.dims == std::vector<std::string>{"row", "column"});
  const Dataset& points = find(back, "/points/patterns.alpha");
  CHECK(points.dims == std::vector<std::string>{"point"});
  CHECK(points.f64[0] == 0.05);
  CHECK(std::isnan(points.f64[1]));
  // Datasets come back in the order they were written.
  REQUIRE(back.datasets.size() == 2);
  CHECK(back.datasets[0].path == "/results/matrix");
  CHECK(back.datasets[1].path == "/points/patterns.alpha");
}

TEST_CASE("the writer adds the format and provenance root attributes", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  write_results(sample_record(), path, false);
  const Record back = read_results(path);
  CHECK(text_attribute(back, "format") == "hopfield-results");
  CHECK(text_attribute(back, "software_version") != "<absent>");
  CHECK(text_attribute(back, "git_commit") != "<absent>");
  CHECK(text_attribute(back, "created").size() == 20);  // 2024-01-02T03:04:05Z
  bool has_version = false;
  for (const auto& [key, value] : back.integer_attributes) {
    if (key == "format_version") has_version = value == hopfield::io::results_format_version;
  }
  CHECK(has_version);
}

TEST_CASE("integer datasets of every dtype round trip exactly", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("ints.h5");
  Record record;
  Dataset i64;
  i64.path = "/a/b/c/i64";
  i64.dtype = DType::i64;
  i64.shape = {2, 2};
  i64.i64 = {-1, 0, std::numeric_limits<std::int64_t>::max(),
             std::numeric_limits<std::int64_t>::min()};
  Dataset i8;
  i8.path = "/a/i8";
  i8.dtype = DType::i8;
  i8.shape = {4};
  i8.i8 = {-128, -1, 0, 127};
  Dataset u64;
  u64.path = "/u64";
  u64.dtype = DType::u64;
  u64.shape = {1, 2, 1};
  u64.u64 = {std::numeric_limits<std::uint64_t>::max(), 5};
  Dataset empty;
  empty.path = "/empty";
  empty.dtype = DType::f64;
  empty.shape = {0, 3};
  record.datasets = {i64, i8, u64, empty};
  write_results(record, path, false);

  const Record back = read_results(path);
  CHECK(find(back, "/a/b/c/i64").dtype == DType::i64);
  CHECK(find(back, "/a/b/c/i64").i64 == i64.i64);
  CHECK(find(back, "/a/i8").dtype == DType::i8);
  CHECK(find(back, "/a/i8").i8 == i8.i8);
  CHECK(find(back, "/u64").dtype == DType::u64);
  CHECK(find(back, "/u64").u64 == u64.u64);
  CHECK(find(back, "/u64").shape == std::vector<std::size_t>{1, 2, 1});
  CHECK(find(back, "/empty").shape == std::vector<std::size_t>{0, 3});
  CHECK(find(back, "/empty").f64.empty());
}

TEST_CASE("a large dataset is stored compressed and reads back identically", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("big.h5");
  Record record;
  Dataset big;
  big.path = "/results/big";
  big.dtype = DType::f64;
  big.shape = {500, 400};
  big.f64.resize(500 * 400);
  for (std::size_t k = 0; k < big.f64.size(); ++k) big.f64[k] = static_cast<double>(k % 7);
  record.datasets.push_back(big);
  write_results(record, path, false);
  CHECK(fs::file_size(path) < big.f64.size() * sizeof(double) / 4);
  CHECK(find(read_results(path), "/results/big").f64 == big.f64);
}

TEST_CASE("an existing results file is never overwritten without overwrite", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  hopfield::io::test::write_bytes(path, "precious");
  try {
    write_results(sample_record(), path, false);
    FAIL("expected an InputError");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) ==
          "refusing to overwrite existing results file '" + path + "' (use --overwrite)");
  }
  CHECK(hopfield::io::test::read_bytes(path) == "precious");
  CHECK_FALSE(fs::exists(path + ".partial"));

  write_results(sample_record(), path, true);
  CHECK(find(read_results(path), "/results/matrix").shape == std::vector<std::size_t>{3, 5});
}

TEST_CASE("a successful write leaves no .partial file behind", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  write_results(sample_record(), path, false);
  CHECK(fs::exists(path));
  CHECK_FALSE(fs::exists(path + ".partial"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("a write that fails midway leaves no file under the final name", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  Record record = sample_record();
  // "/results/matrix" is a dataset, so it cannot also be a group: HDF5 fails on the 3rd dataset.
  Dataset child;
  child.path = "/results/matrix/child";
  child.shape = {1};
  child.f64 = {1.0};
  record.datasets.push_back(child);
  CHECK_THROWS_AS(write_results(record, path, false), IoError);
  CHECK_FALSE(fs::exists(path));
  CHECK_FALSE(fs::exists(path + ".partial"));

  Record duplicate = sample_record();
  duplicate.datasets.push_back(matrix_3x5());
  CHECK_THROWS_AS(write_results(duplicate, path, false), IoError);
  CHECK_FALSE(fs::exists(path));
  CHECK_FALSE(fs::exists(path + ".partial"));
}

TEST_CASE("a dataset whose data does not fill its shape is rejected before writing", "[io][hdf5]") {
  ScratchDir dir;
  const std::string path = dir.file("run.h5");
  Record record = sample_record();
  record.datasets[0].f64.pop_back();
  CHECK_THROWS_AS(write_results(record, path, false), hopfield::Error);
  CHECK_FALSE(fs::exists(path));
  CHECK_FALSE(fs::exists(path + ".partial"));
}

TEST_CASE("check_output_path creates a missing directory and rejects an unusable one",
          "[io][hdf5]") {
  ScratchDir dir;
  const std::string nested = (dir.path() / "a" / "b" / "run.h5").string();
  check_output_path(nested, false);
  CHECK(fs::is_directory(dir.path() / "a" / "b"));
  write_results(sample_record(), nested, false);
  CHECK(fs::exists(nested));

  // A regular file where the directory should be: cannot write there.
  hopfield::io::test::write_bytes(dir.file("file"), "x");
  CHECK_THROWS_AS(check_output_path((dir.path() / "file" / "run.h5").string(), false), IoError);
  // The results path itself is a directory.
  CHECK_THROWS_AS(check_output_path(dir.path().string(), true), InputError);
}

TEST_CASE("read_results of a missing or non-HDF5 file is an InputError", "[io][hdf5]") {
  ScratchDir dir;
  CHECK_THROWS_AS(read_results(dir.file("absent.h5")), InputError);
  hopfield::io::test::write_bytes(dir.file("text.h5"), "not hdf5");
  CHECK_THROWS_AS(read_results(dir.file("text.h5")), InputError);
}
