// Names of the state representations and the bipolar image used by overlaps (DESIGN.md §2).
#include "hopfield/core/state.hpp"

#include <stdexcept>
#include <string>

namespace hopfield {

std::string_view to_string(Representation r) {
  switch (r) {
    case Representation::bipolar:
      return "bipolar";
    case Representation::binary:
      return "binary";
  }
  return "unknown";
}

Representation parse_representation(std::string_view text) {
  if (text == "bipolar") return Representation::bipolar;
  if (text == "binary") return Representation::binary;
  throw std::invalid_argument("unknown representation '" + std::string(text) +
                              "' (expected bipolar or binary)");
}

Eigen::VectorXf bipolar_image(const State& s, Representation r) {
  if (r == Representation::bipolar) return s;
  return (2.0F * s.array() - 1.0F).matrix();
}

}  // namespace hopfield
