// SPDX-License-Identifier: Apache-2.0
// Tests of the input-output model against published examples: Miller & Blair (2009) ch. 2 and
// the small two-region system of pymrio's test suite (IndEcol/pymrio, tests/test_math.py).
#include <gtest/gtest.h>

#include "../expect_matrix_near.hpp"

#include "../message_of.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "peakpath/input_output/leontief.hpp"

namespace {

using peakpath::InputOutput;

// Miller, R.E. & Blair, P.D., Input-Output Analysis: Foundations and Extensions, 2nd ed.,
// Cambridge University Press 2009, ch. 2: Table 2.3 (Z, f, x), Table 2.4 (A), the Leontief
// inverse of section 2.3, and the example with new final demand f = (600, 1500) giving
// x = (1247.5, 1841.6) and labour input coefficients (0.3, 0.25).
InputOutput miller_blair() {
  Eigen::MatrixXd Z(2, 2), Y(2, 1), F(1, 2);
  Z << 150, 500, 200, 100;
  Y << 350, 1700;
  F << 300, 500;  // labour: 0.3 and 0.25 per unit of the outputs 1000 and 2000
  return InputOutput(Z, Y, F);
}

TEST(InputOutput, MillerBlairChapter2) {
  const InputOutput io = miller_blair();
  expect_near(io.x(), Eigen::Vector2d(1000, 2000), 1e-12, "x (Table 2.3)");
  Eigen::Matrix2d A, L;
  A << 0.15, 0.25, 0.20, 0.05;
  L << 1.25412541, 0.330033, 0.2640264, 1.12211221;
  expect_near(io.A(), A, 1e-15, "A (Table 2.4)");
  expect_near(io.L(), L, 1e-7, "L (section 2.3)");
  const Eigen::MatrixXd x_new = io.output_for(Eigen::Vector2d(600, 1500));
  EXPECT_NEAR(x_new(0, 0), 1247.5, 0.05);
  EXPECT_NEAR(x_new(1, 0), 1841.6, 0.05);
  expect_near(io.S(), Eigen::RowVector2d(0.3, 0.25), 1e-15, "labour coefficients");
  // Labour needed for the new final demand: 0.3 * 1247.5 and 0.25 * 1841.6 (pymrio labtot).
  const Eigen::MatrixXd labour = io.S() * x_new.asDiagonal();
  EXPECT_NEAR(labour(0, 0), 374.25, 0.02);
  EXPECT_NEAR(labour(0, 1), 460.4, 0.02);
  // Simple output multipliers are the column sums of L.
  expect_near(io.output_multipliers(),
              Eigen::Vector2d(1.25412541 + 0.2640264, 0.330033 + 1.12211221), 1e-6,
              "output multipliers");
  // The model reproduces the table: L f = x.
  expect_near(io.output_for(io.Y()), io.x(), 1e-9, "L f = x");
}

// pymrio tests/test_math.py, fixture td_small_MRIO: three sectors in two regions.
struct SmallMrio {
  Eigen::MatrixXd Z{6, 6}, Y{6, 2}, F{2, 6};
  SmallMrio() {
    Z << 10, 5, 1, 6, 5, 7, 0, 2, 0, 0, 5, 3, 10, 3, 20, 4, 2, 0, 5, 0, 0, 1, 10, 9, 0, 10, 1, 0,
        20, 1, 5, 0, 0, 1, 10, 10;
    Y << 14, 3, 2.5, 2.5, 13, 6, 5, 20, 10, 10, 3, 10;
    F << 20, 1, 42, 4, 20, 5, 5, 4, 11, 8, 2, 10;
  }
};

TEST(InputOutput, PymrioSmallMrio) {
  const SmallMrio t;
  const InputOutput io(t.Z, t.Y, t.F);
  Eigen::VectorXd x(6);
  x << 51, 15, 58, 50, 52, 39;
  expect_near(io.x(), x, 1e-12, "x");
  Eigen::MatrixXd L(6, 6), G(6, 6), M(2, 6), S(2, 6);
  L << 1.3387146304736708, 0.9689762471208287, 0.05036622549592462, 0.17820960407435948,
      0.5752019383714646, 0.4985179148178926, 0.02200779585580331, 1.3716472861392823,
      0.0076800357678581885, 0.006557415453762468, 0.2698335633228079, 0.15854643902810828,
      0.43290422861412026, 0.8627066565439678, 1.5492942759220427, 0.18491657196329184,
      0.44027825642348534, 0.26630955082840885, 0.18799498787612925, 0.5244084722329316,
      0.020254008037620782, 1.0542007368783255, 0.5816573175534603, 0.44685014763069275,
      0.04400982046095892, 1.5325472495862535, 0.05259311578831879, 0.014602513642445088,
      1.9545285794951548, 0.2410917825607805, 0.19294222439918532, 0.5382086951864299,
      0.020787008249137116, 0.05562707205933412, 0.596964089068025, 1.4849251515157111;
  G << 1.33871463, 0.28499301, 0.05727924, 0.1747153, 0.58648041, 0.38121958, 0.07482651,
      1.37164729, 0.02969614, 0.02185805, 0.93542302, 0.41222074, 0.38065717, 0.22311379,
      1.54929428, 0.15941084, 0.39473223, 0.17907022, 0.19175489, 0.15732254, 0.02349465,
      1.05420074, 0.60492361, 0.34854312, 0.04316348, 0.44208094, 0.05866155, 0.01404088,
      1.95452858, 0.18081884, 0.25230906, 0.20700334, 0.03091401, 0.07131676, 0.79595212,
      1.48492515;
  S << 0.39215686274509803, 0.06666666666666667, 0.7241379310344828, 0.08, 0.38461538461538464,
      0.1282051282051282, 0.09803921568627451, 0.26666666666666666, 0.1896551724137931, 0.16,
      0.038461538461538464, 0.2564102564102564;
  M << 0.896638324101429, 1.7965474933011258, 1.1666796580507097, 0.3013124703668342,
      1.4371886818255364, 0.7177624711634629, 0.3004620527704837, 0.9052387706892087,
      0.311411003349379, 0.23778766312079253, 0.5331560745059157, 0.6031791628984159;
  expect_near(io.L(), L, 1e-12, "L");
  expect_near(io.G(), G, 1e-8, "G");
  expect_near(io.S(), S, 1e-15, "S");
  expect_near(io.M(), M, 1e-12, "M");
  // A and B: a few entries of pymrio's tables.
  EXPECT_NEAR(io.A()(0, 0), 0.19607843137254902, 1e-15);
  EXPECT_NEAR(io.A()(4, 1), 0.6666666666666666, 1e-15);
  EXPECT_NEAR(io.B()(0, 5), 0.1372549, 1e-8);
  EXPECT_NEAR(io.B()(5, 4), 0.25641026, 1e-8);
  // pymrio's D_cba summed over the sectors of each region is the footprint of that region's
  // final demand, M Y: 14.0595 + 18.8633 + 17.3201 and 8.7162 + 18.8633 + 14.1777 for stressor 1.
  const Eigen::MatrixXd cba = io.consumption_footprint();
  EXPECT_NEAR(cba(0, 0), 14.059498889254174 + 18.863255551508175 + 17.32012296814962, 1e-12);
  EXPECT_NEAR(cba(0, 1), 8.71616437964097 + 18.863255551508175 + 14.17770265993889, 1e-12);
  EXPECT_NEAR(cba(1, 0), 5.395407054390734 + 7.594657671782178 + 5.857880532237175, 1e-12);
  // pymrio's D_pba equals F.
  expect_near(io.production_footprint(), t.F, 0, "D_pba");
}

TEST(InputOutput, IdentitiesHoldAsProperties) {
  const SmallMrio t;
  const InputOutput io(t.Z, t.Y, t.F);
  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(6, 6);
  expect_near((I - io.A()) * io.L(), I, 1e-12, "(I - A) L = I");
  expect_near(io.G() * (I - io.B()), I, 1e-12, "G (I - B) = I");
  // Ghosh: x' = v' G with v' = x' - 1' Z (value added and other primary inputs).
  const Eigen::RowVectorXd v = io.x().transpose() - io.Z().colwise().sum();
  expect_near(v * io.G(), io.x().transpose(), 1e-9, "v' G = x'");
  // Everything emitted is embodied in some final demand: totals agree.
  expect_near(io.consumption_footprint().rowwise().sum(), t.F.rowwise().sum(), 1e-10,
              "consumption total = production total");
  expect_near(io.consumption_footprint_by_product().rowwise().sum(), t.F.rowwise().sum(), 1e-10,
              "by product");
  expect_near(io.footprint_for(io.Y()), io.consumption_footprint(), 1e-12, "footprint_for(Y)");
  EXPECT_EQ(InputOutput(t.Z, t.Y).S().rows(), 0);
}

TEST(InputOutput, ZeroOutputSectorsGetZeroCoefficients) {
  Eigen::MatrixXd Z = Eigen::MatrixXd::Zero(2, 2), Y(2, 1);
  Z(0, 0) = 1;
  Y << 4, 0;
  const InputOutput io(Z, Y);
  EXPECT_EQ(io.x()[1], 0.0);
  EXPECT_EQ(io.A().col(1).norm(), 0.0);
  EXPECT_EQ(io.B().row(1).norm(), 0.0);
  EXPECT_DOUBLE_EQ(io.A()(0, 0), 0.2);
}

TEST(InputOutput, BadTablesAreNamed) {
  Eigen::MatrixXd Z(2, 2), Y(2, 1), Y3(3, 1);
  Z << 1, 2, 3, 4;
  Y << 5, 6;
  Y3 << 1, 2, 3;
  EXPECT_EQ(message_of<std::invalid_argument>([&] { InputOutput(Z, Y3); }),
            "InputOutput: size of Z rows (2) does not match size of Y rows (3)");
  Eigen::MatrixXd bad = Z;
  bad(1, 0) = -3;
  EXPECT_EQ(message_of<std::domain_error>([&] { InputOutput(bad, Y); }),
            "InputOutput: Z[1,0] = -3: must be non-negative");
  Eigen::MatrixXd F(1, 2);
  F << 1, std::nan("");
  EXPECT_EQ(message_of<std::domain_error>([&] { InputOutput(Z, Y, F); }),
            "InputOutput: F[0,1] = nan: must be finite");
  Eigen::MatrixXd Y_neg(2, 1);
  Y_neg << 5, -20;
  EXPECT_EQ(message_of<std::domain_error>([&] { InputOutput(Z, Y_neg); }),
            "InputOutput: x[1] = -13: must be non-negative");
  // A sector that uses its whole output as its own input: I - A is singular.
  Eigen::MatrixXd Z_sing(1, 1), Y0(1, 1);
  Z_sing << 5;
  Y0 << 0;
  EXPECT_NE(message_of<std::domain_error>([&] { InputOutput(Z_sing, Y0); }).find("singular"),
            std::string::npos);
  EXPECT_EQ(message_of<std::invalid_argument>(
                [&] { InputOutput(Z, Y).output_for(Eigen::Vector3d(1, 2, 3)); }),
            "InputOutput.output_for: size of y rows (3) does not match size of sectors (2)");
  EXPECT_EQ(message_of<std::domain_error>(
                [&] { InputOutput(Z, Y).footprint_for(Eigen::Vector2d(1, std::nan(""))); }),
            "InputOutput.footprint_for: y[1,0] = nan: must be finite");
}

}  // namespace
