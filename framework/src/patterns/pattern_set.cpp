#include "hopfield/patterns/pattern_set.hpp"

namespace hopfield {

Eigen::MatrixXf to_representation(const Eigen::MatrixXf& values, Representation r) {
  const float on = on_value(r);
  const float off = off_value(r);
  return values.unaryExpr([on, off](float v) { return v > 0.0F ? on : off; });
}

}  // namespace hopfield
