// The module registry (DESIGN.md §3): families (patterns, learning, noise, dynamics, measure,
// experiment, …) of named modules, each with a one-line help and a parameter schema. Modules are
// added by explicit register_*() calls, never by static initialisers. `hopfield list` and
// `hopfield describe` print from here, and docs/config.md is generated from it.
#pragma once

#include "hopfield/config/node.hpp"
#include "hopfield/config/params.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hopfield::config {

struct ModuleDoc {
  std::string family;
  std::string name;
  std::string help;
  std::vector<ParamSpec> params;
  std::string notes;  ///< longer documentation (equations, caveats), Markdown
};

class Registry;

class FamilyBase {
 public:
  FamilyBase(std::string name, std::string help) : name_(std::move(name)), help_(std::move(help)) {}
  virtual ~FamilyBase() = default;
  FamilyBase(const FamilyBase&) = delete;
  FamilyBase& operator=(const FamilyBase&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& help() const { return help_; }
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] const ModuleDoc* find(std::string_view type) const;
  [[nodiscard]] const std::vector<ModuleDoc>& docs() const { return docs_; }

 protected:
  void add_doc(ModuleDoc doc);

 private:
  std::string name_;
  std::string help_;
  std::vector<ModuleDoc> docs_;
};

template <class T>
class Family final : public FamilyBase {
 public:
  using Maker = std::function<std::unique_ptr<T>(const Params&)>;
  using FamilyBase::FamilyBase;

  /// Adds a module; the doc's family is set to this family's name.
  void add(ModuleDoc doc, Maker make) {
    doc.family = name();
    makers_[doc.name] = std::move(make);
    add_doc(std::move(doc));
  }
  /// Builds the module from a node that Registry::validate_module has validated.
  [[nodiscard]] std::unique_ptr<T> make(const Node& validated) const {
    const auto& type = validated.at("type").text();
    auto it = makers_.find(type);
    if (it == makers_.end()) validated.fail("unknown " + name() + " type '" + type + "'");
    return it->second(Params(validated));
  }

 private:
  std::map<std::string, Maker, std::less<>> makers_;
};

class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;
  template <class T>
  Family<T>& add_family(std::string name, std::string help) {
    auto family = std::make_unique<Family<T>>(name, std::move(help));
    auto* raw = family.get();
    families_.emplace_back(std::move(family));
    return *raw;
  }
  template <class T>
  [[nodiscard]] const Family<T>& family(std::string_view name) const {
    const auto* f = dynamic_cast<const Family<T>*>(&family_base(name));
    if (f == nullptr) throw Error("registry: family '" + std::string(name) + "' has another type");
    return *f;
  }
  template <class T>
  [[nodiscard]] Family<T>& family(std::string_view name) {
    auto* f = dynamic_cast<Family<T>*>(&const_cast<FamilyBase&>(family_base(name)));
    if (f == nullptr) throw Error("registry: family '" + std::string(name) + "' has another type");
    return *f;
  }
  [[nodiscard]] bool has_family(std::string_view name) const;
  [[nodiscard]] const FamilyBase& family_base(std::string_view name) const;
  [[nodiscard]] std::vector<const FamilyBase*> families() const;
  /// All modules named type, across families (a name may exist in several).
  [[nodiscard]] std::vector<const ModuleDoc*> find_type(std::string_view type) const;

  /// Validates a module node in place: a bare name becomes {type: name}; the type must be
  /// registered in the family (else the error lists the registered ones); the keys are checked
  /// against the module's schema and defaults are filled in.
  void validate_module(Node& node, std::string_view family) const;
  /// Validates a mapping against a schema in place (unknown keys, types, bounds, defaults).
  /// `allowed_extra` keys are accepted without checking (e.g. "type").
  void validate_map(Node& map, const std::vector<ParamSpec>& specs,
                    const std::vector<std::string>& allowed_extra = {}) const;

 private:
  std::vector<std::unique_ptr<FamilyBase>> families_;
};

}  // namespace hopfield::config
