package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.gold.GoldModes;
import io.medallion.core.spi.JsonSource;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import io.medallion.table.TimeBucket;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental gold equals a full recompute: random sequences of batches (new users, changes of
 * tracked and measured columns, identical re-sends, duplicates within a batch, late records that
 * lose to newer ones, null values) run through a real runtime, where every gold kind exists twice,
 * once computed incrementally and once with {@code medallion.gold.mode=full}; after every batch
 * each pair must hold the same rows. Scores are multiples of 0.25, so sums of doubles are exact in
 * any order and the comparison can be exact.
 */
class IncrementalGoldPropertyTest {
  private static final int SEEDS = 3;
  private static final int BATCHES = 6;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "users_raw")).build();

  static final SilverTable USERS =
      SilverTable.builder(TableId.of("silver", "users"), RAW)
          .map("id", ColumnType.STRING, "id")
          .map("email", ColumnType.STRING, "email")
          .map("city", ColumnType.STRING, "city")
          .map("country", ColumnType.STRING, "country")
          .map("age", ColumnType.INT, "age")
          .map("score", ColumnType.DOUBLE, "score")
          .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
          .map("updated_at", ColumnType.TIMESTAMP_TZ, "updated")
          .deduplicateOn("id")
          .keepLatestBy("updated_at")
          .build();

  @TempDir Path dir;

  /** Every gold kind, named with a suffix so that the pipeline can hold two of each. */
  static List<TableDefinition> gold(String suffix) {
    GoldTable measures =
        GoldTable.builder(TableId.of("gold", "by_country" + suffix), USERS)
            .groupBy("country")
            .count("users")
            .countDistinct("cities", "city")
            .sum("total_age", "age")
            .sum("total_score", "score")
            .avg("avg_age", "age")
            .avg("avg_score", "score")
            .min("min_age", "age")
            .max("max_score", "score")
            .build();
    GoldTable monthly =
        GoldTable.builder(TableId.of("gold", "monthly" + suffix), USERS)
            .groupBy("country")
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .count("users")
            .cumulativeCount("users_to_date")
            .build();
    GoldTable daily =
        GoldTable.builder(TableId.of("gold", "daily" + suffix), USERS)
            .timeBucket("day", TimeBucket.Unit.DAY, "registered_at")
            .count("registrations")
            .cumulativeCount("registrations_so_far")
            .fillGaps()
            .rollingCount("days_with_rows_7d", "registrations", 7)
            .rollingSum("registrations_7d", "registrations", 7)
            .rollingAvg("registrations_3d_avg", "registrations", 3)
            .change("registrations_change", "registrations")
            .changeRatio("registrations_change_ratio", "registrations")
            .runningTotal("registrations_to_date", "registrations")
            .build();
    GoldTable scores =
        GoldTable.builder(TableId.of("gold", "scores_by_month" + suffix), USERS)
            .groupBy("country")
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .count("users")
            .sum("score_sum", "score")
            .avg("age_avg", "age")
            .max("age_max", "age")
            .cumulativeCount("users_to_date")
            .fillGaps(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 4, 30))
            .rollingAvg("age_avg_2m", "age_avg", 2)
            .rollingSum("score_sum_2m", "score_sum", 2)
            .change("score_change", "score_sum")
            .runningTotal("score_to_date", "score_sum")
            .build();
    GoldTable yearly =
        GoldTable.builder(TableId.of("gold", "ages_by_year" + suffix), USERS)
            .groupBy("city")
            .timeBucket("year", TimeBucket.Unit.YEAR, "registered_at")
            .sum("age_sum", "age")
            .min("age_min", "age")
            .countDistinct("countries", "country")
            .change("age_sum_change", "age_sum")
            .changeRatio("age_sum_ratio", "age_sum")
            .build();
    GoldTable cohorts =
        GoldTable.builder(TableId.of("gold", "cohorts" + suffix), USERS)
            .cohort("registration_month", TimeBucket.Unit.MONTH, "registered_at")
            .periodsSince("months_since", "updated_at")
            .count("users")
            .fillGaps()
            .runningTotal("users_to_date", "users")
            .build();
    DimensionTable dimUser =
        DimensionTable.type2(TableId.of("gold", "dim_user" + suffix), USERS, "id")
            .tracked("email", "city")
            .attributes("country")
            .changedAt("updated_at")
            .build();
    DimensionTable dimLocation =
        DimensionTable.type1(TableId.of("gold", "dim_location" + suffix), USERS, "country", "city")
            .attributes("age")
            .changedAt("updated_at")
            .build();
    DateDimension dimDate =
        DateDimension.builder(
                TableId.of("gold", "dim_date" + suffix),
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 2, 29))
            .build();
    FactTable facts =
        FactTable.builder(TableId.of("gold", "fact_user" + suffix), USERS, "id")
            .eventTime("registered_at")
            .dimension(dimUser, "id")
            .dimension(dimLocation, "country", "city")
            .date("registration_date_key", dimDate, "registered_at")
            .measures("age", "score")
            .build();
    return List.of(
        measures, monthly, daily, scores, yearly, cohorts, dimUser, dimLocation, dimDate, facts);
  }

  @Test
  void run_randomBatches_everyIncrementalGoldTableEqualsAFullRecompute() {
    for (int seed = 1; seed <= SEEDS; seed++) {
      checkSeed(seed);
    }
  }

  private void checkSeed(long seed) {
    List<TableDefinition> incremental = gold("");
    List<TableDefinition> full = gold("_full");
    List<TableDefinition> tables = new ArrayList<>(List.of(RAW, USERS));
    tables.addAll(incremental);
    tables.addAll(full);
    Pipeline pipeline = Pipeline.builder("users").tables(tables).build();
    Random random = new Random(seed);
    Users users = new Users(random);
    try (MedallionRuntime runtime =
        MedallionRuntime.builder().lake(dir.resolve("lake-" + seed)).build()) {
      runtime.registerAll(pipeline);
      for (TableDefinition twin : full) {
        runtime.table(twin.id()).updateProperties().set(GoldModes.MODE, GoldModes.FULL).commit();
      }
      for (int batch = 1; batch <= BATCHES; batch++) {
        List<String> lines = users.batch(batch);
        runtime.ingest(RAW, source("batch-" + batch, lines));
        runtime.run(pipeline);
        for (int i = 0; i < incremental.size(); i++) {
          TableId id = incremental.get(i).id();
          assertThat(rows(runtime.table(id)))
              .as("seed %d, batch %d, %s (batch: %s)", seed, batch, id, lines)
              .containsExactlyElementsOf(rows(runtime.table(full.get(i).id())));
        }
        if (batch > 1) {
          assertRanIncrementally(runtime, incremental, seed, batch);
        }
      }
      assertModelRanIncrementally(runtime, incremental, seed);
      assertUnknownCounts(
          runtime,
          (FactTable) incremental.get(incremental.size() - 1),
          (FactTable) full.get(full.size() - 1),
          seed);
    }
  }

  /** The aggregates must not have fallen back to a full recompute. */
  private static void assertRanIncrementally(
      MedallionRuntime runtime, List<TableDefinition> tables, long seed, int batch) {
    for (TableDefinition table : tables) {
      if (table instanceof GoldTable) {
        assertThat(runtime.table(table.id()).currentSnapshot().summary())
            .as("seed %d, batch %d, %s", seed, batch, table.id())
            .containsEntry(GoldModes.RUN, GoldModes.INCREMENTAL);
      }
    }
  }

  /**
   * Dimensions and facts commit only when a member or fact changes: some commit after the first
   * must have been incremental.
   */
  private static void assertModelRanIncrementally(
      MedallionRuntime runtime, List<TableDefinition> tables, long seed) {
    for (TableDefinition table : tables) {
      if (table instanceof DimensionTable || table instanceof FactTable) {
        List<String> runs = new ArrayList<>();
        runtime
            .table(table.id())
            .snapshots()
            .forEach(s -> runs.add(s.summary().get(GoldModes.RUN)));
        assertThat(runs).as("seed %d, %s", seed, table.id()).contains(GoldModes.INCREMENTAL);
      }
    }
  }

  /** The facts' unknown-member counts, per key column, must match the full twin's. */
  private static void assertUnknownCounts(
      MedallionRuntime runtime, FactTable incremental, FactTable full, long seed) {
    List<String> incrementalKeys = new ArrayList<>();
    List<String> fullKeys = new ArrayList<>();
    incremental.dimensionKeys().forEach(k -> incrementalKeys.add(k.column()));
    incremental.dateKeys().forEach(k -> incrementalKeys.add(k.column()));
    full.dimensionKeys().forEach(k -> fullKeys.add(k.column()));
    full.dateKeys().forEach(k -> fullKeys.add(k.column()));
    Map<String, String> counted = runtime.table(incremental.id()).currentSnapshot().summary();
    Map<String, String> recounted = runtime.table(full.id()).currentSnapshot().summary();
    for (int i = 0; i < incrementalKeys.size(); i++) {
      assertThat(counted.get("medallion.unknown." + incrementalKeys.get(i)))
          .as("seed %d, unknown %s", seed, incrementalKeys.get(i))
          .isNotNull()
          .isEqualTo(recounted.get("medallion.unknown." + fullKeys.get(i)));
    }
  }

  static JsonSource source(String name, List<String> lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonSource.stream(name, new ByteArrayInputStream(bytes));
  }

  /** A table's rows as value lists, sorted by their text so that two tables compare as sets. */
  static List<List<Object>> rows(Table table) {
    List<List<Object>> rows = new ArrayList<>();
    // A read applying positional deletes adds the row position to each record: by name only.
    List<String> columns = table.schema().columns().stream().map(c -> c.name()).toList();
    for (Record record : TableReads.rows(table)) {
      List<Object> values = new ArrayList<>();
      for (String column : columns) {
        values.add(record.getField(column));
      }
      rows.add(values);
    }
    rows.sort(Comparator.comparing(Object::toString));
    return rows;
  }

  /** The users the random batches are about, with each one's latest state. */
  static final class Users {
    private static final String[] COUNTRIES = {"CH", "DE", "FR"};
    private static final String[] CITIES = {"Bern", "Basel", "Berlin", "Lyon"};

    private final Random random;
    private final Map<String, Map<String, Object>> latest = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    Users(Random random) {
      this.random = random;
    }

    List<String> batch(int number) {
      List<String> lines = new ArrayList<>();
      int size = 1 + random.nextInt(10);
      for (int i = 0; i < size; i++) {
        int kind = ids.isEmpty() ? 0 : random.nextInt(10);
        if (kind < 4) {
          lines.add(insert(number));
        } else if (kind < 7) {
          lines.add(update());
        } else if (kind == 7) {
          lines.add(json(latest.get(pick())));
        } else if (kind == 8) {
          lines.add(late());
        } else {
          lines.add(lines.isEmpty() ? insert(number) : lines.get(random.nextInt(lines.size())));
        }
      }
      return lines;
    }

    private String insert(int batch) {
      String id = "u" + (ids.size() + 1);
      ids.add(id);
      Map<String, Object> user = new HashMap<>();
      user.put("id", id);
      user.put("email", id + "@mail.test");
      user.put("city", random.nextInt(12) == 0 ? null : pickOf(CITIES));
      user.put("country", random.nextInt(12) == 0 ? null : pickOf(COUNTRIES));
      user.put("age", random.nextInt(10) == 0 ? null : 18 + random.nextInt(60));
      user.put("score", random.nextInt(10) == 0 ? null : random.nextInt(40) * 0.25);
      user.put(
          "registered",
          random.nextInt(15) == 0
              ? null
              : START
                  .plus(random.nextInt(50), ChronoUnit.DAYS)
                  .plusSeconds(random.nextInt(86_400)));
      user.put("updated", START.plus(60 + batch * 10L, ChronoUnit.DAYS));
      latest.put(id, user);
      return json(user);
    }

    /** A newer state of a user: some tracked or measured columns change. */
    private String update() {
      Map<String, Object> user = new HashMap<>(latest.get(pick()));
      if (random.nextBoolean()) {
        user.put("email", user.get("id") + "." + random.nextInt(3) + "@mail.test");
      }
      if (random.nextBoolean()) {
        user.put("city", pickOf(CITIES));
      }
      if (random.nextInt(3) == 0) {
        user.put("country", pickOf(COUNTRIES));
      }
      if (random.nextBoolean()) {
        user.put("age", 18 + random.nextInt(60));
        user.put("score", random.nextInt(40) * 0.25);
      }
      user.put(
          "updated", ((Instant) user.get("updated")).plus(1 + random.nextInt(3), ChronoUnit.DAYS));
      latest.put((String) user.get("id"), user);
      return json(user);
    }

    /** An older state of a user arriving after a newer one: it must lose. */
    private String late() {
      Map<String, Object> user = new HashMap<>(latest.get(pick()));
      user.put("city", pickOf(CITIES));
      user.put("age", 18 + random.nextInt(60));
      user.put("updated", ((Instant) user.get("updated")).minus(1, ChronoUnit.HOURS));
      return json(user);
    }

    private String pick() {
      return ids.get(random.nextInt(ids.size()));
    }

    private String pickOf(String[] values) {
      return values[random.nextInt(values.length)];
    }

    private static String json(Map<String, Object> user) {
      StringBuilder text = new StringBuilder("{");
      for (String field :
          List.of("id", "email", "city", "country", "age", "score", "registered", "updated")) {
        Object value = user.get(field);
        text.append(text.length() == 1 ? "" : ",").append('"').append(field).append("\":");
        text.append(
            value == null || value instanceof Number ? String.valueOf(value) : "\"" + value + "\"");
      }
      return text.append('}').toString();
    }
  }
}
