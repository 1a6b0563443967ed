package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.table.GoldTable;
import io.medallion.table.TimeBucket;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check of the time-series gold tables: each equals the same query, written with
 * DuckDB's window functions, over the Parquet files of the silver snapshot the gold commit consumed
 * (its positional deletes applied by an anti-join).
 */
class TimeSeriesDuckDbTest {
  /** Calendar windows without gap filling, changes and running totals of a double measure. */
  private static final GoldTable MONTHLY_BY_COUNTRY =
      GoldTable.builder(TableId.of("gold", "monthly_by_country"), RandomUserPipeline.USERS)
          .groupBy("country")
          .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
          .count("registrations")
          .avg("avg_age", "age")
          .rollingSum("registrations_3m", "registrations", 3)
          .rollingCount("months_3m", "registrations", 3)
          .rollingAvg("avg_age_3m", "avg_age", 3)
          .change("registrations_change", "registrations")
          .changeRatio("registrations_change_ratio", "registrations")
          .runningTotal("avg_age_running", "avg_age")
          .build();

  private static final Pipeline PIPELINE =
      RandomUserPipeline.PIPELINE.toBuilder().tables(MONTHLY_BY_COUNTRY).build();

  private static final String REGISTRATIONS_DAILY =
      """
      WITH days AS (SELECT CAST(registered_at AS DATE) AS day FROM silver),
      bounds AS (SELECT min(day) AS lo, max(day) AS hi FROM days),
      calendar AS (
        SELECT CAST(d AS DATE) AS day
        FROM bounds, generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL 1 DAY)
          AS t(d)),
      counts AS (SELECT day, count(*) AS n FROM days WHERE day IS NOT NULL GROUP BY day),
      series AS (
        SELECT c.day, coalesce(n, 0) AS registrations FROM calendar c LEFT JOIN counts USING (day))
      SELECT day, registrations,
        avg(registrations) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW),
        avg(registrations) OVER (ORDER BY day ROWS BETWEEN 29 PRECEDING AND CURRENT ROW),
        sum(registrations) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING)
      FROM series
      UNION ALL
      SELECT NULL, count(*), NULL, NULL, NULL FROM days WHERE day IS NULL HAVING count(*) > 0
      """;

  private static final String COHORT_BY_REGISTRATION_MONTH =
      """
      WITH rows AS (
        SELECT CAST(date_trunc('month', registered_at) AS DATE) AS cohort,
          CAST(date_trunc('month', _ingested_at) AS DATE) AS period, quality_score
        FROM silver),
      cells AS (
        SELECT cohort, CASE WHEN cohort IS NOT NULL THEN datediff('month', cohort, period) END
          AS since, count(*) AS users, avg(quality_score) AS avg_quality_score
        FROM rows GROUP BY ALL)
      SELECT cohort, since, users, avg_quality_score,
        CASE WHEN since IS NOT NULL THEN sum(users) OVER (
          PARTITION BY cohort, since IS NULL ORDER BY since ROWS UNBOUNDED PRECEDING) END
      FROM cells
      """;

  private static final String MONTHLY_BY_COUNTRY_SQL =
      """
      WITH cells AS (
        SELECT country, CAST(date_trunc('month', registered_at) AS DATE) AS month,
          count(*) AS n, avg(age) AS avg_age
        FROM silver GROUP BY ALL),
      numbered AS (
        SELECT *, year(month) * 12 + month(month) - 1 AS p FROM cells WHERE month IS NOT NULL),
      series AS (
        SELECT country, month, n, avg_age,
          CAST(sum(n) OVER w3 AS BIGINT) AS n_3m, count(n) OVER w3 AS months_3m,
          avg(avg_age) OVER w3 AS avg_age_3m,
          CASE WHEN lag(p) OVER w = p - 1 THEN n - lag(n) OVER w END AS change,
          CASE WHEN lag(p) OVER w = p - 1 AND lag(n) OVER w <> 0
            THEN (n - lag(n) OVER w) / CAST(lag(n) OVER w AS DOUBLE) END AS ratio,
          sum(avg_age) OVER (w ROWS UNBOUNDED PRECEDING) AS avg_age_running
        FROM numbered
        WINDOW w AS (PARTITION BY country ORDER BY p),
          w3 AS (PARTITION BY country ORDER BY p RANGE BETWEEN 2 PRECEDING AND CURRENT ROW))
      SELECT * FROM series
      UNION ALL
      SELECT country, NULL, n, avg_age, NULL, NULL, NULL, NULL, NULL, NULL
      FROM cells WHERE month IS NULL
      """;

  @TempDir Path lake;
  private MedallionRuntime runtime;

  @BeforeEach
  void open() {
    runtime = MedallionRuntime.builder().lake(lake).build();
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void run_timeSeriesTables_equalTheSameQueriesInDuckDb() throws Exception {
    Path generated = lake.resolve("generated.ndjson");
    StringWriter text = new StringWriter();
    RandomUserGenerator.withSeed(7).writeNdjson(text, 3000);
    Files.writeString(generated, text.toString(), StandardCharsets.UTF_8);
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.files(SharedData.randomUserDevFiles()));
    runtime.run(PIPELINE);
    // Generated users repeat some keys: silver replaces rows, so its snapshot has deletes.
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(generated));
    runtime.run(PIPELINE);
    Table silver = runtime.table(RandomUserPipeline.USERS.id());
    long consumed = consumedSilverSnapshot(RandomUserPipeline.REGISTRATIONS_DAILY);
    for (GoldTable gold :
        List.of(RandomUserPipeline.COHORT_BY_REGISTRATION_MONTH, MONTHLY_BY_COUNTRY)) {
      assertThat(consumedSilverSnapshot(gold)).isEqualTo(consumed);
    }

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET TimeZone = 'UTC'");
      sql.execute("CREATE VIEW silver AS " + liveRows(silver, consumed));
      Map<GoldTable, String> queries = new LinkedHashMap<>();
      queries.put(RandomUserPipeline.REGISTRATIONS_DAILY, REGISTRATIONS_DAILY);
      queries.put(RandomUserPipeline.COHORT_BY_REGISTRATION_MONTH, COHORT_BY_REGISTRATION_MONTH);
      queries.put(MONTHLY_BY_COUNTRY, MONTHLY_BY_COUNTRY_SQL);
      for (Map.Entry<GoldTable, String> query : queries.entrySet()) {
        List<String> gold = goldRows(query.getKey());
        List<String> duck = duckRows(sql, query.getValue());

        assertThat(gold).as(query.getKey().id().toString()).hasSizeGreaterThan(10);
        assertThat(gold).as(query.getKey().id().toString()).isEqualTo(duck);
      }
    }
  }

  /**
   * Silver's live rows at the snapshot gold consumed, from its data files minus the rows its
   * positional delete files name.
   */
  private static String liveRows(Table silver, long snapshot) throws IOException {
    List<String> data = new ArrayList<>();
    Set<String> deletes = new LinkedHashSet<>();
    try (CloseableIterable<FileScanTask> tasks =
        silver.newScan().useSnapshot(snapshot).planFiles()) {
      for (FileScanTask task : tasks) {
        String location = task.file().location();
        data.add(
            "SELECT *, '"
                + location
                + "' AS iceberg_path FROM read_parquet('"
                + local(location)
                + "', file_row_number = true)");
        for (DeleteFile delete : task.deletes()) {
          deletes.add("'" + local(delete.location()) + "'");
        }
      }
    }
    assertThat(deletes).isNotEmpty();
    return "SELECT * FROM ("
        + String.join(" UNION ALL BY NAME ", data)
        + ") d WHERE NOT EXISTS (SELECT 1 FROM read_parquet(["
        + String.join(", ", deletes)
        + "]) del WHERE del.file_path = d.iceberg_path AND del.pos = d.file_row_number)";
  }

  private long consumedSilverSnapshot(GoldTable gold) {
    String key = "medallion.consumed." + RandomUserPipeline.USERS.id();
    return Long.parseLong(runtime.table(gold.id()).currentSnapshot().summary().get(key));
  }

  private static String local(String location) {
    return location.startsWith("file:")
        ? Path.of(java.net.URI.create(location)).toString()
        : location;
  }

  private List<String> goldRows(GoldTable table) {
    List<String> rows = new ArrayList<>();
    for (Record record : Lakes.rows(runtime.table(table.id()))) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < record.size(); i++) {
        values.add(normalized(record.get(i)));
      }
      rows.add(String.join(" | ", values));
    }
    rows.sort(null);
    return rows;
  }

  private static List<String> duckRows(Statement sql, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = sql.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          values.add(
              normalized(
                  value instanceof java.sql.Date ? result.getObject(i, LocalDate.class) : value));
        }
        rows.add(String.join(" | ", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  /** Numbers compared by value (whole numbers exactly, others to 12 significant digits). */
  private static String normalized(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof Short) {
      return ((Number) value).toString();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return String.format(Locale.ROOT, "%.11e", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }
}
