// SPDX-License-Identifier: Apache-2.0
// Example: replace one stage of a run and trace every stage.
//
// A researcher's own end-use demand model (here: end uses electrify faster than the dataset
// assumes, moving a tenth of each sector's raw coal to electricity by 2035) plugs into the
// built-in pipeline; an observer prints what each stage produced. Whether CO2 falls depends on
// how clean the extra electricity is: in 2035 thermal plants still fill the balance.
#include <algorithm>
#include <cstdio>

#include <peakpath/peakpath.hpp>

namespace {

/// Prints one line per stage: a per-stage trace for debugging.
class Trace : public peakpath::StageObserver {
 public:
  void on(const peakpath::RunContext& ctx, const peakpath::stages::Economy& economy) override {
    std::printf("economy          %zu sectors, activity %.0f -> %.0f (10^8 CNY and units)\n",
                ctx.sector_count(), economy.activity_demand.row(0).sum(),
                economy.activity_demand.bottomRows(1).sum());
  }
  void on(const peakpath::RunContext&, const peakpath::stages::CapitalStock& stock) override {
    std::printf("capital stock    %zu sectors with technology classes\n", stock.sectors.size());
  }
  void on(const peakpath::RunContext&, const peakpath::stages::EndUseDemand& demand) override {
    std::printf("end-use demand   %.1f Mtce final energy in the base year\n",
                demand.final_energy_tce.row(0).sum() * 1e-6);
  }
  void on(const peakpath::RunContext&, const peakpath::stages::PowerHeat& power) override {
    std::printf("power and heat   %.1f TWh thermal in the base year\n",
                power.balance.front().thermal_twh);
  }
  void on_indicators(const peakpath::RunContext&, const Eigen::MatrixXd& table) override {
    std::printf("indicators       %ld years x %ld columns\n", static_cast<long>(table.rows()),
                static_cast<long>(table.cols()));
  }
};

/// The built-in end-use demand, then a share of raw coal moved to electricity, ramping from 0 in
/// 2025 to 10 % in 2035, for the same useful energy. The efficiencies are illustrative values
/// for this example only (an industrial coal boiler about 0.7, an electric one about 0.95).
constexpr double COAL_END_USE_EFFICIENCY = 0.7;
constexpr double ELECTRIC_END_USE_EFFICIENCY = 0.95;

peakpath::stages::EndUseDemand faster_electrification(const peakpath::RunContext& ctx,
                                                      const peakpath::stages::Activity& activity,
                                                      const peakpath::stages::CapitalStock& stock) {
  peakpath::stages::EndUseDemand demand = peakpath::stages::end_use_demand(ctx, activity, stock);
  const std::size_t coal = ctx.data.fuel_index("raw_coal");
  const std::size_t electricity = ctx.data.fuel_index("electricity");
  auto energy = peakpath::sector_fuel(demand.final_energy_tce, ctx.fuel_count());
  for (Eigen::Index t = 0; t < ctx.year_count(); ++t) {
    const double shift = std::clamp((ctx.year(t) - 2025) / 100.0, 0.0, 0.1);
    for (std::size_t s = 0; s < ctx.sector_count(); ++s) {
      if (s == ctx.power_sector) continue;
      const double moved = shift * energy(t, s, coal);
      energy(t, s, coal) -= moved;
      energy(t, s, electricity) += moved * COAL_END_USE_EFFICIENCY / ELECTRIC_END_USE_EFFICIENCY;
    }
  }
  return demand;
}

}  // namespace

int main() {
  try {
    const auto scenario = peakpath::Scenario::load("shandong/baseline");
    peakpath::Pipeline pipeline;
    pipeline.end_use_demand = faster_electrification;
    Trace trace;
    const auto custom =
        peakpath::run(scenario, peakpath::default_run_solver_options(), pipeline, &trace);
    const auto standard = peakpath::run(scenario);
    const auto t = static_cast<Eigen::Index>(custom.year_index(2035));
    std::printf("2035 CO2: built-in stages %.1f Mt, faster electrification %.1f Mt\n",
                standard.indicator("co2_total_mt")[t], custom.indicator("co2_total_mt")[t]);
    std::printf("2035 electricity use: %.1f TWh against %.1f TWh\n",
                standard.indicator("electricity_consumption_twh")[t],
                custom.indicator("electricity_consumption_twh")[t]);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "custom_stage: %s\n", error.what());
    return 1;
  }
  return 0;
}
