// The module registry and schema validation (see hopfield/config/registry.hpp).
#include "hopfield/config/registry.hpp"

#include <algorithm>

namespace hopfield::config {

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + words[i];
  return out;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// Defaults are written in a tiny subset of YAML: a scalar, "{}", "[]" or "[a, b, c]".
Node parse_default(const std::string& text, const Location& where) {
  if (text == "{}") return Node::make_map(where);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    Node seq = Node::make_sequence(where);
    const std::string inner = trim(text.substr(1, text.size() - 2));
    std::size_t start = 0;
    while (!inner.empty() && start <= inner.size()) {
      const auto comma = inner.find(',', start);
      const auto item =
          trim(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!item.empty()) seq.push_back(Node::make_scalar(item, where));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return seq;
  }
  return Node::make_scalar(text, where);
}

}  // namespace

std::vector<std::string> FamilyBase::names() const {
  std::vector<std::string> out;
  out.reserve(docs_.size());
  for (const auto& d : docs_) out.push_back(d.name);
  return out;
}

const ModuleDoc* FamilyBase::find(std::string_view type) const {
  for (const auto& d : docs_)
    if (d.name == type) return &d;
  return nullptr;
}

void FamilyBase::add_doc(ModuleDoc doc) {
  if (find(doc.name) != nullptr)
    throw Error("registry: " + name_ + " module '" + doc.name + "' registered twice");
  docs_.push_back(std::move(doc));
  std::sort(docs_.begin(), docs_.end(),
            [](const ModuleDoc& a, const ModuleDoc& b) { return a.name < b.name; });
}

bool Registry::has_family(std::string_view name) const {
  return std::any_of(families_.begin(), families_.end(),
                     [&](const auto& f) { return f->name() == name; });
}

const FamilyBase& Registry::family_base(std::string_view name) const {
  for (const auto& f : families_)
    if (f->name() == name) return *f;
  throw Error("registry: no module family '" + std::string(name) + "'");
}

std::vector<const FamilyBase*> Registry::families() const {
  std::vector<const FamilyBase*> out;
  for (const auto& f : families_) out.push_back(f.get());
  return out;
}

std::vector<const ModuleDoc*> Registry::find_type(std::string_view type) const {
  std::vector<const ModuleDoc*> out;
  for (const auto& f : families_)
    if (const auto* d = f->find(type)) out.push_back(d);
  return out;
}

void Registry::validate_module(Node& node, std::string_view family) const {
  const FamilyBase& fam = family_base(family);
  if (node.is_scalar()) {
    Node map = Node::make_map(node.location());
    map.set("type", node);
    const std::string path = node.path();
    node = std::move(map);
    node.assign_paths(path);
  }
  if (!node.is_map())
    node.fail("expected a " + std::string(family) + " module ({type: name, ...} or a name); " +
              "registered: " + join(fam.names()));
  const Node* type = node.find("type");
  if (type == nullptr)
    node.fail("missing key 'type'; registered " + std::string(family) +
              " types: " + join(fam.names()));
  const std::string& name = type->text();
  const ModuleDoc* doc = fam.find(name);
  if (doc == nullptr) {
    std::string msg = "unknown " + std::string(family) + " type '" + name + "'";
    const auto guess = closest_match(name, fam.names());
    if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    type->fail(msg + "; registered: " + join(fam.names()));
  }
  validate_map(node, doc->params, {"type"});
}

void Registry::validate_map(Node& map, const std::vector<ParamSpec>& specs,
                            const std::vector<std::string>& allowed_extra) const {
  if (map.is_null()) {
    const Location where = map.location();
    const std::string path = map.path();
    map = Node::make_map(where);
    map.assign_paths(path);
  }
  if (!map.is_map()) map.fail("expected a mapping of keys");

  std::vector<std::string> known = allowed_extra;
  for (const auto& s : specs) known.push_back(s.name);
  for (const auto& [key, child] : map.entries()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string msg = "unknown key '" + key + "' in '" + map.path() + "'";
    const auto guess = closest_match(key, known);
    if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    throw ConfigError(child.location(), msg + "; known keys: " + join(known));
  }

  for (const auto& spec : specs) {
    Node* child = map.find(spec.name);
    if (child == nullptr || (child->is_null() && spec.kind != ParamKind::section)) {
      if (!spec.default_text.empty()) {
        child = &map.set(spec.name, parse_default(spec.default_text, map.location()));
        child->assign_paths(map.path().empty() ? spec.name : map.path() + "." + spec.name);
      } else if (spec.optional) {
        if (child != nullptr) map.erase(spec.name);
        continue;
      } else {
        map.fail("missing required key '" + spec.name + "' (" + spec.help + ")");
      }
    }
    check_value(*child, spec);
    switch (spec.kind) {
      case ParamKind::module:
        validate_module(*child, spec.family);
        break;
      case ParamKind::module_list: {
        if (!child->is_sequence()) {
          Node seq = Node::make_sequence(child->location());
          seq.push_back(*child);
          const std::string path = child->path();
          *child = std::move(seq);
          child->assign_paths(path);
        }
        for (auto& item : child->items()) validate_module(item, spec.family);
        break;
      }
      case ParamKind::section:
        validate_map(*child, spec.fields);
        break;
      default:
        break;
    }
  }
}

}  // namespace hopfield::config
