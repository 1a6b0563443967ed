package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.schema.ColumnType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GoldTimeSeriesTest {
  private static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "raw")).build();
  private static final SilverTable USERS =
      SilverTable.builder(TableId.of("silver", "users"), RAW)
          .map("country", ColumnType.STRING, "country")
          .map("age", ColumnType.INT, "age")
          .map("score", ColumnType.DOUBLE, "score")
          .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
          .map("ordered_on", ColumnType.DATE, "ordered")
          .build();

  private static GoldTable.Builder daily() {
    return GoldTable.builder(TableId.of("gold", "daily"), USERS)
        .groupBy("country")
        .timeBucket("day", TimeBucket.Unit.DAY, "registered_at")
        .count("users")
        .avg("avg_score", "score")
        .sum("total_age", "age");
  }

  @Test
  void build_seriesColumns_followTheMeasuresWithTheirTypes() {
    GoldTable gold =
        daily()
            .fillGaps()
            .rollingCount("days_7d", "users", 7)
            .rollingSum("users_7d", "users", 7)
            .rollingSum("score_7d", "avg_score", 7)
            .rollingAvg("users_7d_avg", "users", 7)
            .change("users_change", "users")
            .changeRatio("users_change_ratio", "users")
            .runningTotal("users_to_date", "users")
            .runningTotal("age_to_date", "total_age")
            .build();

    assertThat(gold.columns())
        .extracting(c -> c.name() + ":" + c.type().displayName())
        .containsExactly(
            "country:string",
            "day:date",
            "users:long",
            "avg_score:double",
            "total_age:long",
            "days_7d:long",
            "users_7d:long",
            "score_7d:double",
            "users_7d_avg:double",
            "users_change:long",
            "users_change_ratio:double",
            "users_to_date:long",
            "age_to_date:long");
    assertThat(gold.isTimeSeries()).isTrue();
    assertThat(gold.gapFill()).contains(GapFill.OBSERVED);
    assertThat(gold.describeSeries())
        .contains(
            "series: fill gaps; days_7d = rolling_count(users, 7), users_7d = rolling_sum(users,"
                + " 7), score_7d = rolling_sum(avg_score, 7), users_7d_avg = rolling_avg(users, 7),"
                + " users_change = change(users), users_change_ratio = change_ratio(users),"
                + " users_to_date = running_total(users), age_to_date = running_total(total_age)");
  }

  @Test
  void build_cohort_groupsByCohortStartAndPeriodsSince() {
    GoldTable gold =
        GoldTable.builder(TableId.of("gold", "cohorts"), USERS)
            .cohort("registration_month", TimeBucket.Unit.MONTH, "registered_at")
            .periodsSince("months_since", "ordered_on")
            .count("orders")
            .cumulativeCount("orders_to_date")
            .fillGaps()
            .build();

    assertThat(gold.columns())
        .extracting(c -> c.name() + ":" + c.type().displayName())
        .containsExactly(
            "registration_month:date", "months_since:int", "orders:long", "orders_to_date:long");
    assertThat(gold.cohort())
        .contains(
            new Cohort(
                "registration_month",
                TimeBucket.Unit.MONTH,
                "registered_at",
                "months_since",
                "ordered_on"));
    assertThat(gold.describeAggregation())
        .isEqualTo(
            "group by registration_month = month(registered_at), months_since = months from"
                + " registration_month to month(ordered_on): orders = count(*), orders_to_date ="
                + " cumulative_count(*)");
  }

  @Test
  void build_plainAggregate_isNoTimeSeries() {
    GoldTable gold = daily().build();

    assertThat(gold.isTimeSeries()).isFalse();
    assertThat(gold.describeSeries()).isEmpty();
    assertThat(gold.seriesColumns()).isEmpty();
  }

  @Test
  void build_badSeries_everyProblemNamedWithWhatIsAllowed() {
    GoldTable.Builder builder =
        GoldTable.builder(TableId.of("gold", "bad"), USERS)
            .groupBy("country")
            .count("users")
            .max("latest", "registered_at")
            .fillGaps()
            .rollingAvg("avg_0", "users", 0)
            .rollingSum("sum_x", "userz", 7)
            .change("latest_change", "latest");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "fillGaps fills the periods of a time bucket or a cohort; declare one of"
                            + " them",
                        "series column 'avg_0' is computed over periods and needs a time bucket or"
                            + " a cohort",
                        "series column 'avg_0' needs a window of at least 1 period, got 0",
                        "series column 'sum_x' is computed over periods and needs a time bucket or"
                            + " a cohort",
                        "series column 'sum_x' reads 'userz', which is not a measure of this"
                            + " table; measures: [users, latest]",
                        "series column 'latest_change' is computed over periods and needs a time"
                            + " bucket or a cohort",
                        "series column 'latest_change' needs a measure of type int, long or"
                            + " double, but 'latest' is timestamp_tz"));
  }

  @Test
  void build_badCohort_everyProblemNamed() {
    GoldTable.Builder both =
        GoldTable.builder(TableId.of("gold", "bad"), USERS)
            .timeBucket("day", TimeBucket.Unit.DAY, "registered_at")
            .cohort("cohort", TimeBucket.Unit.MONTH, "country")
            .periodsSince("since", "ordred_on")
            .fillGaps(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1))
            .count("users");
    GoldTable.Builder cohortAlone =
        GoldTable.builder(TableId.of("gold", "bad"), USERS)
            .cohort("cohort", TimeBucket.Unit.MONTH, "registered_at")
            .count("users");
    GoldTable.Builder periodsAlone =
        GoldTable.builder(TableId.of("gold", "bad"), USERS)
            .periodsSince("since", "ordered_on")
            .count("users");

    assertThatThrownBy(both::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "a gold table groups by a time bucket or a cohort, not both; got time"
                            + " bucket 'day' and cohort 'cohort'",
                        "cohort 'cohort' needs a date or timestamp column, but 'country' is"
                            + " string",
                        "periodsSince 'since' column 'ordred_on' is not a column of silver.users;"
                            + " known columns: [country, age, score, registered_at, ordered_on,"
                            + " quality_score, completeness_score, validity_score,"
                            + " consistency_score, failed_rules, _batch_id, _ingested_at,"
                            + " _source_coordinate, _row_hash]",
                        "fillGaps from 2024-02-01 to 2024-01-01: a cohort is filled from its start"
                            + " to the last period; a declared range applies to a time bucket"
                            + " only, so use fillGaps()",
                        "fillGaps from 2024-02-01 to 2024-01-01: from is after to"));
    assertThatThrownBy(cohortAlone::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "cohort 'cohort' needs periodsSince(name, column): the column whose period is"
                + " counted from the cohort start");
    assertThatThrownBy(periodsAlone::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "periodsSince 'since' counts periods from a cohort start; declare the cohort with"
                + " cohort(...)");
  }

  @Test
  void build_seriesSettingsGivenTwice_everyRepeatNamed() {
    GoldTable.Builder builder =
        daily()
            .fillGaps()
            .fillGaps(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .cohort("a", TimeBucket.Unit.MONTH, "registered_at")
            .cohort("b", TimeBucket.Unit.MONTH, "registered_at")
            .periodsSince("since", "ordered_on")
            .periodsSince("since", "registered_at");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "fillGaps is set twice: fill gaps, then fill gaps from 2024-01-01 to 2024-12-31")
        .hasMessageContaining("cohort is set twice: a = month(registered_at), then b =")
        .hasMessageContaining(
            "periodsSince is set twice: [since, ordered_on], then [since, registered_at]");
  }

  @Test
  void gapFill_oneEndOnly_rejected() {
    assertThatThrownBy(() -> new GapFill(LocalDate.of(2024, 1, 1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "GapFill needs both ends of its range or neither, got from 2024-01-01 and to null");
  }

  @Test
  void toBuilder_timeSeriesUnchanged_buildsAnEqualTable() {
    GoldTable gold =
        daily()
            .fillGaps(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .rollingAvg("users_7d_avg", "users", 7)
            .runningTotal("users_to_date", "users")
            .build();
    GoldTable cohort =
        GoldTable.builder(TableId.of("gold", "cohorts"), USERS)
            .cohort("registration_month", TimeBucket.Unit.MONTH, "registered_at")
            .periodsSince("months_since", "ordered_on")
            .count("orders")
            .build();

    GoldTable copy = gold.toBuilder().build();
    GoldTable withoutSeries = gold.toBuilder().clearSeries().build();

    assertThat(copy).isNotSameAs(gold).isEqualTo(gold).hasSameHashCodeAs(gold);
    assertThat(cohort.toBuilder().build()).isEqualTo(cohort).hasSameHashCodeAs(cohort);
    assertThat(withoutSeries).isNotEqualTo(gold);
    assertThat(withoutSeries.seriesColumns()).isEmpty();
    assertThat(withoutSeries.gapFill()).isEqualTo(gold.gapFill());
  }

  @Test
  void describe_pipeline_showsTheSeriesUnderItsTable() {
    GoldTable gold = daily().fillGaps().rollingAvg("users_7d_avg", "users", 7).build();

    String described = Pipeline.builder("p").tables(RAW, USERS, gold).build().describe();

    assertThat(described)
        .contains(
            "-> gold gold.daily\n"
                + "           group by country, day = day(registered_at): users = count(*),"
                + " avg_score = avg(score), total_age = sum(age)\n"
                + "           series: fill gaps; users_7d_avg = rolling_avg(users, 7)\n");
  }
}
