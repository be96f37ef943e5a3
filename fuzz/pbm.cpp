// Fuzz target: the PBM (P1/P4) reader and the pbm patterns built from it. Bytes → a bitmap or an
// InputError; an accepted bitmap has width × height bits of 0/1 and, written to a file, becomes
// patterns of width × height neurons through the config (or a ConfigError).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/pbm_reader.hpp"
#include "hopfield/io/yaml_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  static const std::string file = fuzz::scratch_file(".pbm");
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  io::Bitmap bitmap;
  if (!fuzz::accepted([&] { bitmap = io::parse_pbm(bytes, "fuzz.pbm"); })) return 0;
  if (bitmap.width < 1 || bitmap.height < 1 ||
      bitmap.bits.size() !=
          static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height))
    fuzz::violated("bitmap size does not match its header");
  for (const auto b : bitmap.bits)
    if (b > 1) fuzz::violated("a bit is neither 0 nor 1");
  fuzz::write_bytes(file, data, size);
  fuzz::accepted([&] {
    const Prepared p =
        prepare(io::load_yaml_text("patterns: {type: pbm, files: ['" + file + "']}\n", "fuzz.yaml"),
                "fuzz.yaml", std::nullopt, *registry);
    if (p.models.front().network.neurons != bitmap.width * bitmap.height)
      fuzz::violated("the network size is not width × height");
  });
  return 0;
}
