package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.table.GoldTable;
import io.medallion.table.TableDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every gold view, rendered by the same renderer in DuckDB's dialect, runs in embedded DuckDB over
 * the data files of the silver snapshot its gold table consumed and returns exactly the gold
 * table's rows: this is what makes the Snowflake views trustworthy.
 */
class SameAnswersTest {
  @TempDir static Path lake;
  private static MedallionRuntime runtime;

  @BeforeAll
  static void buildLake() {
    runtime = MedallionRuntime.builder().lake(lake).build();
    runtime.run(People.PIPELINE, People.RAW, JsonSource.stream("people", people(400)));
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    runtime.close();
  }

  @Test
  void goldViews_inDuckDbOverTheSilverSnapshotFiles_returnExactlyTheGoldRows() throws Exception {
    TableFacts silver =
        LakeFacts.read(runtime, People.PIPELINE).table(People.PEOPLE.id()).orElseThrow();
    assertThat(silver.deleteFiles()).as("the views are compared on data files alone").isZero();
    assertThat(silver.dataFiles()).isNotEmpty();
    String source = silverFiles();
    int compared = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (TableDefinition table : People.PIPELINE.tables()) {
        if (table instanceof GoldTable gold) {
          String query = GoldViews.query(gold, SqlDialect.DUCKDB, source).orElseThrow();
          List<String> expected = goldRows(runtime.table(gold.id()));
          assertThat(viewRows(duck, query))
              .as(gold.id() + ":\n" + query)
              .containsExactlyInAnyOrderElementsOf(expected);
          assertThat(expected).as(gold.id().toString()).hasSizeGreaterThan(1);
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(7);
  }

  @Test
  void writeProfile_dimensionsDateDimensionAndFacts_acceptEveryColumn() {
    LakeFacts facts = LakeFacts.read(runtime, People.PIPELINE);
    for (TableDefinition table : List.of(People.DIM_PERSON, People.DIM_DATE, People.FACT_PERSON)) {
      TableFacts lake = facts.table(table.id()).orElseThrow();
      assertThat(lake.dataFiles()).as(table.id().toString()).isNotEmpty();
      assertThat(WriteProfile.defaults().violations(lake)).as(table.id().toString()).isEmpty();
    }
  }

  @Test
  void goldView_ofAChangedAggregate_noLongerMatches() throws Exception {
    GoldTable wrong =
        People.BY_COUNTRY.toBuilder()
            .clearMeasures()
            .count("people")
            .sum("total_age", "score")
            .countDistinct("names", "email")
            .avg("avg_age", "age")
            .min("youngest", "age")
            .max("oldest", "age")
            .sum("total_score", "score")
            .build();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> rows =
          viewRows(duck, GoldViews.query(wrong, SqlDialect.DUCKDB, silverFiles()).orElseThrow());
      assertThat(rows).isNotEqualTo(goldRows(runtime.table(People.BY_COUNTRY.id())));
    }
  }

  @Test
  void seriesView_filledOverTheObservedRangeOnly_noLongerMatchesTheDeclaredRange()
      throws Exception {
    GoldTable observed = People.MONTHLY_SERIES.toBuilder().fillGaps().build();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> rows =
          viewRows(duck, GoldViews.query(observed, SqlDialect.DUCKDB, silverFiles()).orElseThrow());
      List<String> gold = goldRows(runtime.table(People.MONTHLY_SERIES.id()));
      assertThat(rows).isNotEmpty().hasSizeLessThan(gold.size());
      assertThat(gold).anyMatch(row -> row.startsWith("DE | 1940-01-01 | 0 | 0 | null | null | 0"));
    }
  }

  /** The silver snapshot's data files as a DuckDB relation. */
  private static String silverFiles() {
    TableFacts silver =
        LakeFacts.read(runtime, People.PIPELINE).table(People.PEOPLE.id()).orElseThrow();
    return "read_parquet(["
        + silver.dataFiles().stream()
            .map(
                f -> SqlDialect.DUCKDB.literal(Path.of(java.net.URI.create(fileUri(f))).toString()))
            .collect(Collectors.joining(", "))
        + "])";
  }

  private static String fileUri(String location) {
    return location.startsWith("file:") ? location : "file://" + location;
  }

  private static List<String> viewRows(Connection duck, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = result.getObject(i);
          if (value instanceof java.sql.Date date) {
            value = date.toLocalDate();
          } else if (value instanceof OffsetDateTime instant) {
            value = instant.withOffsetSameInstant(ZoneOffset.UTC);
          } else if (value instanceof java.sql.Timestamp timestamp) {
            value = timestamp.toInstant().atOffset(ZoneOffset.UTC);
          }
          values.add(normalize(value));
        }
        rows.add(String.join(" | ", values));
      }
    }
    return rows;
  }

  private static List<String> goldRows(Table gold) throws IOException {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(gold).build()) {
      for (Record record : records) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          values.add(normalize(record.get(i)));
        }
        rows.add(String.join(" | ", values));
      }
    }
    return rows;
  }

  /**
   * One spelling per value: whole numbers as longs, doubles to 10 significant digits (a window sums
   * in another order than medallion's differences of running sums).
   */
  private static String normalize(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.10g", ((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      return Long.toString(number.longValue());
    } else if (value instanceof LocalDate || value instanceof OffsetDateTime) {
      return value.toString();
    }
    return value.toString();
  }

  /** NDJSON people: countries, ages, scores and births spread over years, with some nulls. */
  private static ByteArrayInputStream people(int count) {
    Random random = new Random(7);
    String[] countries = {"ch", "de", "us"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      OffsetDateTime born =
          OffsetDateTime.of(
              1950 + random.nextInt(60),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              0,
              0,
              ZoneOffset.ofHours(random.nextInt(5) - 2));
      // Some births are unknown, so every kind has rows without a period.
      String bornAt = random.nextInt(20) == 0 ? "null" : "\"" + born + "\"";
      out.append("{\"id\":\"p")
          .append(i)
          .append('"')
          .append(",\"name\":\"Name ")
          .append(random.nextInt(50))
          .append('"')
          .append(",\"email\":\"p")
          .append(i)
          .append("@example.com\"")
          .append(",\"country\":")
          .append(random.nextInt(10) == 0 ? "null" : "\"" + countries[random.nextInt(3)] + "\"")
          .append(",\"age\":")
          .append(random.nextInt(8) == 0 ? "null" : Integer.toString(random.nextInt(100)))
          .append(",\"score\":")
          .append(random.nextDouble() * 10)
          .append(",\"latitude\":")
          .append(random.nextDouble() * 90)
          .append(",\"born_at\":")
          .append(bornAt)
          .append("}\n");
    }
    return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
