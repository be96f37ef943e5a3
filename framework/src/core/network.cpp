// Energy and local fields of a discrete network (Hopfield 1982, Eq. 7), summed in float64 in a
// fixed order so that a result never depends on threads or on the call site.
#include "hopfield/core/network.hpp"

#include "hopfield/core/error.hpp"

#include <string>

namespace hopfield {

namespace {

void check_sizes(const Network& net, Eigen::Index state_size) {
  const Eigen::Index n = net.size();
  if (state_size != n) {
    throw InputError("state has " + std::to_string(state_size) + " neurons, network has " +
                     std::to_string(n));
  }
  if (net.threshold.size() != n || net.input.size() != n) {
    throw InputError("network thresholds/inputs have sizes " +
                     std::to_string(net.threshold.size()) + "/" + std::to_string(net.input.size()) +
                     ", expected " + std::to_string(n));
  }
}

}  // namespace

double energy(const Network& net, const State& s) {
  check_sizes(net, s.size());
  Eigen::VectorXd g;
  net.couplings->raw_fields(s, g);
  return energy_from_fields(net, s, g);
}

double energy_from_fields(const Network& net, const State& s, const Eigen::VectorXd& g) {
  check_sizes(net, s.size());
  double quadratic = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i) quadratic += static_cast<double>(s[i]) * g[i];
  return energy_from_quadratic(net, s, quadratic);
}

double energy_from_quadratic(const Network& net, const State& s, double quadratic) {
  double linear = 0.0;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    linear += static_cast<double>(s[i]) * (net.threshold[i] - net.input[i]);
  return linear - 0.5 * net.couplings->scale() * quadratic;
}

Eigen::VectorXd local_fields(const Network& net, const State& s) {
  check_sizes(net, s.size());
  Eigen::VectorXd g;
  net.couplings->raw_fields(s, g);
  return net.couplings->scale() * g - net.offset();
}

}  // namespace hopfield
