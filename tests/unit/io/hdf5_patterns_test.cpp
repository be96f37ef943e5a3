#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/io/hdf5_file.hpp"
#include "hopfield/io/modules.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/patterns/pattern_set.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace hopfield;
using hopfield::io::test::ScratchDir;

namespace {

std::unique_ptr<PatternSource> make(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<PatternSource>("patterns", "pattern sources");
  io::register_io_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("patterns");
  registry.validate_module(node, "patterns");
  return registry.family<PatternSource>("patterns").make(node);
}

PatternSet load(const PatternSource& source, Representation r) {
  RandomStream rng(1, Purpose::patterns, 0, 0, 0);
  return source.generate(PatternContext{source.fixed_neurons(), r}, rng);
}

/// A (2 points, 3 trials, 4 patterns, 5 neurons) int8 dataset like /patterns/xi of a run; the
/// value at (p, t, mu, i) is +1 when (p + t + mu + i) is odd; trial (1, 2) stores only 2
/// patterns and is -1-padded, as the results writer pads.
void write_run_like(const std::string& path, bool binary) {
  auto file = io::Hdf5File::create(path);
  std::vector<std::int8_t> xi;
  const std::int8_t off = binary ? 0 : -1;
  for (int p = 0; p < 2; ++p)
    for (int t = 0; t < 3; ++t)
      for (int mu = 0; mu < 4; ++mu)
        for (int i = 0; i < 5; ++i) {
          const bool padded = p == 1 && t == 2 && mu >= 2;
          xi.push_back(padded ? std::int8_t{-1} : ((p + t + mu + i) % 2 == 1 ? 1 : off));
        }
  file.write_dataset<std::int8_t>("/patterns/xi", {2, 3, 4, 5}, xi);
  std::vector<std::int64_t> stored{4, 4, 4, 4, 4, 2};
  file.write_dataset<std::int64_t>("/results/patterns_stored", {2, 3}, stored);
  file.close();
}

}  // namespace

TEST_CASE("hdf5 patterns round-trip a run's /patterns/xi slice", "[io][hdf5][patterns]") {
  ScratchDir dir;
  for (const bool binary : {false, true}) {
    const std::string path = dir.file(binary ? "bin.h5" : "bip.h5");
    write_run_like(path, binary);
    const auto source = make("{type: hdf5, file: '" + path + "', point: 1, trial: 0}");
    REQUIRE(source->fixed_neurons() == 5);
    REQUIRE(source->count(5) == 4);
    for (const auto r : {Representation::bipolar, Representation::binary}) {
      const PatternSet set = load(*source, r);
      for (int mu = 0; mu < 4; ++mu)
        for (int i = 0; i < 5; ++i)
          CHECK(set.xi(mu, i) == ((1 + mu + i) % 2 == 1 ? on_value(r) : off_value(r)));
    }
    // The padded trial gives its real P from /results/patterns_stored.
    const auto padded = make("{type: hdf5, file: '" + path + "', point: 1, trial: 2}");
    CHECK(padded->count(5) == 2);
    CHECK(make("{type: hdf5, file: '" + path + "', count: 3}")->count(5) == 3);
  }
}

TEST_CASE("hdf5 patterns read a 2-D dataset and reject bad values, shapes and slices",
          "[io][hdf5][patterns]") {
  ScratchDir dir;
  const std::string path = dir.file("p.h5");
  {
    auto file = io::Hdf5File::create(path);
    std::vector<double> good{1, 0, 1, 0, 0, 1};
    file.write_dataset<double>("/good", {2, 3}, good);
    std::vector<double> bad{1, 0.5, 1, 0, 0, 1};
    file.write_dataset<double>("/bad", {2, 3}, bad);
    std::vector<double> mixed{1, 0, -1, 0, 0, 1};
    file.write_dataset<double>("/mixed", {2, 3}, mixed);
    std::vector<double> flat{1, 0, 1};
    file.write_dataset<double>("/flat", {3}, flat);
    file.close();
  }
  const auto source = make("{type: hdf5, file: '" + path + "', dataset: /good}");
  const PatternSet set = load(*source, Representation::bipolar);
  REQUIRE(set.count() == 2);
  CHECK(set.xi(0, 0) == 1.0F);
  CHECK(set.xi(0, 1) == -1.0F);
  CHECK(set.xi(1, 2) == 1.0F);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /bad}"), ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /mixed}"), ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /flat}"), ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /none}"), ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /good, trial: 1}"),
                  ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + path + "', dataset: /good, count: 3}"),
                  ConfigError);
  CHECK_THROWS_AS(make("{type: hdf5, file: '" + dir.file("missing.h5") + "'}"), ConfigError);
}

TEST_CASE("a small file declaring a huge dataset is refused with the estimate before reading",
          "[io][hdf5][patterns]") {
  // 10⁶ × 10⁶ doubles (8 TB) that exist only as a fill value: the file is a few KiB, reading
  // the dataset would allocate terabytes. The layer reads only the slice it needs, and only
  // after checking the estimate against the memory budget.
  ScratchDir dir;
  const std::string path = dir.file("huge.h5");
  {
    const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(file >= 0);
    const hsize_t dims[2] = {1000000, 1000000};
    const hsize_t chunk[2] = {64, 64};
    const hid_t space = H5Screate_simple(2, dims, nullptr);
    const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 2, chunk);
    const hid_t set =
        H5Dcreate2(file, "/x", H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    REQUIRE(set >= 0);
    H5Dclose(set);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Fclose(file);
  }
  REQUIRE(std::filesystem::file_size(path) < 100000);
  try {
    (void)make("{type: hdf5, file: '" + path + "', dataset: /x}");
    FAIL("not refused");
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("1000000 × 1000000") != std::string::npos);
    CHECK(what.find("needs about") != std::string::npos);
  }
  // A count that fits is read from the same file (fill value 0: binary patterns, all off).
  const auto few = make("{type: hdf5, file: '" + path + "', dataset: /x, count: 2}");
  CHECK(few->count(0) == 2);
  CHECK(few->fixed_neurons() == 1000000);
}
