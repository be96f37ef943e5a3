#include "hopfield/patterns/pattern_set.hpp"

namespace hopfield {

PatternMatrix to_representation(const Eigen::MatrixXf& values, Representation r) {
  const auto on = static_cast<std::int8_t>(on_value(r));
  const auto off = static_cast<std::int8_t>(off_value(r));
  return values.unaryExpr([on, off](float v) { return v > 0.0F ? on : off; });
}

}  // namespace hopfield
