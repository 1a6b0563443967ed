package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.table.GoldTable;
import io.medallion.table.TimeBucket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/** Time-series gold tables through a real run: silver's live rows in, a committed series out. */
class GoldTimeSeriesRunTest extends EmbeddedLakeTest {
  private static final GoldTable DAILY =
      GoldTable.builder(TableId.of("gold", "people_daily"), TestPipelines.PEOPLE)
          .groupBy("country")
          .timeBucket("day", TimeBucket.Unit.DAY, "updated_at")
          .count("updates")
          .fillGaps()
          .rollingAvg("updates_2d_avg", "updates", 2)
          .change("updates_change", "updates")
          .runningTotal("updates_to_date", "updates")
          .build();
  private static final GoldTable COHORTS =
      GoldTable.builder(TableId.of("gold", "people_cohorts"), TestPipelines.PEOPLE)
          .cohort("update_month", TimeBucket.Unit.MONTH, "updated_at")
          .periodsSince("months_since", "_ingested_at")
          .count("people")
          .fillGaps()
          .build();
  private static final Pipeline PIPELINE =
      Pipeline.builder("people_series")
          .tables(TestPipelines.RAW, TestPipelines.PEOPLE, DAILY, COHORTS)
          .build();

  @Override
  Clock clock() {
    return Clock.fixed(Instant.parse("2024-03-15T10:00:00Z"), ZoneOffset.UTC);
  }

  @Test
  void run_timeSeries_writesTheFilledSeriesWithTheSilverSnapshotConsumed() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "people",
            personIn("a", "CH", "2024-01-01T08:00:00Z"),
            personIn("b", "CH", "2024-01-03T08:00:00Z"),
            personIn("c", "DE", "2024-01-03T09:00:00Z")));

    RunResult result = runtime.run(PIPELINE);

    assertThat(result.table(DAILY.id()).read()).isEqualTo(3);
    assertThat(rows(DAILY))
        .containsExactly(
            List.of("CH", day(1), 1L, 1.0, "-", 1L),
            List.of("CH", day(2), 0L, 0.5, -1L, 1L),
            List.of("CH", day(3), 1L, 0.5, 1L, 2L),
            List.of("DE", day(1), 0L, 0.0, "-", 0L),
            List.of("DE", day(2), 0L, 0.0, 0L, 0L),
            List.of("DE", day(3), 1L, 0.5, 1L, 1L));
    LocalDate january = LocalDate.of(2024, 1, 1);
    assertThat(rows(COHORTS))
        .containsExactly(List.of(january, 0, 0L), List.of(january, 1, 0L), List.of(january, 2, 3L));
    Snapshot silver = runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot();
    for (GoldTable gold : List.of(DAILY, COHORTS)) {
      assertThat(runtime.table(gold.id()).currentSnapshot().summary())
          .containsEntry(
              TableProperties.consumedKey(TestPipelines.PEOPLE.id().toString()),
              Long.toString(silver.snapshotId()));
    }
  }

  @Test
  void run_silverReplacesARow_seriesRecomputedFromLiveRowsOnly() {
    runtime.ingest(
        TestPipelines.RAW,
        ndjson(
            "first",
            personIn("a", "CH", "2024-01-01T08:00:00Z"),
            personIn("b", "CH", "2024-01-03T08:00:00Z")));
    runtime.run(PIPELINE);
    Snapshot before = runtime.table(DAILY.id()).currentSnapshot();

    RunResult unchanged = runtime.run(PIPELINE);
    runtime.ingest(
        TestPipelines.RAW, ndjson("second", personIn("a", "CH", "2024-01-04T08:00:00Z")));
    runtime.run(PIPELINE);

    assertThat(unchanged.table(DAILY.id()).committed()).isFalse();
    assertThat(runtime.table(DAILY.id()).snapshot(before.snapshotId())).isNotNull();
    // a moved from day 1 to day 4: the series now starts at day 3.
    assertThat(rows(DAILY))
        .containsExactly(
            List.of("CH", day(3), 1L, 1.0, "-", 1L), List.of("CH", day(4), 1L, 1.0, 0L, 2L));
  }

  private List<List<Object>> rows(GoldTable gold) {
    Table table = runtime.table(gold.id());
    return TableReads.rows(table).stream()
        .map(GoldTimeSeriesRunTest::values)
        .sorted(Comparator.comparing(Object::toString))
        .toList();
  }

  private static List<Object> values(Record record) {
    Object[] values = new Object[record.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = record.get(i) == null ? "-" : record.get(i);
    }
    return Arrays.asList(values);
  }

  private static LocalDate day(int n) {
    return LocalDate.of(2023, 12, 31).plusDays(n);
  }
}
