// SPDX-License-Identifier: Apache-2.0
// peakpath: a run, the pipeline of stages from the economy to the indicators (C1, C2, C3).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "peakpath/model/pipeline.hpp"
#include "peakpath/model/results.hpp"
#include "peakpath/model/run_context.hpp"
#include "peakpath/scenario/scenario.hpp"

namespace peakpath {

namespace detail {

/// Calls @p observer (when there is one) with a stage's output and passes the output on.
template <class Output>
Output observed(StageObserver* observer, const RunContext& ctx, Output output) {
  if (observer) observer->on(ctx, output);
  return output;
}

/// The Results of a run from its stages' outputs.
inline Results assemble_results(const RunContext& ctx, stages::Activity activity,
                                const stages::CapitalStock& stock, stages::PowerHeat power,
                                stages::Accounts accounts, Eigen::MatrixXd indicators) {
  Results r;
  r.scenario = ctx.scenario.name;
  r.region = ctx.data.region;
  r.years = ctx.years;
  r.fuel_ids = ctx.data.fuel_ids;
  for (const auto& sector : ctx.data.sectors) {
    r.sector_ids.push_back(sector.id);
    r.sector_groups.push_back(sector.group);
  }
  r.technology_ids = std::move(power.technologies);
  r.activity = std::move(activity.produced);
  r.unmet_activity = std::move(activity.unmet);
  r.energy_tce = std::move(accounts.energy_tce);
  r.co2_t = std::move(accounts.co2_t);
  r.process_co2_t = std::move(accounts.process_co2_t);
  r.captured_co2_t = std::move(accounts.captured_co2_t);
  r.pollutants_t = std::move(accounts.pollutants_t);
  r.generation_twh = std::move(power.generation_twh);
  r.generation_capacity_ids = std::move(power.capacity_technologies);
  r.generation_capacity_gw = std::move(power.capacity_gw);
  r.production_mt.resize(ctx.year_count(), static_cast<Eigen::Index>(ctx.data.products.size()));
  for (std::size_t p = 0; p < ctx.data.products.size(); ++p) {
    const ProductSpec& product = ctx.data.products[p];
    const auto k = static_cast<Eigen::Index>(product.sector);
    r.product_ids.push_back(product.id);
    r.production_mt.col(static_cast<Eigen::Index>(p)) =
        r.activity.col(k) * (product.base_output_mt / r.activity(0, k));
  }
  r.indicator_values = std::move(indicators);

  // Capacity by "sector/class": industry's stocks, then the thermal fleet (GW).
  std::vector<const detail::SectorDynamics*> stocks;
  for (const auto& d : stock.sectors) stocks.push_back(&d);
  if (power.fleet) stocks.push_back(&*power.fleet);
  Eigen::Index columns = 0;
  for (const auto* d : stocks) columns += d->result.capacity.cols();
  r.capacity.setZero(ctx.year_count(), columns);
  Eigen::Index column = 0;
  for (const auto* d : stocks) {
    for (const auto& name : d->classes)
      r.capacity_ids.push_back(ctx.data.sectors[d->sector].id + "/" + name);
    r.capacity.middleCols(column, d->result.capacity.cols()) = d->result.capacity;
    column += d->result.capacity.cols();
  }
  return r;
}

}  // namespace detail

/// @brief Runs @p scenario from its base year to its horizon through @p pipeline:
/// economy -> capital stock -> replacement constraints -> end-use demand -> power and heat ->
/// accounting -> indicators (docs/architecture.md; docs/model.md gives every equation).
/// @param solver tolerances of the capital-stock integration (default_run_solver_options()).
/// @param pipeline the stages; a default Pipeline runs the built-in ones.
/// @param observer sees every stage's output (may be nullptr).
/// @throws std::invalid_argument / std::domain_error for bad levers, naming variable, key and
///         year; IntegrationError (with the sector and year) when the stock dynamics fail.
inline Results run(const Scenario& scenario, const stock::SolverOptions& solver,
                   const Pipeline& pipeline, StageObserver* observer = nullptr) {
  const RunContext ctx = RunContext::make(scenario, solver);
  const auto economy = detail::observed(observer, ctx, pipeline.economy(ctx));
  const auto stock = detail::observed(observer, ctx, pipeline.capital_stock(ctx, economy));
  auto activity =
      detail::observed(observer, ctx, pipeline.replacement_constraints(ctx, economy, stock));
  const auto demand =
      detail::observed(observer, ctx, pipeline.end_use_demand(ctx, activity, stock));
  auto power = detail::observed(observer, ctx, pipeline.power_heat(ctx, demand));
  auto accounts =
      detail::observed(observer, ctx, pipeline.accounting(ctx, activity, demand, power));
  Eigen::MatrixXd indicators = pipeline.indicators(ctx, activity, power, accounts);
  if (observer) observer->on_indicators(ctx, indicators);
  return detail::assemble_results(ctx, std::move(activity), stock, std::move(power),
                                  std::move(accounts), std::move(indicators));
}

/// @brief Runs @p scenario through the built-in stages.
/// @param solver tolerances of the capital-stock integration (see the overload for defaults).
inline Results run(const Scenario& scenario, const stock::SolverOptions& solver) {
  return run(scenario, solver, Pipeline{});
}

/// @brief Default tolerances of the stock integration in run(): relative 1e-6 and absolute 1e-6
/// (capacity is in activity units, 10^8 CNY for value-added sectors), steps of at most a year.
inline stock::SolverOptions default_run_solver_options() {
  stock::SolverOptions options;
  options.rel_tolerance = 1e-6;
  options.abs_tolerance = 1e-6;
  options.max_step = 1.0;
  return options;
}

/// @brief Runs @p scenario with default_run_solver_options().
inline Results run(const Scenario& scenario) {
  return run(scenario, default_run_solver_options());
}

}  // namespace peakpath
