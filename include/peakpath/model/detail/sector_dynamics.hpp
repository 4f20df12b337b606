// SPDX-License-Identifier: Apache-2.0
// peakpath: capital-stock turnover of the sectors that have technology classes (C2).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/core/check.hpp"
#include "peakpath/data/dataset.hpp"
#include "peakpath/model/detail/scenario_paths.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"
#include "peakpath/stock/capacity_dynamics.hpp"

namespace peakpath::detail {

/// The stock turnover of one sector, sampled at every model year.
struct SectorDynamics {
  std::size_t sector = 0;
  std::vector<std::string> classes;
  stock::CapacityResult result;
  Eigen::VectorXd intensity_index;  ///< capacity-weighted intensity / its base-year value
  Eigen::MatrixXd energy_weight;    ///< years x classes: each class's share of the sector's energy
  bool constrained = false;         ///< a replacement ratio caps new capacity
  Eigen::VectorXd output_capacity;  ///< capacity x target utilisation: the most it can produce
};

/// Weibull lifetime with the given mean: scale = mean / Gamma(1 + 1/shape).
inline stock::Lifetime weibull_with_mean(double mean, double shape) {
  return stock::Lifetime::weibull(shape, mean / std::tgamma(1.0 + 1.0 / shape));
}

/// The weight of a class in new capacity: a logistic curve (`new_build_logistic_rate` and
/// `_midpoint`), a Bass curve launched at `new_build_bass_launch` (`new_build_bass_p`, `_q`),
/// a prescribed `new_build_share` path, or else the class's base share. Lever values are read
/// at the base year; weights are normalised across the sector's classes.
inline stock::ShareCurve new_build_curve(const ScenarioPaths& paths, const std::string& key,
                                         double base_year, double base_share) {
  const auto scalar = [&](const char* variable) -> std::optional<double> {
    const TimePath* path = paths.find(variable, key);
    return path ? std::optional<double>(path->at(base_year)) : std::nullopt;
  };
  const auto rate = scalar("new_build_logistic_rate");
  const auto midpoint = scalar("new_build_logistic_midpoint");
  const auto p = scalar("new_build_bass_p");
  const auto q = scalar("new_build_bass_q");
  const auto launch = scalar("new_build_bass_launch");
  if (rate || midpoint) {
    if (!rate || !midpoint)
      throw std::invalid_argument("new-build curve of '" + key +
                                  "': new_build_logistic_rate and _midpoint go together");
    return stock::ShareCurve::logistic(1.0, *rate, *midpoint);
  }
  if (p || q || launch) {
    if (!p || !q || !launch)
      throw std::invalid_argument("new-build curve of '" + key +
                                  "': new_build_bass_p, _q and _launch go together");
    return stock::ShareCurve::bass(*p, *q, *launch);
  }
  const TimePath* weight = paths.find("new_build_share", key);
  return stock::ShareCurve(weight ? *weight : TimePath(base_share));
}

/// The `retrofit_rate` paths of sector @p id (keys "sector/from/to", each a share of the source
/// class's base-year capacity per year) as flows between @p specs, in capacity per year.
/// @throws std::invalid_argument for a key that is not sector/from/to or names an unknown class.
inline std::vector<stock::RetrofitFlow> retrofit_flows(
    const ScenarioPaths& paths, const std::string& id,
    const std::vector<const TechnologyClassSpec*>& specs, double base_capacity) {
  std::vector<stock::RetrofitFlow> flows;
  const auto retrofit = paths.all().find("retrofit_rate");
  if (retrofit == paths.all().end()) return flows;
  for (const auto& [key, rate] : retrofit->second) {
    if (key.compare(0, id.size() + 1, id + "/") != 0) continue;
    const std::string rest = key.substr(id.size() + 1);
    const auto slash = rest.find('/');
    const auto index_of = [&](const std::string& name) {
      for (std::size_t k = 0; k < specs.size(); ++k)
        if (specs[k]->name == name) return k;
      throw std::invalid_argument("retrofit_rate '" + key + "': unknown class '" + name +
                                  "' of sector '" + id + "'");
    };
    if (slash == std::string::npos)
      throw std::invalid_argument("retrofit_rate '" + key + "': use the key sector/from/to");
    stock::RetrofitFlow flow;
    flow.from = index_of(rest.substr(0, slash));
    flow.to = index_of(rest.substr(slash + 1));
    std::vector<double> absolute;
    for (double v : rate.values())
      absolute.push_back(v * specs[flow.from]->base_share * base_capacity);
    flow.rate = TimePath(rate.years(), absolute, "retrofit_rate " + key);
    flows.push_back(flow);
  }
  return flows;
}

/// Simulates the technology classes of sector @p s driven by @p activity (one value per year),
/// keeping at least @p minimum_capacity (empty: none).
/// Base-year capacity = activity / utilisation (or the minimum), split by base_share and aged
/// uniformly over [0, 2 x mean_age); new builds follow the `new_build_share` weights (default: base
/// shares); `phase_out_rate` (share of base-year capacity per year) and `retrofit_rate` (key
/// "sector/from/to", share of the source's base-year capacity per year) move capacity.
inline SectorDynamics simulate_sector_classes(const Dataset& data, const ScenarioPaths& paths,
                                              std::size_t s, const std::vector<double>& activity,
                                              const std::vector<double>& years,
                                              const stock::SolverOptions& options,
                                              const TimePath& minimum_capacity = {}) {
  std::vector<const TechnologyClassSpec*> specs;
  for (const auto& spec : data.technologies)
    if (spec.sector == s) specs.push_back(&spec);
  const std::string& id = data.sectors[s].id;

  stock::CapacityModel model;
  model.sector = id;
  model.base_retirement = stock::BaseRetirement::age_distribution;
  model.hazard_table_step = 0.25;
  if (const TimePath* u = paths.find("utilisation", id)) {
    // Checked here, by name: capacity = activity / utilisation turns 0 into NaN downstream,
    // and a share near 0 into capacities the stock integration cannot follow.
    for (double year : years)
      if (const double v = u->at(year); !(v >= MIN_UTILISATION && v <= 1.0))
        check_bounded("utilisation " + id + " in " + std::to_string(static_cast<int>(year)),
                      "value", v, MIN_UTILISATION, 1.0);
    model.target_utilisation = *u;
  }
  if (const TimePath* ratio = paths.find("replacement_ratio", id)) model.replacement_ratio = *ratio;
  stock::CapacityInputs inputs;
  inputs.years = years;
  inputs.activity = TimePath(years, activity, "activity of " + id);
  inputs.minimum_capacity = minimum_capacity;
  const double base_capacity = stock::needed_capacity(model, inputs, years.front());

  SectorDynamics dynamics;
  dynamics.sector = s;
  for (const TechnologyClassSpec* spec : specs) {
    stock::TechnologyClass cls;
    cls.name = spec->name;
    cls.lifetime = weibull_with_mean(spec->lifetime_mean, spec->lifetime_shape);
    const auto ages = static_cast<std::size_t>(std::max(1.0, std::round(2.0 * spec->mean_age)));
    cls.base_capacity_by_age.assign(ages, spec->base_share * base_capacity / ages);
    const std::string key = id + "/" + spec->name;
    cls.new_build_weight = new_build_curve(paths, key, years.front(), spec->base_share);
    cls.intensity = TimePath(spec->relative_intensity);
    model.classes.push_back(cls);
    const TimePath* phase_out = paths.find("phase_out_rate", key);
    if (phase_out) {
      std::vector<double> absolute;
      for (double v : phase_out->values()) absolute.push_back(v * spec->base_share * base_capacity);
      inputs.phase_out.push_back(TimePath(phase_out->years(), absolute, "phase_out_rate " + key));
    } else {
      inputs.phase_out.emplace_back();
    }
    dynamics.classes.push_back(spec->name);
  }
  inputs.retrofits = retrofit_flows(paths, id, specs, base_capacity);
  dynamics.result = stock::simulate(model, inputs, options);
  dynamics.constrained = !model.replacement_ratio.empty();
  dynamics.output_capacity.resize(static_cast<Eigen::Index>(years.size()));
  for (std::size_t t = 0; t < years.size(); ++t)
    dynamics.output_capacity[static_cast<Eigen::Index>(t)] =
        dynamics.result.capacity.row(static_cast<Eigen::Index>(t)).sum() *
        model.target_utilisation.at(years[t]);
  const Eigen::Index T = static_cast<Eigen::Index>(years.size());
  const auto K = static_cast<Eigen::Index>(specs.size());
  dynamics.intensity_index = dynamics.result.intensity / dynamics.result.intensity[0];
  dynamics.energy_weight.resize(T, K);
  for (Eigen::Index t = 0; t < T; ++t) {
    double total = 0.0;
    for (Eigen::Index k = 0; k < K; ++k) {
      dynamics.energy_weight(t, k) =
          dynamics.result.capacity(t, k) * specs[static_cast<std::size_t>(k)]->relative_intensity;
      total += dynamics.energy_weight(t, k);
    }
    if (total > 0) dynamics.energy_weight.row(t) /= total;
  }
  return dynamics;
}

/// Whether sector @p s has technology classes.
inline bool has_technology_classes(const Dataset& data, std::size_t s) {
  for (const auto& spec : data.technologies)
    if (spec.sector == s) return true;
  return false;
}

/// Simulates every sector with technology classes on its activity (@p activity: years x
/// sectors), except @p fleet_sector (power and heat): its classes are the thermal fleet, driven
/// by thermal generation once the electricity balance is known (see run()).
inline std::vector<SectorDynamics> simulate_sector_dynamics(const Dataset& data,
                                                            const ScenarioPaths& paths,
                                                            const Eigen::MatrixXd& activity,
                                                            const std::vector<double>& years,
                                                            const stock::SolverOptions& options,
                                                            std::size_t fleet_sector) {
  std::vector<SectorDynamics> all;
  for (std::size_t s = 0; s < data.sectors.size(); ++s) {
    if (!has_technology_classes(data, s) || s == fleet_sector) continue;
    const Eigen::VectorXd column = activity.col(static_cast<Eigen::Index>(s));
    all.push_back(simulate_sector_classes(
        data, paths, s, std::vector<double>(column.data(), column.data() + column.size()), years,
        options));
  }
  return all;
}

/// The sector's fuel mix blended from its classes by energy weight. Classes without their own
/// mix share the "remaining" mix, solved so that the base-year blend equals @p base_mix.
/// @throws std::domain_error when the classes' own mixes need more of a fuel than the sector
///         used in the base year.
inline std::vector<Eigen::VectorXd> class_mix_blend(const Dataset& data,
                                                    const SectorDynamics& dynamics,
                                                    const Eigen::VectorXd& base_mix) {
  std::vector<const TechnologyClassSpec*> specs;
  for (const auto& spec : data.technologies)
    if (spec.sector == dynamics.sector) specs.push_back(&spec);
  Eigen::VectorXd explicit_part = Eigen::VectorXd::Zero(base_mix.size());
  double default_weight = 0.0;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    const double w = dynamics.energy_weight(0, static_cast<Eigen::Index>(k));
    if (specs[k]->fuel_mix.size() > 0)
      explicit_part += w * specs[k]->fuel_mix;
    else
      default_weight += w;
  }
  Eigen::VectorXd remaining = base_mix;
  if (default_weight > 0) {
    remaining = (base_mix - explicit_part) / default_weight;
    for (Eigen::Index f = 0; f < remaining.size(); ++f) {
      if (remaining[f] < -1e-9)
        throw std::domain_error(
            "technology fuel mixes of sector '" + data.sectors[dynamics.sector].id + "' use more " +
            data.fuel_ids[static_cast<std::size_t>(f)] + " in the base year than the sector does");
      remaining[f] = std::max(0.0, remaining[f]);
    }
    remaining /= remaining.sum();
  }
  std::vector<Eigen::VectorXd> mixes;
  for (Eigen::Index t = 0; t < dynamics.energy_weight.rows(); ++t) {
    Eigen::VectorXd mix = Eigen::VectorXd::Zero(base_mix.size());
    for (std::size_t k = 0; k < specs.size(); ++k)
      mix += dynamics.energy_weight(t, static_cast<Eigen::Index>(k)) *
             (specs[k]->fuel_mix.size() > 0 ? specs[k]->fuel_mix : remaining);
    mixes.push_back(mix);
  }
  return mixes;
}

}  // namespace peakpath::detail
