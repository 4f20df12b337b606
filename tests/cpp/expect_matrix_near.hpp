// SPDX-License-Identifier: Apache-2.0
// Shared test helper: element-wise comparison of two matrices with a located message.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <Eigen/Core>

/// @brief Expects equal shapes and |actual - expected| <= tol element by element.
inline void expect_near(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected, double tol,
                        const std::string& what) {
  ASSERT_EQ(actual.rows(), expected.rows()) << what;
  ASSERT_EQ(actual.cols(), expected.cols()) << what;
  for (Eigen::Index i = 0; i < actual.rows(); ++i)
    for (Eigen::Index j = 0; j < actual.cols(); ++j)
      EXPECT_NEAR(actual(i, j), expected(i, j), tol) << what << "(" << i << "," << j << ")";
}
