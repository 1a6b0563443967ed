package io.medallion.samples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.read.ReadRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine produced, in a form two engines can be compared by: the bronze and silver row
 * counts and every gold row as canonical text. The average score is left out: DuckDB's phone check
 * is looser than libphonenumber's (see {@link DuckDbEngine}), so scores legitimately differ.
 *
 * @param bronzeRows rows in bronze
 * @param silverRows rows in silver, after de-duplication
 * @param gold every gold row as text, sorted
 */
record OutputCheck(long bronzeRows, long silverRows, List<String> gold) {
  private static final TableId BY_COUNTRY = TableId.of("gold", "bench_by_country_generation");
  private static final TableId MONTHLY = TableId.of("gold", "bench_monthly_registrations");

  OutputCheck {
    gold = gold.stream().sorted().toList();
  }

  /** Reads what the medallion job wrote to a lake. */
  static OutputCheck ofLake(MedallionRuntime runtime) {
    List<String> gold = new ArrayList<>();
    for (Map<String, Object> row : rows(runtime, BY_COUNTRY)) {
      gold.add(
          countryRow(
              row.get("country"),
              row.get("generation"),
              ((Number) row.get("users")).longValue(),
              (Double) row.get("avg_age")));
    }
    for (Map<String, Object> row : rows(runtime, MONTHLY)) {
      gold.add(
          monthRow(
              (LocalDate) row.get("month"),
              ((Number) row.get("registrations")).longValue(),
              ((Number) row.get("registrations_to_date")).longValue()));
    }
    return new OutputCheck(
        totalRecords(runtime, BenchJob.RAW.id()),
        totalRecords(runtime, TableId.of("silver", "bench_users")),
        gold);
  }

  /** Reads what the DuckDB job wrote to its Parquet files. */
  static OutputCheck ofParquet(
      Statement sql, String bronze, String silver, String byCountry, String monthly)
      throws SQLException {
    List<String> gold = new ArrayList<>();
    try (ResultSet rows =
        sql.executeQuery("SELECT country, generation, users, avg_age FROM '" + byCountry + "'")) {
      while (rows.next()) {
        gold.add(
            countryRow(
                rows.getString(1),
                rows.getString(2),
                rows.getLong(3),
                rows.getObject(4) == null ? null : rows.getDouble(4)));
      }
    }
    try (ResultSet rows =
        sql.executeQuery(
            "SELECT month, registrations, registrations_to_date FROM '" + monthly + "'")) {
      while (rows.next()) {
        gold.add(monthRow(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getLong(3)));
      }
    }
    return new OutputCheck(count(sql, bronze), count(sql, silver), gold);
  }

  ObjectNode toJson() {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("bronze_rows", bronzeRows)
            .put("silver_rows", silverRows);
    gold.forEach(node.putArray("gold")::add);
    return node;
  }

  /**
   * Compares two engines' checks.
   *
   * @return the first difference, empty when they agree
   */
  static Optional<String> difference(JsonNode expected, JsonNode actual) {
    for (String count : List.of("bronze_rows", "silver_rows")) {
      if (expected.get(count).asLong() != actual.get(count).asLong()) {
        return Optional.of(
            count + " " + expected.get(count).asLong() + " vs " + actual.get(count).asLong());
      }
    }
    JsonNode left = expected.get("gold");
    JsonNode right = actual.get("gold");
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      String a = i < left.size() ? left.get(i).asText() : "(none)";
      String b = i < right.size() ? right.get(i).asText() : "(none)";
      if (!a.equals(b)) {
        return Optional.of("gold row " + (i + 1) + ": " + a + " vs " + b);
      }
    }
    return Optional.empty();
  }

  private static String countryRow(Object country, Object generation, long users, Double avgAge) {
    return String.format(
        Locale.ROOT,
        "by_country_generation %s %s %d %s",
        country,
        generation,
        users,
        avgAge == null ? "null" : String.format(Locale.ROOT, "%.9g", avgAge));
  }

  private static String monthRow(LocalDate month, long registrations, long toDate) {
    return "monthly " + Objects.toString(month) + " " + registrations + " " + toDate;
  }

  private static List<Map<String, Object>> rows(MedallionRuntime runtime, TableId table) {
    return runtime.read(ReadRequest.builder(table).build()).rows();
  }

  /** Live rows: medallion's positional deletes each remove one distinct row. */
  private static long totalRecords(MedallionRuntime runtime, TableId table) {
    Map<String, String> summary = runtime.table(table).currentSnapshot().summary();
    return Long.parseLong(summary.getOrDefault("total-records", "0"))
        - Long.parseLong(summary.getOrDefault("total-position-deletes", "0"));
  }

  private static long count(Statement sql, String parquet) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM '" + parquet + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
