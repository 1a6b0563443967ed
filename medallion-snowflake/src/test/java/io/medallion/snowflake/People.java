package io.medallion.snowflake;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import io.medallion.table.TimeBucket;
import java.time.Duration;
import java.util.Set;

/** A small people pipeline with every gold measure and bucket, every rule kind SQL states, PII. */
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

  static final Pipeline PIPELINE =
      Pipeline.builder("people")
          .tables(RAW, PEOPLE, BY_COUNTRY, BY_YEAR, MONTHLY_BY_COUNTRY, DAILY)
          .build();

  private People() {}
}
