package io.medallion.core.internal.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** Time series computed from hand-made groups; every expected value is worked out by hand. */
class SeriesRowsTest {
  private static final SilverTable SALES =
      SilverTable.builder(
              TableId.of("silver", "sales"),
              BronzeTable.builder(TableId.of("bronze", "sales_raw")).build())
          .map("country", ColumnType.STRING, "country")
          .map("day", ColumnType.DATE, "day")
          .map("amount", ColumnType.INT, "amount")
          .map("signup", ColumnType.DATE, "signup")
          .build();
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.optional(1, "country", Types.StringType.get()),
          Types.NestedField.optional(2, "day", Types.DateType.get()),
          Types.NestedField.optional(3, "amount", Types.IntegerType.get()),
          Types.NestedField.optional(4, "signup", Types.DateType.get()));

  private static GoldTable.Builder daily() {
    return GoldTable.builder(TableId.of("gold", "daily"), SALES)
        .timeBucket("day", TimeBucket.Unit.DAY, "day")
        .count("sales");
  }

  @Test
  void write_fillGaps_everyGroupGetsEveryPeriodOfTheTableWithZeroCounts() {
    GoldTable table =
        GoldTable.builder(TableId.of("gold", "daily"), SALES)
            .groupBy("country")
            .timeBucket("day", TimeBucket.Unit.DAY, "day")
            .count("sales")
            .sum("total", "amount")
            .avg("avg_amount", "amount")
            .fillGaps()
            .runningTotal("sales_to_date", "sales")
            .build();

    List<List<Object>> rows =
        rows(
            table,
            sale("CH", day(1), 10),
            sale("CH", day(1), 20),
            sale("DE", day(3), 5),
            sale("CH", null, 7));

    assertThat(rows)
        .containsExactly(
            List.of("CH", "-", 1L, 7L, 7.0, "-"),
            List.of("CH", day(1), 2L, 30L, 15.0, 2L),
            List.of("CH", day(2), 0L, 0L, "-", 2L),
            List.of("CH", day(3), 0L, 0L, "-", 2L),
            List.of("DE", day(1), 0L, 0L, "-", 0L),
            List.of("DE", day(2), 0L, 0L, "-", 0L),
            List.of("DE", day(3), 1L, 5L, 5.0, 1L));
  }

  @Test
  void write_fillGapsDeclaredRange_fillsTheRangeAndKeepsPeriodsOutsideIt() {
    GoldTable days = daily().fillGaps(day(-1), day(2)).build();
    GoldTable months =
        GoldTable.builder(TableId.of("gold", "monthly"), SALES)
            .timeBucket("month", TimeBucket.Unit.MONTH, "day")
            .count("sales")
            .fillGaps(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 20))
            .build();

    List<List<Object>> daily = rows(days, sale("CH", day(1), 1), sale("CH", day(4), 1));
    List<List<Object>> monthly = rows(months, sale("CH", LocalDate.of(2024, 2, 10), 1));

    assertThat(daily)
        .containsExactly(
            List.of(day(-1), 0L),
            List.of(day(0), 0L),
            List.of(day(1), 1L),
            List.of(day(2), 0L),
            List.of(day(3), 0L),
            List.of(day(4), 1L));
    assertThat(monthly)
        .containsExactly(
            List.of(LocalDate.of(2024, 1, 1), 0L),
            List.of(LocalDate.of(2024, 2, 1), 1L),
            List.of(LocalDate.of(2024, 3, 1), 0L));
  }

  @Test
  void write_rollingWindowsFilled_shortWindowsAtTheStartThenFullOnes() {
    GoldTable table =
        daily()
            .fillGaps()
            .rollingSum("sum_3", "sales", 3)
            .rollingCount("count_3", "sales", 3)
            .rollingAvg("avg_3", "sales", 3)
            .rollingSum("sum_1", "sales", 1)
            .build();

    List<List<Object>> rows = rows(table, sales(1, 2, 2, 4, 4, 4, 4, 5, 5, 5, 5, 5));

    // Daily sales 1, 2, 0 (gap), 4, 5.
    assertThat(rows)
        .containsExactly(
            List.of(day(1), 1L, 1L, 1L, 1.0, 1L),
            List.of(day(2), 2L, 3L, 2L, 1.5, 2L),
            List.of(day(3), 0L, 3L, 3L, 1.0, 0L),
            List.of(day(4), 4L, 6L, 3L, 2.0, 4L),
            List.of(day(5), 5L, 9L, 3L, 3.0, 5L));
  }

  @Test
  void write_rollingWindowsNotFilled_windowsCountCalendarPeriods() {
    GoldTable table =
        daily()
            .rollingSum("sum_3", "sales", 3)
            .rollingCount("count_3", "sales", 3)
            .rollingAvg("avg_3", "sales", 3)
            .build();

    List<List<Object>> rows = rows(table, sales(1, 2, 2, 4, 4, 4, 4, 5, 5, 5, 5, 5));

    // Day 3 has no row: day 4's window is days 2 to 4, day 5's is days 3 to 5.
    assertThat(rows)
        .containsExactly(
            List.of(day(1), 1L, 1L, 1L, 1.0),
            List.of(day(2), 2L, 3L, 2L, 1.5),
            List.of(day(4), 4L, 6L, 2L, 3.0),
            List.of(day(5), 5L, 9L, 2L, 4.5));
  }

  @Test
  void write_rollingOverAMeasureWithoutValue_skipsThePeriodsWithout() {
    GoldTable table =
        daily()
            .avg("avg_amount", "amount")
            .fillGaps()
            .rollingAvg("avg_2", "avg_amount", 2)
            .rollingSum("sum_2", "avg_amount", 2)
            .rollingCount("count_2", "avg_amount", 2)
            .build();

    List<List<Object>> rows =
        rows(table, sale("CH", day(1), 10), sale("CH", day(3), 4), sale("CH", day(4), null));

    // Average amounts 10, none (gap), 4, none (only a null amount).
    assertThat(rows)
        .containsExactly(
            List.of(day(1), 1L, 10.0, 10.0, 10.0, 1L),
            List.of(day(2), 0L, "-", 10.0, 10.0, 1L),
            List.of(day(3), 1L, 4.0, 4.0, 4.0, 1L),
            List.of(day(4), 1L, "-", 4.0, 4.0, 1L));
  }

  @Test
  void write_changeFilled_zeroPreviousGivesNoRatio() {
    GoldTable table =
        daily().fillGaps().change("change", "sales").changeRatio("ratio", "sales").build();

    List<List<Object>> rows = rows(table, sales(1, 1, 3, 3, 3, 4, 4, 4, 4, 4, 4));

    // Daily sales 2, 0 (gap), 3, 6.
    assertThat(rows)
        .containsExactly(
            List.of(day(1), 2L, "-", "-"),
            List.of(day(2), 0L, -2L, -1.0),
            List.of(day(3), 3L, 3L, "-"),
            List.of(day(4), 6L, 3L, 1.0));
  }

  @Test
  void write_changeNotFilled_absentPreviousGivesNoChange() {
    GoldTable table = daily().change("change", "sales").changeRatio("ratio", "sales").build();

    List<List<Object>> rows = rows(table, sales(1, 1, 3, 3, 3, 4, 4, 4, 4, 4, 4));

    assertThat(rows)
        .containsExactly(
            List.of(day(1), 2L, "-", "-"),
            List.of(day(3), 3L, "-", "-"),
            List.of(day(4), 6L, 3L, 1.0));
  }

  @Test
  void write_changeOfADoubleMeasure_isADouble() {
    GoldTable table =
        daily()
            .avg("avg_amount", "amount")
            .change("change", "avg_amount")
            .changeRatio("ratio", "avg_amount")
            .build();

    List<List<Object>> rows =
        rows(table, sale("CH", day(1), 4), sale("CH", day(2), 5), sale("CH", day(2), 6));

    assertThat(rows)
        .containsExactly(List.of(day(1), 1L, 4.0, "-", "-"), List.of(day(2), 2L, 5.5, 1.5, 0.375));
  }

  @Test
  void write_runningTotals_carryOverGapsAndSkipMissingValues() {
    GoldTable table =
        daily()
            .avg("avg_amount", "amount")
            .cumulativeCount("sales_so_far")
            .fillGaps()
            .runningTotal("sales_to_date", "sales")
            .runningTotal("avg_to_date", "avg_amount")
            .build();

    List<List<Object>> rows =
        rows(table, sale("CH", day(1), 10), sale("CH", day(3), 4), sale("CH", day(3), 4));

    assertThat(rows)
        .containsExactly(
            List.of(day(1), 1L, 10.0, 1L, 1L, 10.0),
            List.of(day(2), 0L, "-", 1L, 1L, 10.0),
            List.of(day(3), 2L, 4.0, 3L, 3L, 14.0));
  }

  @Test
  void write_cohortsFilled_eachCohortRunsFromItsStartToTheTablesLastPeriod() {
    GoldTable table =
        GoldTable.builder(TableId.of("gold", "cohorts"), SALES)
            .cohort("signup_month", TimeBucket.Unit.MONTH, "signup")
            .periodsSince("months_since", "day")
            .count("sales")
            .fillGaps()
            .runningTotal("sales_to_date", "sales")
            .build();

    List<List<Object>> rows =
        rows(
            table,
            cohortSale("2024-01-15", "2024-01-20"),
            cohortSale("2024-01-10", "2024-03-01"),
            cohortSale("2024-02-01", "2024-02-05"),
            cohortSale("2024-02-03", "2024-04-01"),
            cohortSale("2024-03-10", "2024-02-20"),
            cohortSale(null, "2024-01-01"),
            cohortSale("2024-02-01", null));

    LocalDate jan = LocalDate.of(2024, 1, 1);
    LocalDate feb = LocalDate.of(2024, 2, 1);
    LocalDate mar = LocalDate.of(2024, 3, 1);
    assertThat(rows)
        .containsExactly(
            List.of("-", "-", 1L, "-"),
            List.of(jan, 0, 1L, 1L),
            List.of(jan, 1, 0L, 1L),
            List.of(jan, 2, 1L, 2L),
            List.of(jan, 3, 0L, 2L),
            List.of(feb, "-", 1L, "-"),
            List.of(feb, 0, 1L, 1L),
            List.of(feb, 1, 0L, 1L),
            List.of(feb, 2, 1L, 2L),
            List.of(mar, -1, 1L, 1L),
            List.of(mar, 0, 0L, 1L),
            List.of(mar, 1, 0L, 1L));
  }

  @Test
  void write_cohortsNotFilled_onlyPeriodsWithRows() {
    GoldTable table =
        GoldTable.builder(TableId.of("gold", "cohorts"), SALES)
            .cohort("signup_year", TimeBucket.Unit.YEAR, "signup")
            .periodsSince("years_since", "day")
            .count("sales")
            .cumulativeCount("sales_so_far")
            .build();

    List<List<Object>> rows =
        rows(
            table,
            cohortSale("2020-06-01", "2020-07-01"),
            cohortSale("2020-01-01", "2023-02-01"),
            cohortSale("2020-03-01", "2023-12-31"));

    LocalDate y2020 = LocalDate.of(2020, 1, 1);
    assertThat(rows).containsExactly(List.of(y2020, 0, 1L, 1L), List.of(y2020, 3, 2L, 3L));
  }

  /** Rows as lists, a null shown as "-" so that expected rows can be written with List.of. */
  private static List<List<Object>> rows(GoldTable table, Record... source) {
    Groups groups = new Groups(table);
    for (Record row : source) {
      groups.add(row);
    }
    List<List<Object>> rows = new ArrayList<>();
    new SeriesRows(table)
        .write(
            groups.sorted(),
            values ->
                rows.add(Arrays.stream(values).map(v -> v == null ? (Object) "-" : v).toList()));
    return rows;
  }

  private static Record sale(String country, LocalDate day, Integer amount) {
    Record row = GenericRecord.create(SCHEMA);
    row.setField("country", country);
    row.setField("day", day);
    row.setField("amount", amount);
    return row;
  }

  /** One sale in CH per day number given. */
  private static Record[] sales(int... days) {
    return Arrays.stream(days).mapToObj(d -> sale("CH", day(d), 1)).toArray(Record[]::new);
  }

  private static Record cohortSale(String signup, String day) {
    Record row = sale("CH", day == null ? null : LocalDate.parse(day), 1);
    row.setField("signup", signup == null ? null : LocalDate.parse(signup));
    return row;
  }

  /** Day n of January 2024; 0 and below fall in December 2023. */
  private static LocalDate day(int n) {
    return LocalDate.of(2023, 12, 31).plusDays(n);
  }
}
