package io.medallion.core;

import static io.medallion.core.DimensionalPipelines.CHANGES;
import static io.medallion.core.DimensionalPipelines.CHANGES_RAW;
import static io.medallion.core.DimensionalPipelines.DIM_DATE;
import static io.medallion.core.DimensionalPipelines.DIM_USER;
import static io.medallion.core.DimensionalPipelines.DIM_USER_LATEST;
import static io.medallion.core.DimensionalPipelines.FACT_ORDERS;
import static io.medallion.core.DimensionalPipelines.ORDERS;
import static io.medallion.core.DimensionalPipelines.ORDERS_RAW;
import static io.medallion.core.DimensionalPipelines.PIPELINE;
import static io.medallion.core.DimensionalPipelines.change;
import static io.medallion.core.DimensionalPipelines.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.core.internal.gold.dimension.ChangeTimes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

/**
 * The independent check: each dimensional table equals the same model written as SQL and run in
 * embedded DuckDB over the data files (minus positional deletes) of the silver snapshots the tables
 * consumed. Surrogate keys are compared through what they point at (business key and period), since
 * their hashing is the engine's own.
 */
class DimensionalDuckDbCheckTest extends EmbeddedLakeTest {

  private static final String VERSIONS =
      "WITH marked AS (SELECT user_id, email, city, name, changed_at,"
          + " CASE WHEN lag(email) OVER w IS NOT DISTINCT FROM email"
          + " AND lag(city) OVER w IS NOT DISTINCT FROM city"
          + " AND row_number() OVER w > 1 THEN 0 ELSE 1 END AS starts"
          + " FROM changes WINDOW w AS (PARTITION BY user_id ORDER BY changed_at)),"
          + " numbered AS (SELECT *, sum(starts) OVER (PARTITION BY user_id ORDER BY changed_at"
          + " ROWS UNBOUNDED PRECEDING) AS version FROM marked),"
          + " grouped AS (SELECT user_id, version, min(changed_at) AS valid_from,"
          + " max(changed_at) AS last_seen, arg_max(email, changed_at) AS email,"
          + " arg_max(city, changed_at) AS city, arg_max(name, changed_at) AS name"
          + " FROM numbered GROUP BY user_id, version)"
          + " SELECT user_id, email, city, name, valid_from,"
          + " lead(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS valid_to,"
          + " min(valid_from) OVER (PARTITION BY user_id) AS first_from, last_seen FROM grouped";

  @Test
  void everyDimensionalTable_equalsTheSameModelInDuckDb() throws Exception {
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        change("u1", "a@x", "Zurich", "Ada L", "2024-01-20T00:00:00Z"),
        change("u1", "c@x", "Zurich", "Ada L", "2024-03-01T00:00:00Z"),
        change("u2", "g@x", "Basel", "Grace", "2024-02-01T00:00:00Z"),
        change("u3", "k@x", "Bern", "Kat", "2024-04-01T00:00:00Z"));
    orders(
        "o1.ndjson",
        order("o1", "u1", "2024-01-15T10:00:00Z", 10),
        order("o2", "u1", "2024-02-15T00:00:00Z", 20),
        order("o3", "u2", "2023-06-01T00:00:00Z", 30),
        order("o4", "u9", "2024-03-01T00:00:00Z", 40));
    runtime.run(PIPELINE);
    // Late and out-of-order changes, a return to older values, a replaced order, new facts.
    changes(
        "c2.ndjson",
        change("u1", "b@x", "Bern", "Ada L", "2024-02-01T00:00:00Z"),
        change("u2", "h@x", "Basel", "Grace", "2024-05-01T00:00:00Z"),
        change("u2", "g@x", "Basel", "Grace H", "2024-06-01T00:00:00Z"),
        change("u3", "k@x", "Bern", "Kat B", "2024-03-15T00:00:00Z"));
    orders(
        "o2.ndjson",
        order("o2", "u1", "2024-02-16T00:00:00Z", 21),
        order("o5", "u2", "2024-05-15T00:00:00Z", 50),
        order("o6", "u3", "2025-01-01T00:00:00Z", 60));
    runtime.run(PIPELINE);

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      view(sql, "changes", runtime.table(CHANGES.id()));
      view(sql, "orders", runtime.table(ORDERS.id()));
      sql.execute("CREATE TABLE versions AS " + VERSIONS);

      assertThat(ours(DIM_USER.id(), this::renderVersion))
          .containsExactlyInAnyOrderElementsOf(
              duck(
                  sql,
                  "SELECT user_id, email, city, name, epoch_us(valid_from), epoch_us(valid_to),"
                      + " valid_to IS NULL, epoch_us(last_seen) FROM versions"
                      + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, true, NULL"))
          .hasSize(8);
      assertThat(ours(DIM_USER_LATEST.id(), this::renderLatest))
          .containsExactlyInAnyOrderElementsOf(
              duck(
                  sql,
                  "SELECT user_id, arg_max(email, changed_at), arg_max(city, changed_at),"
                      + " arg_max(name, changed_at) FROM changes GROUP BY user_id"
                      + " UNION ALL SELECT NULL, NULL, NULL, NULL"));
      assertThat(ours(DIM_DATE.id(), this::renderDay))
          .containsExactlyInAnyOrderElementsOf(
              duck(
                  sql,
                  "SELECT year(d) * 10000 + month(d) * 100 + day(d), strftime(d, '%Y-%m-%d'),"
                      + " year(d), quarter(d), month(d), monthname(d), day(d), isodow(d),"
                      + " dayname(d), dayofyear(d), week(d), isoyear(d), isodow(d) >= 6,"
                      + " strftime(date_trunc('month', d), '%Y-%m-%d')"
                      + " FROM (SELECT unnest(generate_series(DATE '2024-01-01',"
                      + " DATE '2024-12-31', INTERVAL 1 DAY))::DATE AS d)"
                      + " UNION ALL SELECT -1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                      + " NULL, NULL, NULL, NULL, NULL"));
      Map<Long, String> versionOf = pointedAt(DIM_USER.id(), "user_key", true);
      Map<Long, String> memberOf = pointedAt(DIM_USER_LATEST.id(), "user_latest_key", false);
      assertThat(ours(FACT_ORDERS.id(), r -> renderFact(r, versionOf, memberOf)))
          .containsExactlyInAnyOrderElementsOf(
              duck(
                  sql,
                  "SELECT o.order_id, epoch_us(o.ordered_at), o.amount,"
                      + " coalesce(v.user_id || '@' || epoch_us(v.valid_from), 'unknown'),"
                      + " coalesce((SELECT DISTINCT user_id FROM changes c"
                      + " WHERE c.user_id = o.user_id), 'unknown'),"
                      + " CASE WHEN year(day) = 2024"
                      + " THEN year(day) * 10000 + month(day) * 100 + day(day) ELSE -1 END"
                      + " FROM (SELECT *, DATE '1970-01-01'"
                      + " + (epoch_us(ordered_at) // 86400000000)::INTEGER AS day FROM orders) o"
                      + " LEFT JOIN versions v ON v.user_id = o.user_id"
                      + " AND ((o.ordered_at >= v.valid_from"
                      + " AND (v.valid_to IS NULL OR o.ordered_at < v.valid_to))"
                      + " OR (o.ordered_at < v.first_from AND v.valid_from = v.first_from))"))
          .hasSize(6);
    }
  }

  private void changes(String name, String... lines) {
    runtime.ingest(CHANGES_RAW, ndjson(name, lines));
  }

  private void orders(String name, String... lines) {
    runtime.ingest(ORDERS_RAW, ndjson(name, lines));
  }

  /** A view of a table's live rows: its data files without the rows positional deletes remove. */
  private static void view(Statement sql, String name, Table table)
      throws SQLException, IOException {
    List<String> data = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        data.add(local(task.file().location()));
        task.deletes().forEach(delete -> deletes.add(local(delete.location())));
      }
    }
    String deleted =
        deletes.isEmpty()
            ? "SELECT NULL::VARCHAR AS path, NULL::BIGINT AS pos WHERE false"
            : "SELECT regexp_replace(file_path, '^file:(//)?', '') AS path, pos FROM read_parquet("
                + list(deletes.stream().distinct().toList())
                + ")";
    sql.execute(
        "CREATE VIEW "
            + name
            + " AS SELECT d.* EXCLUDE (filename, file_row_number) FROM read_parquet("
            + list(data)
            + ", filename = true, file_row_number = true) d WHERE NOT EXISTS (SELECT 1 FROM ("
            + deleted
            + ") x WHERE x.path = d.filename AND x.pos = d.file_row_number)");
  }

  private static String local(String location) {
    return location.replaceFirst("^file:(//)?", "");
  }

  private static String list(List<String> paths) {
    return paths.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<String> duck(Statement sql, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = sql.executeQuery(query)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          values.add(String.valueOf(result.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private List<String> ours(TableId id, java.util.function.Function<Record, String> render) {
    return TableReads.rows(runtime.table(id)).stream().map(render).toList();
  }

  private static String text(Object... values) {
    List<String> texts = new ArrayList<>();
    for (Object value : values) {
      // Timestamps as UTC microseconds, as DuckDB's epoch_us gives them; dates as yyyy-mm-dd.
      texts.add(
          value instanceof OffsetDateTime
              ? String.valueOf(ChangeTimes.micros(value))
              : String.valueOf(value));
    }
    return String.join("|", texts);
  }

  private String renderVersion(Record r) {
    return text(
        r.getField("user_id"),
        r.getField("email"),
        r.getField("city"),
        r.getField("name"),
        r.getField("valid_from"),
        r.getField("valid_to"),
        r.getField("is_current"),
        r.getField("last_seen_at"));
  }

  private String renderLatest(Record r) {
    return text(r.getField("user_id"), r.getField("email"), r.getField("city"), r.getField("name"));
  }

  private String renderDay(Record r) {
    List<Object> values = new ArrayList<>();
    for (String column :
        List.of(
            "date_key",
            "date",
            "year",
            "quarter",
            "month",
            "month_name",
            "day_of_month",
            "day_of_week",
            "day_name",
            "day_of_year",
            "iso_week",
            "iso_week_year",
            "is_weekend",
            "first_day_of_month")) {
      values.add(r.getField(column));
    }
    return text(values.toArray());
  }

  private static String renderFact(
      Record r, Map<Long, String> versionOf, Map<Long, String> memberOf) {
    return text(
        r.getField("order_id"),
        r.getField("ordered_at"),
        r.getField("amount"),
        versionOf.get((Long) r.getField("user_key")),
        memberOf.get((Long) r.getField("latest_user_key")),
        r.getField("order_date_key"));
  }

  /** What each surrogate key of a dimension points at: "user@valid_from" or the user. */
  private Map<Long, String> pointedAt(TableId id, String keyColumn, boolean versioned) {
    Map<Long, String> pointed = new HashMap<>();
    for (Record r : TableReads.rows(runtime.table(id))) {
      long key = (Long) r.getField(keyColumn);
      assertThat(key).isGreaterThanOrEqualTo(-1L);
      String member =
          key == -1L
              ? "unknown"
              : versioned
                  ? r.getField("user_id") + "@" + ChangeTimes.micros(r.getField("valid_from"))
                  : (String) r.getField("user_id");
      assertThat(pointed.put(key, member)).as("surrogate key %s is unique", key).isNull();
    }
    return pointed;
  }
}
