package io.medallion.samples;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.DerivedValue;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.quality.Threshold;
import io.medallion.samples.randomuser.RandomUserRequest;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import io.medallion.table.BronzeTable;
import io.medallion.table.DateDimension;
import io.medallion.table.Derivation;
import io.medallion.table.DimensionTable;
import io.medallion.table.EpochUnit;
import io.medallion.table.FactTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import io.medallion.table.TableDefinition;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RandomUser user-demographics pipeline: raw API records in bronze, one typed, standardized and
 * scored row per user in silver, and in gold demographics plus a dimensional model (users with
 * history, places, a calendar and registrations as facts). It reads every API version from 1.0 to
 * 1.4, whose shapes differ (see the {@code mapFirst} calls).
 */
public final class RandomUserPipeline {
  /** The 21 nationalities the API serves. */
  public static final Set<String> NATIONALITIES = RandomUserRequest.NATIONALITIES;

  /** The country the API names for each nationality. */
  static final Map<String, String> COUNTRIES =
      Map.ofEntries(
          Map.entry("AU", "Australia"),
          Map.entry("BR", "Brazil"),
          Map.entry("CA", "Canada"),
          Map.entry("CH", "Switzerland"),
          Map.entry("DE", "Germany"),
          Map.entry("DK", "Denmark"),
          Map.entry("ES", "Spain"),
          Map.entry("FI", "Finland"),
          Map.entry("FR", "France"),
          Map.entry("GB", "United Kingdom"),
          Map.entry("IE", "Ireland"),
          Map.entry("IN", "India"),
          Map.entry("IR", "Iran"),
          Map.entry("MX", "Mexico"),
          Map.entry("NL", "Netherlands"),
          Map.entry("NO", "Norway"),
          Map.entry("NZ", "New Zealand"),
          Map.entry("RS", "Serbia"),
          Map.entry("TR", "Turkey"),
          Map.entry("UA", "Ukraine"),
          Map.entry("US", "United States"));

  /** Where silver's key comes from, in order of preference; {@code key_source} names which. */
  static final List<String> KEY_CANDIDATES =
      List.of("login_uuid", "national_key", "email_birth_uuid");

  /** Raw API records. */
  public static final BronzeTable RAW =
      randomUserRecords(BronzeTable.builder(TableId.of("bronze", "randomuser_raw")))
          .description("RandomUser API records exactly as received, one row per user record")
          .build();

  /** One row per user. */
  public static final SilverTable USERS = users(RAW);

  /** Users by country and generation. */
  public static final GoldTable BY_COUNTRY_GENERATION = byCountryGeneration(USERS);

  /** Registrations per month with a running total. */
  public static final GoldTable MONTHLY_REGISTRATIONS = monthlyRegistrations(USERS);

  /** Data quality per nationality. */
  public static final GoldTable QUALITY_BY_NATIONALITY = qualityByNationality(USERS);

  /** Users with history: a new version whenever email, phone, city or country changes. */
  public static final DimensionTable DIM_USER = dimUser(USERS);

  /** The places users live in. */
  public static final DimensionTable DIM_LOCATION = dimLocation(USERS);

  /** A calendar covering every registration the API hands out. */
  public static final DateDimension DIM_DATE = dimDate();

  /** One fact per registration, with the user as they were when registering. */
  public static final FactTable FACT_REGISTRATION =
      factRegistration(USERS, DIM_USER, DIM_LOCATION, DIM_DATE);

  /** Registrations per day, every day present, with moving averages and a running total. */
  public static final GoldTable REGISTRATIONS_DAILY = registrationsDaily(USERS);

  /** Users by registration month and the months from registration to loading. */
  public static final GoldTable COHORT_BY_REGISTRATION_MONTH = cohortByRegistrationMonth(USERS);

  /** The whole pipeline. */
  public static final Pipeline PIPELINE =
      Pipeline.builder("randomuser")
          .tables(
              RAW,
              USERS,
              BY_COUNTRY_GENERATION,
              MONTHLY_REGISTRATIONS,
              QUALITY_BY_NATIONALITY,
              REGISTRATIONS_DAILY,
              COHORT_BY_REGISTRATION_MONTH)
          .tables(DIM_USER, DIM_LOCATION, DIM_DATE, FACT_REGISTRATION)
          .build();

  private RandomUserPipeline() {}

  /**
   * Builds this pipeline's silver and gold tables over another bronze table of RandomUser records,
   * such as one fed by Kafka; the batch pipeline's tables stay as they are.
   *
   * <pre>{@code
   * Pipeline stream = RandomUserPipeline.over("randomuser_stream", kafkaRaw);
   * }</pre>
   *
   * @param name the pipeline's name
   * @param raw the bronze table, set up with {@link #randomUserRecords}
   * @return the pipeline: {@code raw}, silver.users and the five gold tables
   */
  public static Pipeline over(String name, BronzeTable raw) {
    SilverTable users = users(raw);
    return Pipeline.builder(name)
        .tables(
            raw,
            users,
            byCountryGeneration(users),
            monthlyRegistrations(users),
            qualityByNationality(users),
            registrationsDaily(users),
            cohortByRegistrationMonth(users))
        .tables(dimensionalModel(users))
        .build();
  }

  /**
   * Sets up a bronze table for RandomUser records: the API's envelope ({@code {"results": [...]}};
   * a lone user object is one record too) and the login secrets, which never reach silver.
   *
   * <pre>{@code
   * BronzeTable raw = RandomUserPipeline.randomUserRecords(BronzeTable.builder(id)).build();
   * }</pre>
   *
   * @param raw the bronze table's builder
   * @return the same builder
   */
  public static BronzeTable.Builder randomUserRecords(BronzeTable.Builder raw) {
    return raw.recordsAt("results")
        .secretPaths("login.password", "login.salt", "login.md5", "login.sha1", "login.sha256");
  }

  private static SilverTable users(BronzeTable raw) {
    return SilverTable.builder(TableId.of("silver", "users"), raw)
        .description("RandomUser users: typed, standardized, scored, one row per user")
        // Masked by consumers such as the Snowflake layer for readers without access to them.
        .personal(
            "username",
            "first_name",
            "last_name",
            "email",
            "phone",
            "cell",
            "street_number",
            "street_name",
            "postcode",
            "latitude",
            "longitude",
            "national_id")
        .map("login_uuid", ColumnType.STRING, "login.uuid", Standardizer.TRIM)
        .map("username", ColumnType.STRING, "login.username", Standardizer.TRIM)
        .map("gender", ColumnType.STRING, "gender", Standardizer.TRIM, Standardizer.LOWER_CASE)
        .map("title", ColumnType.STRING, "name.title", Standardizer.TRIM, Standardizer.TITLE_CASE)
        .map(
            "first_name",
            ColumnType.STRING,
            "name.first",
            Standardizer.TRIM,
            Standardizer.TITLE_CASE)
        .map(
            "last_name", ColumnType.STRING, "name.last", Standardizer.TRIM, Standardizer.TITLE_CASE)
        .map("nationality", ColumnType.STRING, "nat", Standardizer.TRIM, Standardizer.UPPER_CASE)
        .map("email", ColumnType.STRING, "email", Standardizer.EMAIL, Standardizer.NULL_IF_BLANK)
        .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nationality"))
        .map("cell", ColumnType.STRING, "cell", Standardizer.phoneE164("nationality"))
        // 1.3+ splits the street into number and name; older versions send one string.
        .map("street_number", ColumnType.LONG, "location.street.number")
        .mapFirst(
            "street_name",
            ColumnType.STRING,
            List.of("location.street.name", "location.street"),
            Standardizer.TRIM)
        .map("city", ColumnType.STRING, "location.city", Standardizer.TRIM)
        .map("state", ColumnType.STRING, "location.state", Standardizer.TRIM)
        // Before 1.3 there is no country: it is derived from the nationality below.
        .map("reported_country", ColumnType.STRING, "location.country", Standardizer.TRIM)
        // A number for most nationalities, a string for GB, CA, NL and others.
        .map("postcode", ColumnType.STRING, "location.postcode", Standardizer.TRIM)
        .map("latitude", ColumnType.DOUBLE, "location.coordinates.latitude")
        .map("longitude", ColumnType.DOUBLE, "location.coordinates.longitude")
        .map("timezone_offset", ColumnType.STRING, "location.timezone.offset")
        // 1.2+ sends {"date": ..., "age": ...}; 1.1 a "yyyy-MM-dd HH:mm:ss" text; 1.0 epoch
        // seconds, declared as such (without it a number there is a type problem).
        .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
        .epochUnit("born_at", EpochUnit.SECONDS)
        .map("reported_age", ColumnType.INT, "dob.age")
        .mapFirst(
            "registered_at", ColumnType.TIMESTAMP_TZ, List.of("registered.date", "registered"))
        .epochUnit("registered_at", EpochUnit.SECONDS)
        .map("national_id_type", ColumnType.STRING, "id.name", Standardizer.NULL_IF_BLANK)
        .map("national_id", ColumnType.STRING, "id.value", Standardizer.NULL_IF_BLANK)
        // The key: login.uuid, else the national id, else a name-based UUID of email and birth
        // (responses requested with exc=login, or an inc= list without it, have no login).
        .derive(
            "national_key",
            ColumnType.STRING,
            Derivation.joined(":", "national_id_type", "national_id"))
        .derive("email_birth_uuid", ColumnType.STRING, Derivation.nameUuid("email", "born_at"))
        .derive("user_id", ColumnType.STRING, Derivation.firstPresent(KEY_CANDIDATES))
        .derive("key_source", ColumnType.STRING, Derivation.firstPresentColumn(KEY_CANDIDATES))
        .derive(
            "age",
            ColumnType.INT,
            Derivation.coalesce("reported_age", Derivation.yearsSince("born_at")))
        .derive(
            "country",
            ColumnType.STRING,
            Derivation.coalesce(
                "reported_country",
                Derivation.custom(
                    "country_of_nationality",
                    List.of("nationality"),
                    row -> COUNTRIES.get(String.valueOf(row.get("nationality"))))))
        .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
        .derive("tenure", ColumnType.STRING, Derivation.tenure("registered_at"))
        .derive("email_domain", ColumnType.STRING, Derivation.emailDomain("email"))
        .derive(
            "completeness",
            ColumnType.DOUBLE,
            Derivation.completeness(
                List.of(
                    "user_id",
                    "gender",
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "nationality",
                    "city",
                    "born_at",
                    "registered_at")))
        .doc(
            "user_id",
            "login.uuid, else id.name:id.value when both are present, else a name-based UUID"
                + " of the normalized email and birth instant; the same record gets the same key"
                + " on every run")
        .doc("key_source", "Which column user_id came from: " + String.join(", ", KEY_CANDIDATES))
        .doc("national_key", "id.name:id.value when both are present")
        .doc("email_birth_uuid", "Name-based UUID of the lower-cased email and the birth instant")
        .doc("phone", "E.164 when valid for the nationality's region, else the raw text")
        .doc("completeness", "Share of the 10 required fields present")
        // Completeness: each required field, weighted by how much the use case needs it.
        .rules(
            Rule.notNull("user_id").critical(),
            Rule.notNull("email").weight(2),
            Rule.notNull("phone"),
            Rule.notNull("first_name"),
            Rule.notNull("last_name"),
            Rule.notNull("born_at"),
            Rule.notNull("registered_at"))
        // Validity: formats, ranges, allowed values, real email and phone checks.
        .rules(
            Rule.validEmail("email").weight(2),
            Rule.validPhone("phone", "nationality"),
            Rule.validPhone("cell", "nationality").weight(0.5),
            Rule.allowedValues("gender", Set.of("male", "female")),
            Rule.allowedValues("nationality", NATIONALITIES),
            Rule.range("age", 0, 120),
            Rule.range("latitude", -90, 90),
            Rule.range("longitude", -180, 180),
            Rule.length("first_name", 1, 60),
            Rule.notInFuture("registered_at"))
        // Consistency: fields that must agree with each other.
        .rules(
            // A stated age may lag the years since birth by up to 10 (the age when recorded).
            Rule.matchesDerived(
                "reported_age", DerivedValue.YEARS_SINCE, List.of("born_at"), -10, 0),
            Rule.afterBirth("registered_at", "born_at", 13),
            Rule.inLookup(
                "reported_country", "nationality", RandomUserPlaces.COUNTRY_OF_NATIONALITY),
            Rule.inLookup("postcode", "nationality", RandomUserPlaces.POSTCODE_FORMAT).weight(0.5))
        .datasetRules(
            DatasetRule.rowCount(1, 50_000_000),
            DatasetRule.unique("user_id"),
            DatasetRule.passRate("email_valid", Threshold.historicalMean(10, -0.05)),
            DatasetRule.anomaly("score_avg", 20, 3.5))
        .ruleFlag("email_valid", "email_valid")
        .ruleFlag("phone_valid", "phone_valid")
        .policy(QualityPolicy.minScore(0.9).below(PolicyAction.QUARANTINE))
        .deduplicateOn("user_id")
        .keepLatestBy("registered_at")
        .build();
  }

  private static GoldTable byCountryGeneration(SilverTable users) {
    return GoldTable.builder(TableId.of("gold", "users_by_country_generation"), users)
        .description("User count, average age and quality by country and generation")
        .groupBy("country", "generation")
        .count("users")
        .avg("avg_age", "age")
        .avg("avg_quality_score", "quality_score")
        .build();
  }

  private static GoldTable monthlyRegistrations(SilverTable users) {
    return GoldTable.builder(TableId.of("gold", "monthly_registrations"), users)
        .description("Registrations per month and the cumulative count")
        .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
        .count("registrations")
        .cumulativeCount("registrations_to_date")
        .partitionBy(PartitionField.year("month"))
        .build();
  }

  private static List<TableDefinition> dimensionalModel(SilverTable users) {
    DimensionTable user = dimUser(users);
    DimensionTable location = dimLocation(users);
    DateDimension date = dimDate();
    return List.of(user, location, date, factRegistration(users, user, location, date));
  }

  private static DimensionTable dimUser(SilverTable users) {
    return DimensionTable.type2(TableId.of("gold", "dim_user"), users, "user_id")
        .description("Users, one version per change of email, phone, city or country")
        .tracked("email", "phone", "city", "country")
        .attributes("first_name", "last_name", "gender", "nationality", "born_at")
        .build();
  }

  private static DimensionTable dimLocation(SilverTable users) {
    return DimensionTable.type1(
            TableId.of("gold", "dim_location"), users, "country", "state", "city")
        .description("Places users live in, by country, state and city")
        .build();
  }

  private static DateDimension dimDate() {
    return DateDimension.builder(
            TableId.of("gold", "dim_date"), LocalDate.of(2000, 1, 1), LocalDate.of(2035, 12, 31))
        .description("Calendar days 2000 to 2035")
        .build();
  }

  private static FactTable factRegistration(
      SilverTable users, DimensionTable user, DimensionTable location, DateDimension date) {
    return FactTable.builder(TableId.of("gold", "fact_registration"), users, "user_id")
        .description("One row per registration: the user's version, place and day, and scores")
        .eventTime("registered_at")
        .dimension(user, "user_id")
        .dimension(location, "country", "state", "city")
        .date("registration_date_key", date, "registered_at")
        .attributes("tenure", "generation")
        .measures("quality_score")
        .build();
  }

  private static GoldTable registrationsDaily(SilverTable users) {
    return GoldTable.builder(TableId.of("gold", "registrations_daily"), users)
        .description(
            "Registrations per day (0 on days without any), 7- and 30-day moving averages and the"
                + " running total")
        .timeBucket("day", TimeBucket.Unit.DAY, "registered_at")
        .count("registrations")
        .fillGaps()
        .rollingAvg("registrations_7d_avg", "registrations", 7)
        .rollingAvg("registrations_30d_avg", "registrations", 30)
        .runningTotal("registrations_to_date", "registrations")
        .partitionBy(PartitionField.year("day"))
        .build();
  }

  private static GoldTable cohortByRegistrationMonth(SilverTable users) {
    return GoldTable.builder(TableId.of("gold", "cohort_by_registration_month"), users)
        .description(
            "Users by registration month and the months from registration to loading, with their"
                + " average quality")
        .cohort("registration_month", TimeBucket.Unit.MONTH, "registered_at")
        .periodsSince("months_since", SilverTable.LINEAGE_INGESTED_AT)
        .count("users")
        .avg("avg_quality_score", "quality_score")
        .runningTotal("users_to_date", "users")
        .build();
  }

  private static GoldTable qualityByNationality(SilverTable users) {
    return GoldTable.builder(TableId.of("gold", "quality_by_nationality"), users)
        .description("Quality score and email-domain spread per nationality")
        .groupBy("nationality")
        .count("users")
        .avg("avg_quality_score", "quality_score")
        .min("min_quality_score", "quality_score")
        .avg("avg_completeness", "completeness")
        .countDistinct("email_domains", "email_domain")
        .build();
  }
}
