// SPDX-License-Identifier: Apache-2.0
// Tests of the CSV reader: quoting, and errors that name file, line, column and value.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "peakpath/core/csv_table.hpp"
#include "peakpath/core/error.hpp"

namespace {

using peakpath::CsvTable;
using peakpath::DataError;

std::string error_of(const std::string& text, const std::string& column = "", int row = 0) {
  try {
    const CsvTable t = CsvTable::parse(text, "t.csv");
    if (!column.empty()) t.number(static_cast<std::size_t>(row), column);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(CsvTable, ReadsQuotedCellsWithCommasQuotesAndNewlines) {
  const CsvTable t = CsvTable::parse(
      "id,name,value\n1,\"Farming, forestry\",2.5\n2,\"say \"\"hi\"\"\",3\n3,\"two\nlines\",4\n",
      "t.csv");
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.text(0, "name"), "Farming, forestry");
  EXPECT_EQ(t.text(1, "name"), "say \"hi\"");
  EXPECT_EQ(t.text(2, "name"), "two\nlines");
  EXPECT_DOUBLE_EQ(t.number(2, "value"), 4.0);
  EXPECT_EQ(t.where(2, "value"), "t.csv line 4, column 'value'");
}

TEST(CsvTable, ToleratesCrlfBomAndBlankLines) {
  const CsvTable t = CsvTable::parse(
      "\xEF\xBB\xBF"
      "a,b\r\n1,2\r\n\r\n3,4\r\n",
      "t.csv");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_DOUBLE_EQ(t.number(1, "b"), 4.0);
}

TEST(CsvTable, ErrorsNameFileLineColumnAndValue) {
  EXPECT_EQ(error_of("a,b\n1,x\n", "b"), "t.csv line 2, column 'b': value 'x' is not a number");
  EXPECT_EQ(error_of("a,b\n1,nan\n", "b"), "t.csv line 2, column 'b': value 'nan' is not finite");
  EXPECT_EQ(error_of("a,b\n1,inf\n", "b"), "t.csv line 2, column 'b': value 'inf' is not finite");
  EXPECT_EQ(error_of("a,b\n1,\n", "b"), "t.csv line 2, column 'b': value '' is not a number");
  EXPECT_EQ(error_of("a,b\n1,2,3\n"), "t.csv line 2: 3 cells, but the header has 2 columns");
  EXPECT_EQ(error_of("a,a\n1,2\n"), "t.csv line 1: duplicate column 'a'");
  EXPECT_EQ(error_of("a,b\n1,\"open\n"), "t.csv line 2: unterminated quoted cell");
  EXPECT_EQ(error_of(""), "t.csv: empty file (a header row is required)");
  EXPECT_EQ(error_of("a,b\n1,2\n", "c"), "t.csv: missing column 'c'");
}

TEST(CsvTable, NonnegativeAndFlag) {
  const CsvTable t = CsvTable::parse("v,f\n-1,2\n", "t.csv");
  try {
    t.nonnegative(0, "v");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "t.csv line 2, column 'v': value '-1' is negative");
  }
  EXPECT_THROW(t.flag(0, "f"), DataError);
}

TEST(CsvTable, MissingFileIsADataError) {
  EXPECT_THROW(CsvTable::read("/nonexistent/file.csv"), DataError);
}

TEST(WriteFileAtomically, ReplacesTheTargetWhole) {
  const std::string path = testing::TempDir() + "/atomic.txt";
  peakpath::write_file_atomically(path, "first");
  peakpath::write_file_atomically(path, "second");
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "second");
  EXPECT_THROW(peakpath::write_file_atomically("/nonexistent/dir/x.txt", "x"), std::runtime_error);
  std::remove(path.c_str());
}

}  // namespace
