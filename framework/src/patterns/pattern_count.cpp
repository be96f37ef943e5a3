#include "pattern_count.hpp"

#include <cmath>
#include <sstream>

namespace hopfield {

std::vector<config::ParamSpec> PatternCount::specs() {
  using config::ParamSpec;
  return {
      ParamSpec::integer("count", "", "number of patterns P (give count or alpha)")
          .range(1, 2147483647.0)
          .make_optional(),
      ParamSpec::real("alpha", "", "load: P = round(alpha*N) (give count or alpha)")
          .above(0)
          .make_optional(),
  };
}

PatternCount PatternCount::from_params(const config::Params& params) {
  const bool has_count = params.has("count");
  const bool has_alpha = params.has("alpha");
  if (has_count && has_alpha) {
    params.fail("alpha", "give either count or alpha, not both");
  }
  if (!has_count && !has_alpha) {
    params.fail("count", "give the number of patterns, as count or as alpha (P = alpha*N)");
  }
  PatternCount c;
  if (has_count) {
    c.count_ = static_cast<Eigen::Index>(params.integer("count"));
    return c;
  }
  const auto& node = params.at("alpha");
  return load(params.real("alpha"), node.location(),
              node.path().empty() ? "patterns.alpha" : node.path());
}

PatternCount PatternCount::load(double alpha, Location where, std::string path) {
  if (!(alpha > 0.0) || !std::isfinite(alpha)) {
    throw Error("pattern load alpha must be a finite number > 0");
  }
  PatternCount c;
  c.alpha_ = alpha;
  c.where_ = std::move(where);
  c.path_ = std::move(path);
  return c;
}

PatternCount PatternCount::fixed(Eigen::Index count) {
  if (count < 1) {
    throw Error("pattern count must be at least 1");
  }
  PatternCount c;
  c.count_ = count;
  return c;
}

Eigen::Index PatternCount::resolve(Eigen::Index neurons) const {
  if (count_ > 0) {
    return count_;
  }
  const auto p = static_cast<Eigen::Index>(std::llround(alpha_ * static_cast<double>(neurons)));
  if (p < 1) {
    std::ostringstream msg;
    msg << "'" << path_ << "': alpha = " << alpha_
        << " gives round(alpha*N) = 0 patterns for N = " << neurons
        << "; use a larger alpha or give count";
    throw ConfigError(where_, msg.str());
  }
  return p;
}

}  // namespace hopfield
