// Activations and their leak integrals (see hopfield/dynamics/continuous/activation.hpp).
#include "hopfield/dynamics/continuous/activation.hpp"

#include <stdexcept>
#include <string>

namespace hopfield {

std::string_view to_string(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::tanh:
      return "tanh";
    case ActivationKind::logistic:
      return "logistic";
    case ActivationKind::piecewise_linear:
      return "piecewise_linear";
  }
  return "unknown";
}

ActivationKind parse_activation(std::string_view text) {
  if (text == "tanh") return ActivationKind::tanh;
  if (text == "logistic") return ActivationKind::logistic;
  if (text == "piecewise_linear") return ActivationKind::piecewise_linear;
  throw std::invalid_argument("unknown activation '" + std::string(text) + "'");
}

double inverse_activation(ActivationKind kind, double beta, double v) {
  switch (kind) {
    case ActivationKind::tanh:
      return std::atanh(v) / beta;
    case ActivationKind::logistic:
      return std::atanh(2.0 * v - 1.0) / beta;
    case ActivationKind::piecewise_linear:
      return v / beta;
  }
  return 0.0;
}

namespace {
/// x ln x with its limit 0 at x = 0.
double xlogx(double x) {
  return x > 0.0 ? x * std::log(x) : 0.0;
}
}  // namespace

double leak_integral(ActivationKind kind, double beta, double v) {
  switch (kind) {
    case ActivationKind::tanh: {
      const double a = std::min(std::abs(v), 1.0);
      // v·artanh v + ½ ln(1 − v²) = ½[(1+a) ln(1+a) + (1−a) ln(1−a)], finite at the rails.
      return 0.5 * (xlogx(1.0 + a) + xlogx(1.0 - a)) / beta;
    }
    case ActivationKind::logistic: {
      const double x = std::clamp(v, 0.0, 1.0);
      return (xlogx(x) + xlogx(1.0 - x) + std::log(2.0)) / (2.0 * beta);
    }
    case ActivationKind::piecewise_linear:
      return 0.5 * v * v / beta;
  }
  return 0.0;
}

}  // namespace hopfield
