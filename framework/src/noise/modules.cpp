#include "hopfield/noise/modules.hpp"

#include "flip_noise.hpp"
#include "mask_noise.hpp"

namespace hopfield {

void register_noise_modules(config::Registry& registry) {
  auto& family = registry.family<Noise>("noise");
  family.add(FlipNoise::doc(), &FlipNoise::make);
  family.add(MaskNoise::doc(), &MaskNoise::make);
}

}  // namespace hopfield
