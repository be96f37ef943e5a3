#include "hopfield/noise/modules.hpp"

#include "burst_noise.hpp"
#include "clip_noise.hpp"
#include "dilution_noise.hpp"
#include "flip_noise.hpp"
#include "gaussian_current.hpp"
#include "gaussian_noise.hpp"
#include "mask_noise.hpp"
#include "quantise_noise.hpp"
#include "synaptic_gaussian_noise.hpp"

namespace hopfield {

void register_noise_modules(config::Registry& registry) {
  auto& family = registry.family<Noise>("noise");
  family.add(FlipNoise::doc(), &FlipNoise::make);
  family.add(MaskNoise::doc(), &MaskNoise::make);
  family.add(GaussianNoise::doc(), &GaussianNoise::make);
  family.add(BurstNoise::doc(), &BurstNoise::make);
  family.add(SynapticGaussianNoise::doc(), &SynapticGaussianNoise::make);
  family.add(DilutionNoise::doc(), &DilutionNoise::make);
  family.add(QuantiseNoise::doc(), &QuantiseNoise::make);
  family.add(ClipNoise::doc(), &ClipNoise::make);
  family.add(GaussianCurrentNoise::doc(), &GaussianCurrentNoise::make);
}

}  // namespace hopfield
