// Graded-response activations v = g(u) with gain β (DESIGN.md §2; Hopfield 1984, Eq. 5):
// tanh v = tanh(βu) ∈ (−1,1), logistic v = ½(1 + tanh(βu)) ∈ (0,1) (Hopfield & Tank 1985 with
// β = 1/u₀), piecewise_linear v = clamp(βu, −1, 1). Inline so right-hand sides inline them.
#pragma once

#include <algorithm>
#include <cmath>
#include <string_view>

namespace hopfield {

enum class ActivationKind { tanh, logistic, piecewise_linear };

std::string_view to_string(ActivationKind kind);
/// Parses "tanh", "logistic" or "piecewise_linear"; throws std::invalid_argument otherwise.
ActivationKind parse_activation(std::string_view text);

/// v = g(u) at gain beta.
inline double activate(ActivationKind kind, double beta, double u) {
  switch (kind) {
    case ActivationKind::tanh:
      return std::tanh(beta * u);
    case ActivationKind::logistic:
      return 0.5 * (1.0 + std::tanh(beta * u));
    case ActivationKind::piecewise_linear:
      return std::clamp(beta * u, -1.0, 1.0);
  }
  return 0.0;
}

/// g′(u) expressed through v = g(u) (and u for the piecewise-linear kink).
inline double activation_slope(ActivationKind kind, double beta, double u, double v) {
  switch (kind) {
    case ActivationKind::tanh:
      return beta * (1.0 - v * v);
    case ActivationKind::logistic:
      return 2.0 * beta * v * (1.0 - v);
    case ActivationKind::piecewise_linear:
      return std::abs(beta * u) < 1.0 ? beta : 0.0;
  }
  return 0.0;
}

/// u = g⁻¹(v) for v strictly inside the output range.
double inverse_activation(ActivationKind kind, double beta, double v);

/// The leak integral ∫_{v₀}^{v} g⁻¹(x) dx of the Lyapunov energy (Hopfield 1984, Eq. 7), from
/// v₀ = 0 (tanh, piecewise_linear) or v₀ = ½ (logistic, where g⁻¹(½) = 0), in closed form:
/// tanh: [v·artanh v + ½ ln(1 − v²)]/β; logistic: [v ln v + (1−v) ln(1−v) + ln 2]/(2β);
/// piecewise_linear: v²/(2β) (exact while |βu| < 1; a saturated neuron adds no more).
double leak_integral(ActivationKind kind, double beta, double v);

/// The output range (low, high) of an activation.
inline double output_low(ActivationKind kind) {
  return kind == ActivationKind::logistic ? 0.0 : -1.0;
}
inline double output_high(ActivationKind /*kind*/) {
  return 1.0;
}

}  // namespace hopfield
