// SPDX-License-Identifier: Apache-2.0
// Private: a thin RAII layer over the SQLite C API for the register.
#pragma once

#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace peakpath::detail {

/// An open database connection: WAL journal, 30 s busy timeout, foreign keys on, and the SQL
/// function sha256(text) → lower-case hex digest. Opening fails with a DataError that says why:
/// read-only file or directory, corrupt file (or not SQLite), missing directory.
class Database {
 public:
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  /// Throws peakpath::Error, or DataError for a read-only, corrupt or non-database file.
  [[noreturn]] void fail(int rc, const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement; bind indices start at 1, column indices at 0.
class Statement {
 public:
  Statement(const Database& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& value);
  Statement& bind(int index, double value);
  Statement& bind(int index, long long value);
  Statement& bind(int index, std::optional<double> value);
  /// Advances; true while there is a row.
  bool step();
  /// Steps to completion and resets the statement for reuse.
  void run();

  std::string text(int column) const;
  double real(int column) const;
  long long integer(int column) const;
  bool is_null(int column) const;

 private:
  const Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolled back unless commit() is called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace peakpath::detail
