// SPDX-License-Identifier: Apache-2.0
// peakpath: inflow-driven and stock-driven cohort (vintage) stock models.
#pragma once

#include <Eigen/Dense>
#include <stdexcept>
#include <string>
#include <vector>

#include "peakpath/core/check.hpp"
#include "peakpath/stock/lifetime.hpp"

namespace peakpath::stock {

/// @brief When, within its year, a cohort enters the stock. Stocks are always measured at the
/// end of the year and flows happen during the year; the timing sets the age at which the
/// lifetime law is evaluated: a cohort that entered in year c is counted in the stock at the
/// end of year t >= c with the survival SF(t - c + offset).
enum class Timing {
  end_of_year,    ///< offset 0: SF(0), SF(1), ... (ODYM's dynamic_stock_model; the default)
  mid_year,       ///< offset 0.5: inflows arrive on average mid-year
  start_of_year,  ///< offset 1: inflows arrive at the start of the year
};

/// @brief The age offset of a timing convention (0, 0.5 or 1).
inline double age_offset(Timing timing) {
  switch (timing) {
    case Timing::end_of_year:
      return 0.0;
    case Timing::mid_year:
      return 0.5;
    case Timing::start_of_year:
      return 1.0;
  }
  return 0.0;
}

/// @brief The result of a cohort model. Rows are years, columns of the by-cohort tables are
/// the cohorts (the year of entry), on the same axis as the years.
struct StockResult {
  Eigen::VectorXd stock;              ///< total stock at the end of each year
  Eigen::VectorXd outflow;            ///< total outflow during each year
  Eigen::VectorXd stock_change;       ///< stock[t] - stock[t-1]; stock[0] for the first year
  Eigen::MatrixXd stock_by_cohort;    ///< (years x cohorts) stock at the end of the year
  Eigen::MatrixXd outflow_by_cohort;  ///< (years x cohorts) outflow during the year
  Eigen::VectorXd inflow;             ///< inflow during each year
  /// Years (row indices) in which the stock-driven model implied a negative inflow. Without
  /// correction the negative inflow is kept in @c inflow; with it, the inflow is 0 there.
  std::vector<Eigen::Index> negative_inflow_years;
  /// Leading rows reconstructed from an age-structured initial stock (0 if none was given).
  Eigen::Index history_length = 0;
};

/// @brief Survival by age SF(a + offset), a = 0 .. @p ages - 1.
/// @param lifetime the lifetime law
/// @param ages number of ages
/// @param timing the timing convention
/// @return vector of survival fractions
inline Eigen::VectorXd survival_by_age(const Lifetime& lifetime, Eigen::Index ages,
                                       Timing timing = Timing::end_of_year) {
  Eigen::VectorXd sf(ages);
  const double offset = age_offset(timing);
  for (Eigen::Index a = 0; a < ages; ++a) sf[a] = lifetime.sf(static_cast<double>(a) + offset);
  return sf;
}

namespace detail {

/// Fills outflow_by_cohort, totals and the stock change from the stock table and the inflow.
inline void complete_stock_result(StockResult& r) {
  const Eigen::Index n = r.inflow.size();
  const Eigen::MatrixXd& s = r.stock_by_cohort;
  r.outflow_by_cohort = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index c = 0; c < n; ++c) {
    r.outflow_by_cohort(c, c) = r.inflow[c] - s(c, c);  // loss in the year of entry
    for (Eigen::Index t = c + 1; t < n; ++t) r.outflow_by_cohort(t, c) = s(t - 1, c) - s(t, c);
  }
  r.stock = s.rowwise().sum();
  r.outflow = r.outflow_by_cohort.rowwise().sum();
  r.stock_change = r.stock;
  if (n > 1) r.stock_change.tail(n - 1) -= r.stock.head(n - 1);
}

/// Adds the cohort that entered in year c with inflow i to the stock table.
inline void add_cohort(Eigen::MatrixXd& s, const Eigen::VectorXd& sf, Eigen::Index c, double i) {
  const Eigen::Index n = s.rows();
  s.col(c).tail(n - c) = i * sf.head(n - c);
}

}  // namespace detail

/// @brief Inflow-driven model: the stock built by the given inflows.
///
/// stock_by_cohort(t, c) = inflow[c] * SF(t - c + offset) for t >= c; the outflow of a cohort
/// in its year of entry is inflow[c] - stock_by_cohort(c, c), later the decrease of its stock.
/// @param inflow inflow of each year (finite, >= 0)
/// @param lifetime the lifetime law
/// @param timing the timing convention (default end of year)
/// @return the stock result (history_length 0)
/// @throws std::domain_error on a negative or non-finite inflow
inline StockResult inflow_driven(const Eigen::VectorXd& inflow, const Lifetime& lifetime,
                                 Timing timing = Timing::end_of_year) {
  for (Eigen::Index t = 0; t < inflow.size(); ++t)
    check_nonnegative("inflow_driven", "inflow", inflow[t], t);
  const Eigen::Index n = inflow.size();
  const Eigen::VectorXd sf = survival_by_age(lifetime, n, timing);
  StockResult r;
  r.inflow = inflow;
  r.stock_by_cohort = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index c = 0; c < n; ++c) detail::add_cohort(r.stock_by_cohort, sf, c, inflow[c]);
  detail::complete_stock_result(r);
  return r;
}

/// @brief Options of the stock-driven model.
struct StockDrivenOptions {
  /// Age-structured stock at the end of the year before the first value of @c stock, by
  /// cohort, oldest first: initial_stock[k] entered k - (h - 1) years before that year
  /// (h = size). Empty: no stock before the first year. The result then covers h history
  /// years (reconstructed inflows initial_stock[k] / SF(h - 1 - k + offset)) plus the years
  /// of @c stock.
  Eigen::VectorXd initial_stock;
  /// Timing convention.
  Timing timing = Timing::end_of_year;
  /// Where the stock falls faster than the lifetime law retires it, the implied inflow is
  /// negative. false: keep (and report) the negative inflow. true: set the inflow to 0 and
  /// retire the surplus early, the same fraction from every cohort (the correction of
  /// Deetman and Pauliuk in ODYM's dynamic_stock_model); the year is reported either way.
  bool correct_negative_inflow = false;
};

/// @brief Stock-driven model: the inflows that make the stock follow @p stock.
///
/// Year by year: inflow[m] = (stock[m] - surviving older cohorts) / SF(offset).
/// @param stock target stock at the end of each year (finite, >= 0)
/// @param lifetime the lifetime law
/// @param options initial stock, timing, negative-inflow correction
/// @return the stock result; the first history_length rows are the reconstructed history
/// @throws std::domain_error on a negative or non-finite stock or initial stock, or where the
///         lifetime law leaves nothing of a cohort that must be in stock
/// @throws std::invalid_argument if both @p stock and the initial stock are empty
inline StockResult stock_driven(const Eigen::VectorXd& stock, const Lifetime& lifetime,
                                const StockDrivenOptions& options = {}) {
  const char* where = "stock_driven";
  for (Eigen::Index t = 0; t < stock.size(); ++t) check_nonnegative(where, "stock", stock[t], t);
  const Eigen::VectorXd& initial = options.initial_stock;
  for (Eigen::Index k = 0; k < initial.size(); ++k)
    check_nonnegative(where, "initial_stock", initial[k], k);
  const Eigen::Index h = initial.size();
  const Eigen::Index n = h + stock.size();
  if (n == 0) throw std::invalid_argument("stock_driven: stock and initial_stock are empty");

  const Eigen::VectorXd sf = survival_by_age(lifetime, n, options.timing);
  StockResult r;
  r.history_length = h;
  r.inflow = Eigen::VectorXd::Zero(n);
  r.stock_by_cohort = Eigen::MatrixXd::Zero(n, n);
  Eigen::MatrixXd& s = r.stock_by_cohort;

  const auto impossible = [&](const std::string& name, Eigen::Index index, double value,
                              const std::string& why) {
    throw std::domain_error(peakpath::detail::format_check_message(where, name, index, value, why));
  };
  for (Eigen::Index c = 0; c < h; ++c) {
    const double surviving = sf[h - 1 - c];
    if (surviving > 0)
      r.inflow[c] = initial[c] / surviving;
    else if (initial[c] > 0)
      impossible("initial_stock", c, initial[c],
                 "the lifetime law leaves nothing of a cohort of age " + std::to_string(h - 1 - c));
    detail::add_cohort(s, sf, c, r.inflow[c]);
  }
  for (Eigen::Index m = h; m < n; ++m) {
    const double surviving = s.row(m).head(m).sum();
    const double gap = stock[m - h] - surviving;
    if (gap < 0) r.negative_inflow_years.push_back(m);
    if (gap < 0 && options.correct_negative_inflow) {
      // surviving > 0 here because the target stock is >= 0. Shrinking the rows from m on
      // raises this year's outflow by the surplus (the outflow is the row difference).
      s.block(m, 0, n - m, m) *= 1.0 + gap / surviving;
      continue;
    }
    if (sf[0] > 0)
      r.inflow[m] = gap / sf[0];
    else if (gap != 0)
      impossible("stock", m - h, stock[m - h],
                 "the lifetime law leaves nothing of an inflow in stock at the end of its "
                 "year, so this stock cannot be reached");
    detail::add_cohort(s, sf, m, r.inflow[m]);
  }
  detail::complete_stock_result(r);
  return r;
}

}  // namespace peakpath::stock
