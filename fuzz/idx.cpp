// Fuzz target: the IDX (MNIST) reader and the idx patterns built from it. Bytes (plain or
// gzipped IDX) → an array whose size matches its header, or an InputError; images are then
// loaded as patterns through the config (or refused with a ConfigError).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/idx_reader.hpp"
#include "hopfield/io/yaml_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string file = fuzz::scratch_file(".idx");
  fuzz::write_bytes(file, data, size);
  io::IdxArray array;
  if (!fuzz::accepted([&] { array = io::read_idx(file); })) return 0;
  std::size_t elements = 1;
  for (const auto d : array.dims) elements *= d;
  if (elements != array.data.size()) fuzz::violated("IDX data size does not match its header");
  if (array.dims.size() != 3) return 0;
  // The binarisation rule is picked by the input's length, so both are exercised.
  const std::string binarize = size % 2 == 0 ? "mean" : "half";
  fuzz::accepted([&] {
    const Prepared p =
        prepare(io::load_yaml_text("patterns: {type: idx, images: '" + file +
                                       "', per_class: 2, binarize: " + binarize + "}\n",
                                   "fuzz.yaml"),
                "fuzz.yaml", std::nullopt, *registry);
    if (static_cast<std::size_t>(p.models.front().network.neurons) != array.dims[1] * array.dims[2])
      fuzz::violated("the network size is not rows × cols");
  });
  return 0;
}
