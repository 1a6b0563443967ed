package io.medallion.core;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.Derivation;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import io.medallion.table.TimeBucket;
import java.util.List;
import java.util.Set;

/** A small people pipeline exercising every engine feature, for the core tests. */
final class TestPipelines {
  static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "people_raw"))
          .recordsAt("results")
          .secretPaths("login.password")
          .maxRecordBytes(64 * 1024)
          .build();

  static final SilverTable PEOPLE =
      SilverTable.builder(TableId.of("silver", "people"), RAW)
          .map("id", ColumnType.STRING, "id")
          .map("name", ColumnType.STRING, "name", Standardizer.TRIM, Standardizer.TITLE_CASE)
          .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
          .map("country", ColumnType.STRING, "country", Standardizer.UPPER_CASE)
          .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("country"))
          .map("age", ColumnType.INT, "age")
          .map("postcode", ColumnType.STRING, "postcode")
          .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
          .map("updated_at", ColumnType.TIMESTAMP_TZ, "updated")
          .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
          .rules(
              Rule.notNull("id").critical(),
              Rule.matches("email", "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}"),
              Rule.matches("phone", "\\+[1-9][0-9]{6,14}").named("phone_e164"),
              Rule.range("age", 0, 120),
              Rule.allowedValues("country", Set.of("CH", "DE", "US", "GB")))
          .policy(QualityPolicy.minScore(0.5))
          .deduplicateOn("id")
          .keepLatestBy("updated_at")
          .build();

  static final GoldTable BY_COUNTRY =
      GoldTable.builder(TableId.of("gold", "people_by_country"), PEOPLE)
          .groupBy("country")
          .count("people")
          .avg("avg_age", "age")
          .sum("total_age", "age")
          .min("min_age", "age")
          .max("max_age", "age")
          .countDistinct("generations", "generation")
          .build();

  static final GoldTable BY_YEAR =
      GoldTable.builder(TableId.of("gold", "people_by_birth_year"), PEOPLE)
          .timeBucket("year", TimeBucket.Unit.YEAR, "born_at")
          .count("people")
          .cumulativeCount("people_to_date")
          .build();

  static final Pipeline PIPELINE =
      Pipeline.builder("people").tables(RAW, PEOPLE, BY_COUNTRY, BY_YEAR).build();

  private TestPipelines() {}
}
