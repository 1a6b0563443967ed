package io.medallion.snowflake;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import io.medallion.table.TimeBucket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * A small people pipeline with every gold measure, bucket and series kind, a dimensional model,
 * every rule kind SQL states, and PII.
 */
final class People {
  static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "people_raw")).build();

  static final SilverTable PEOPLE =
      SilverTable.builder(TableId.of("silver", "people"), RAW)
          .description("People, typed and checked")
          .map("id", ColumnType.STRING, "id")
          .map("name", ColumnType.STRING, "name", Standardizer.TRIM)
          .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
          .map("country", ColumnType.STRING, "country", Standardizer.UPPER_CASE)
          .map("age", ColumnType.INT, "age")
          .map("score", ColumnType.DOUBLE, "score")
          .map("latitude", ColumnType.DOUBLE, "latitude")
          .map("born_at", ColumnType.TIMESTAMP_TZ, "born_at")
          .personal("name", "email", "latitude")
          .rules(
              Rule.notNull("id").critical(),
              Rule.validEmail("email"),
              Rule.range("age", 0, 120),
              Rule.allowedValues("country", Set.of("CH", "DE", "US")),
              Rule.length("name", 1, 80),
              Rule.notInFuture("born_at"))
          .datasetRules(
              DatasetRule.rowCount(1, 1_000_000),
              DatasetRule.unique("id"),
              DatasetRule.freshness("born_at", Duration.ofDays(36_500)))
          .policy(QualityPolicy.minScore(0.0))
          .build();

  static final GoldTable BY_COUNTRY =
      GoldTable.builder(TableId.of("gold", "people_by_country"), PEOPLE)
          .description("People per country")
          .groupBy("country")
          .count("people")
          .countDistinct("names", "name")
          .sum("total_age", "age")
          .sum("total_score", "score")
          .avg("avg_age", "age")
          .min("youngest", "age")
          .max("oldest", "age")
          .build();

  static final GoldTable BY_YEAR =
      GoldTable.builder(TableId.of("gold", "people_by_birth_year"), PEOPLE)
          .timeBucket("year", TimeBucket.Unit.YEAR, "born_at")
          .count("people")
          .cumulativeCount("people_to_date")
          .build();

  static final GoldTable MONTHLY_BY_COUNTRY =
      GoldTable.builder(TableId.of("gold", "monthly_births_by_country"), PEOPLE)
          .groupBy("country")
          .timeBucket("month", TimeBucket.Unit.MONTH, "born_at")
          .count("births")
          .cumulativeCount("births_to_date")
          .avg("avg_score", "score")
          .build();

  static final GoldTable DAILY =
      GoldTable.builder(TableId.of("gold", "daily_births"), PEOPLE)
          .timeBucket("day", TimeBucket.Unit.DAY, "born_at")
          .count("births")
          .min("first_birth", "born_at")
          .max("last_birth", "born_at")
          .build();

  /** Days without gap filling: windows count calendar days, so absent days shorten them. */
  static final GoldTable DAILY_SERIES =
      GoldTable.builder(TableId.of("gold", "daily_birth_series"), PEOPLE)
          .timeBucket("day", TimeBucket.Unit.DAY, "born_at")
          .count("births")
          .avg("avg_age", "age")
          .rollingCount("days_30d", "births", 30)
          .rollingSum("births_30d", "births", 30)
          .rollingAvg("avg_age_7d", "avg_age", 7)
          .change("births_change", "births")
          .changeRatio("births_change_ratio", "births")
          .runningTotal("births_to_date", "births")
          .build();

  /** Months per country, filled over a declared range wider than the data at both ends. */
  static final GoldTable MONTHLY_SERIES =
      GoldTable.builder(TableId.of("gold", "monthly_series_by_country"), PEOPLE)
          .groupBy("country")
          .timeBucket("month", TimeBucket.Unit.MONTH, "born_at")
          .count("births")
          .sum("total_age", "age")
          .avg("avg_score", "score")
          .min("youngest", "age")
          .cumulativeCount("births_to_date")
          .fillGaps(LocalDate.of(1940, 1, 15), LocalDate.of(2015, 6, 30))
          .rollingSum("total_age_3m", "total_age", 3)
          .rollingAvg("avg_score_12m", "avg_score", 12)
          .change("youngest_change", "youngest")
          .changeRatio("avg_score_change_ratio", "avg_score")
          .runningTotal("score_running", "avg_score")
          .build();

  /** Birth-year cohorts counted up to the year silver learnt of them: the cohort triangle. */
  static final GoldTable COHORTS =
      GoldTable.builder(TableId.of("gold", "birth_year_cohorts"), PEOPLE)
          .cohort("birth_year", TimeBucket.Unit.YEAR, "born_at")
          .periodsSince("years_since", "_ingested_at")
          .count("people")
          .avg("avg_age", "age")
          .fillGaps()
          .runningTotal("people_to_date", "people")
          .rollingAvg("avg_age_5y", "avg_age", 5)
          .build();

  /** People's contact history: a new version whenever email or country changes. */
  static final DimensionTable DIM_PERSON =
      DimensionTable.type2(TableId.of("gold", "dim_person"), PEOPLE, "id")
          .description("People, one version per change of email or country")
          .tracked("email", "country")
          .attributes("name", "born_at")
          .build();

  static final DateDimension DIM_DATE =
      DateDimension.builder(
              TableId.of("gold", "dim_date"), LocalDate.of(1950, 1, 1), LocalDate.of(2010, 12, 31))
          .build();

  /**
   * One fact per person: their version when silver learnt of them, their birth day, their score.
   */
  static final FactTable FACT_PERSON =
      FactTable.builder(TableId.of("gold", "fact_person"), PEOPLE, "id")
          .eventTime("_ingested_at")
          .dimension(DIM_PERSON, "id")
          .date("birth_date_key", DIM_DATE, "born_at")
          .attributes("age")
          .measures("score")
          .build();

  static final Pipeline PIPELINE =
      Pipeline.builder("people")
          .tables(
              RAW,
              PEOPLE,
              BY_COUNTRY,
              BY_YEAR,
              MONTHLY_BY_COUNTRY,
              DAILY,
              DAILY_SERIES,
              MONTHLY_SERIES,
              COHORTS,
              DIM_PERSON,
              DIM_DATE,
              FACT_PERSON)
          .build();

  private People() {}
}
