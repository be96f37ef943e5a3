#include "hopfield/measure/modules.hpp"

#include "standard_measures.hpp"

#include <memory>

namespace hopfield {

namespace {

template <class M>
void add(config::Family<Measure>& family) {
  family.add(M::doc(), [](const config::Params&) -> std::unique_ptr<Measure> {
    return std::make_unique<M>();
  });
}

}  // namespace

void register_measure_modules(config::Registry& registry) {
  auto& family = registry.family<Measure>("measure");
  add<OverlapMeasure>(family);
  add<MaxOverlapMeasure>(family);
  add<HammingMeasure>(family);
  add<EnergyMeasure>(family);
  add<EnergyTraceMeasure>(family);
  add<SweepsMeasure>(family);
  add<ConvergedMeasure>(family);
  add<CycleMeasure>(family);
  add<SuccessMeasure>(family);
}

}  // namespace hopfield
