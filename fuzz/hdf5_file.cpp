// Fuzz target: raw bytes as an HDF5 pattern file (`patterns: {type: hdf5}`). Unlike
// hdf5_patterns, this exercises libhdf5's own parser of untrusted files; crashes inside libhdf5
// are reported upstream, not fixed here, so CI does not run this target (scripts/fuzz.sh does).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string path = fuzz::scratch_file(".raw.h5");
  fuzz::write_bytes(path, data, size);
  fuzz::accepted([&] {
    (void)prepare(io::load_yaml_text("patterns: {type: hdf5, file: '" + path + "'}\n", "fuzz.yaml"),
                  "fuzz.yaml", std::nullopt, *registry);
  });
  return 0;
}
