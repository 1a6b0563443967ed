package io.medallion.samples.bench;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.kafka.KafkaColumns;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.RowView;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.Derivation;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import io.medallion.table.TimeBucket;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The benchmark's job, defined with the public API as a user would: bronze with every raw record, a
 * silver table of about 25 typed columns with a simple quality score, de-duplicated on the user id
 * keeping the latest registration, and two gold tables.
 */
final class BenchJob {
  /** Email syntax the job counts as valid (the floor and DuckDB use the same expression). */
  static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}";

  /** A phone in E.164 form, which the standardizer produces for valid numbers only. */
  static final String E164 = "\\+[1-9][0-9]{6,14}";

  /** The ten fields whose presence makes up completeness. */
  static final List<String> REQUIRED =
      List.of(
          "user_id",
          "first_name",
          "last_name",
          "gender",
          "born_at",
          "email",
          "phone",
          "country",
          "city",
          "registered_at");

  /** The file job's bronze table. */
  static final BronzeTable RAW = raw(BronzeTable.builder(TableId.of("bronze", "bench_raw")));

  /** The Kafka job's bronze table: the same settings, with the Kafka source columns. */
  static final BronzeTable KAFKA_RAW =
      raw(KafkaColumns.bronzeTable(TableId.of("bronze", "bench_kafka_raw")));

  /** Bronze and silver of the file job. */
  static final Pipeline SILVER_ONLY = silverOnly(RAW);

  /** The whole file job. */
  static final Pipeline PIPELINE = pipeline(RAW);

  private BenchJob() {}

  private static BronzeTable raw(BronzeTable.Builder builder) {
    return builder
        .secretPaths("login.password", "login.salt", "login.md5", "login.sha1", "login.sha256")
        .build();
  }

  /** Bronze and silver over a bronze table. */
  static Pipeline silverOnly(BronzeTable raw) {
    return Pipeline.builder("bench-silver").tables(raw, users(raw)).build();
  }

  /** The whole job over a bronze table: silver and the two gold tables. */
  static Pipeline pipeline(BronzeTable raw) {
    SilverTable users = users(raw);
    GoldTable byCountryGeneration =
        GoldTable.builder(TableId.of("gold", "bench_by_country_generation"), users)
            .groupBy("country", "generation")
            .count("users")
            .avg("avg_age", "age")
            .avg("avg_score", "score")
            .build();
    GoldTable monthly =
        GoldTable.builder(TableId.of("gold", "bench_monthly_registrations"), users)
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .count("registrations")
            .cumulativeCount("registrations_to_date")
            .build();
    return Pipeline.builder("bench").tables(raw, users, byCountryGeneration, monthly).build();
  }

  private static SilverTable users(BronzeTable raw) {
    return SilverTable.builder(TableId.of("silver", "bench_users"), raw)
        .map("user_id", ColumnType.STRING, "login.uuid")
        .map("first_name", ColumnType.STRING, "name.first", Standardizer.TRIM)
        .map("last_name", ColumnType.STRING, "name.last", Standardizer.TRIM)
        .map("gender", ColumnType.STRING, "gender")
        .map("age", ColumnType.INT, "dob.age")
        .map("born_at", ColumnType.TIMESTAMP_TZ, "dob.date")
        .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
        .map("nationality", ColumnType.STRING, "nat")
        .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nationality"))
        .map("country", ColumnType.STRING, "location.country")
        .map("state", ColumnType.STRING, "location.state")
        .map("city", ColumnType.STRING, "location.city")
        .map("postcode", ColumnType.STRING, "location.postcode")
        .map("latitude", ColumnType.DOUBLE, "location.coordinates.latitude")
        .map("longitude", ColumnType.DOUBLE, "location.coordinates.longitude")
        .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered.date")
        .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
        .derive("tenure", ColumnType.STRING, Derivation.tenure("registered_at"))
        .derive("email_valid", ColumnType.BOOLEAN, Derivation.matches("email", EMAIL))
        .derive("phone_valid", ColumnType.BOOLEAN, Derivation.matches("phone", E164))
        .derive("completeness", ColumnType.DOUBLE, Derivation.completeness(REQUIRED))
        .derive(
            "score",
            ColumnType.DOUBLE,
            Derivation.custom(
                "bench_score",
                List.of("completeness", "email_valid", "phone_valid"),
                BenchJob::score))
        .policy(QualityPolicy.minScore(0.0))
        .deduplicateOn("user_id")
        .keepLatestBy("registered_at")
        .build();
  }

  /** 0.5 completeness + 0.3 valid email + 0.2 valid phone. */
  static Object score(RowView row) {
    double completeness = row.get("completeness") instanceof Double c ? c : 0.0;
    double email = Boolean.TRUE.equals(row.get("email_valid")) ? 1 : 0;
    double phone = Boolean.TRUE.equals(row.get("phone_valid")) ? 1 : 0;
    return 0.5 * completeness + 0.3 * email + 0.2 * phone;
  }

  /** The generation of a birth year, as the engine derives it. */
  static String generation(OffsetDateTime born) {
    int year = born.getYear();
    if (year < 1946) {
      return "Silent";
    } else if (year <= 1964) {
      return "Boomer";
    } else if (year <= 1980) {
      return "GenX";
    } else if (year <= 1996) {
      return "Millennial";
    } else if (year <= 2012) {
      return "GenZ";
    }
    return "Alpha";
  }
}
