// SPDX-License-Identifier: Apache-2.0
// peakpath: the stages of a run, replaceable and observable.
#pragma once

#include <functional>

#include <Eigen/Core>

#include "peakpath/model/run_context.hpp"
#include "peakpath/model/stages/accounting.hpp"
#include "peakpath/model/stages/capital_stock.hpp"
#include "peakpath/model/stages/economy.hpp"
#include "peakpath/model/stages/end_use_demand.hpp"
#include "peakpath/model/stages/indicators.hpp"
#include "peakpath/model/stages/power_heat.hpp"
#include "peakpath/model/stages/replacement.hpp"

namespace peakpath {

/// @brief The stages of a run, in order; each member defaults to the built-in stage of the same
/// name in namespace peakpath::stages and may be replaced by any callable of the same signature
/// (e.g. a custom end-use demand model). docs/architecture.md draws the pipeline.
struct Pipeline {
  std::function<stages::Economy(const RunContext&)> economy = stages::economy;
  std::function<stages::CapitalStock(const RunContext&, const stages::Economy&)> capital_stock =
      stages::capital_stock;
  std::function<stages::Activity(const RunContext&, const stages::Economy&,
                                 const stages::CapitalStock&)>
      replacement_constraints = stages::replacement_constraints;
  std::function<stages::EndUseDemand(const RunContext&, const stages::Activity&,
                                     const stages::CapitalStock&)>
      end_use_demand = stages::end_use_demand;
  std::function<stages::PowerHeat(const RunContext&, const stages::EndUseDemand&)> power_heat =
      stages::power_heat;
  std::function<stages::Accounts(const RunContext&, const stages::Activity&,
                                 const stages::EndUseDemand&, const stages::PowerHeat&)>
      accounting = stages::accounting;
  std::function<Eigen::MatrixXd(const RunContext&, const stages::Activity&,
                                const stages::PowerHeat&, const stages::Accounts&)>
      indicators = stages::indicators;
};

/// @brief Sees the output of every stage as the run produces it (a per-stage trace, a check, a
/// debugger's breakpoint). Override the overloads of interest; the others do nothing.
class StageObserver {
 public:
  virtual ~StageObserver() = default;
  virtual void on(const RunContext&, const stages::Economy&) {}
  virtual void on(const RunContext&, const stages::CapitalStock&) {}
  virtual void on(const RunContext&, const stages::Activity&) {}
  virtual void on(const RunContext&, const stages::EndUseDemand&) {}
  virtual void on(const RunContext&, const stages::PowerHeat&) {}
  virtual void on(const RunContext&, const stages::Accounts&) {}
  /// @brief The indicator table (years x INDICATOR_NAMES).
  virtual void on_indicators(const RunContext&, const Eigen::MatrixXd&) {}
};

}  // namespace peakpath
