// Fuzz target: the config loader and validation. YAML text (lines "#set key=value" are applied
// as --set overrides) → a validated run, every sweep point included, or a ConfigError or
// InputError; never a crash, another exception, a hang or a leak. An accepted config's resolved
// form (what results files store and `validate --print` shows) must load and validate to
// itself. Sweeps of more than 16 points are expanded but not validated point by point (that is
// linear work by design, not a hang).
#include "fuzz_support.hpp"

#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_emitter.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hopfield;
  static const auto registry = make_registry();
  const std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::accepted([&] {
    config::Node raw = io::load_yaml_text(text, "fuzz.yaml");
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
      if (line.rfind("#set ", 0) == 0) io::apply_override(raw, line.substr(5));
    const auto plan = sweep::expand(raw.is_map() ? raw.find("sweep") : nullptr);
    if (plan.points.size() > 16) return;
    const Prepared prepared = prepare(raw, "fuzz.yaml", std::nullopt, *registry);
    const std::string resolved = io::to_yaml(prepared.root);
    std::string again;
    const bool ok = fuzz::accepted([&] {
      const Prepared p = prepare(io::load_yaml_text(resolved, "resolved.yaml"), "fuzz.yaml",
                                 std::nullopt, *registry);
      again = io::to_yaml(p.root);
    });
    if (!ok) fuzz::violated("the resolved config is refused:\n" + resolved);
    if (again != resolved)
      fuzz::violated("the resolved config resolves differently:\n" + resolved + "---\n" + again);
  });
  return 0;
}
