package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.schema.ColumnType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionalDefinitionsTest {
  private static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "raw")).build();
  private static final SilverTable USERS =
      SilverTable.builder(TableId.of("silver", "users"), RAW)
          .map("user_id", ColumnType.STRING, "id")
          .map("email", ColumnType.STRING, "email")
          .map("city", ColumnType.STRING, "city")
          .map("country", ColumnType.STRING, "country")
          .map("age", ColumnType.INT, "age")
          .map("score", ColumnType.DOUBLE, "score")
          .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
          .build();
  private static final DimensionTable DIM_USER =
      DimensionTable.type2(TableId.of("gold", "dim_user"), USERS, "user_id")
          .tracked("email", "city")
          .attributes("age")
          .build();
  private static final DateDimension DIM_DATE =
      DateDimension.builder(
              TableId.of("gold", "dim_date"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))
          .build();

  @Test
  void type2_build_addsSurrogateKeyAndPeriodColumns() {
    assertThat(DIM_USER.columns())
        .extracting(c -> c.name() + ":" + c.type().displayName())
        .containsExactly(
            "user_key:long",
            "user_id:string",
            "email:string",
            "city:string",
            "age:int",
            "valid_from:timestamp_tz",
            "valid_to:timestamp_tz",
            "is_current:boolean",
            "last_seen_at:timestamp_tz");
    assertThat(DIM_USER.changedAt()).isEqualTo("_ingested_at");
    assertThat(DIM_USER.describeDimension())
        .isEqualTo(
            "type 2 on (user_id), key user_key, tracking [email, city], attributes [age],"
                + " as of _ingested_at");
  }

  @Test
  void type1_build_hasNoPeriodColumns() {
    DimensionTable location =
        DimensionTable.type1(TableId.of("gold", "dim_location"), USERS, "country", "city")
            .surrogateKey("location_id")
            .build();

    assertThat(location.columns())
        .extracting(c -> c.name())
        .containsExactly("location_id", "country", "city");
  }

  @Test
  void build_badDimension_listsEveryProblem() {
    assertThatThrownBy(
            () ->
                DimensionTable.type2(TableId.of("gold", "dim_user"), USERS, "user_id", "nope")
                    .attributes("user_id")
                    .changedAt("score")
                    .description("a")
                    .description("b")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("description is set twice: a, then b; set it once")
        .hasMessageContaining("business key column 'nope' is not a column of silver.users")
        .hasMessageContaining("a type 2 dimension needs at least one tracked column")
        .hasMessageContaining(
            "attribute column 'user_id' is already a key, tracked or attribute column")
        .hasMessageContaining("changed-at column 'score' needs a date or timestamp column");
  }

  @Test
  void type1_withTrackedColumns_isAProblem() {
    assertThatThrownBy(
            () ->
                DimensionTable.type1(TableId.of("gold", "dim_user"), USERS, "user_id")
                    .tracked("email")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tracked columns [email] apply to type 2 dimensions only");
  }

  @Test
  void toBuilder_unchanged_buildsEqualDefinitions() {
    FactTable fact =
        FactTable.builder(TableId.of("gold", "fact"), USERS, "user_id")
            .eventTime("registered_at")
            .dimension(DIM_USER, "user_id")
            .date("registration_date_key", DIM_DATE, "registered_at")
            .measures("score")
            .build();

    assertThat(DIM_USER.toBuilder().build()).isEqualTo(DIM_USER).hasSameHashCodeAs(DIM_USER);
    assertThat(DIM_DATE.toBuilder().build()).isEqualTo(DIM_DATE);
    assertThat(fact.toBuilder().build()).isEqualTo(fact).hasSameHashCodeAs(fact);
  }

  @Test
  void dateDimension_keys_areYyyymmddInsideTheRangeOnly() {
    assertThat(DateDimension.keyOf(LocalDate.of(2024, 2, 29))).isEqualTo(20240229);
    assertThat(DIM_DATE.keyWithin(LocalDate.of(2020, 6, 1))).isEqualTo(20200601);
    assertThat(DIM_DATE.keyWithin(LocalDate.of(2021, 1, 1))).isEqualTo(-1);
    assertThat(DIM_DATE.keyWithin(null)).isEqualTo(-1);
    assertThat(DIM_DATE.describeRange())
        .isEqualTo("days 2020-01-01 to 2020-12-31 (366 rows + unknown)");
  }

  @Test
  void dateDimension_backwardsOrHugeRange_isAProblem() {
    TableId id = TableId.of("gold", "dim_date");
    assertThatThrownBy(
            () ->
                DateDimension.builder(id, LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("the range ends on 2020-01-01, before it starts on 2020-01-02");
    assertThatThrownBy(
            () ->
                DateDimension.builder(id, LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("spans 3651695 days; at most 100000");
  }

  @Test
  void fact_build_resolvesKeysToLongAndDateKeysToInt() {
    FactTable fact =
        FactTable.builder(TableId.of("gold", "fact_registration"), USERS, "user_id")
            .eventTime("registered_at")
            .dimension(DIM_USER, "user_id")
            .date("registration_date_key", DIM_DATE, "registered_at")
            .attributes("country")
            .measures("score")
            .build();

    assertThat(fact.columns())
        .extracting(c -> c.name() + ":" + c.type().displayName())
        .containsExactly(
            "user_id:string",
            "registered_at:timestamp_tz",
            "user_key:long",
            "registration_date_key:int",
            "country:string",
            "score:double");
    assertThat(fact.reads()).containsExactly(USERS, DIM_USER, DIM_DATE);
  }

  @Test
  void fact_badKeysAndMeasures_listEveryProblem() {
    DimensionTable byLocation =
        DimensionTable.type1(TableId.of("gold", "dim_location"), USERS, "country", "city").build();
    assertThatThrownBy(
            () ->
                FactTable.builder(TableId.of("gold", "fact"), USERS)
                    .dimension(DIM_USER, "age")
                    .dimension(byLocation, "country")
                    .date("day_key", DIM_DATE, "email")
                    .measures("email", "missing")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a fact table needs a grain")
        .hasMessageContaining(
            "dimension key 'user_key': 'age' is int but gold.dim_user's business key 'user_id'"
                + " is string")
        .hasMessageContaining(
            "gold.dim_user is type 2, so facts need eventTime(column) to pick the version")
        .hasMessageContaining(
            "dimension key 'location_key' gives 1 foreign key columns [country] for the 2"
                + " business key columns [country, city] of gold.dim_location")
        .hasMessageContaining(
            "date key 'day_key' needs a date or timestamp column, but 'email' is string")
        .hasMessageContaining("measure column 'email' needs a numeric column, but it is string")
        .hasMessageContaining("measure column 'missing' is not a column of silver.users");
  }

  @Test
  void pipeline_factListedFirst_runsAfterItsDimensionsAndDescribesThem() {
    FactTable fact =
        FactTable.builder(TableId.of("gold", "fact_registration"), USERS, "user_id")
            .eventTime("registered_at")
            .dimension(DIM_USER, "user_id")
            .date("registration_date_key", DIM_DATE, "registered_at")
            .build();

    Pipeline pipeline = Pipeline.builder("p").tables(fact, RAW, USERS, DIM_DATE, DIM_USER).build();

    List<TableDefinition> order = pipeline.tables();
    assertThat(order.indexOf(fact)).isGreaterThan(order.indexOf(DIM_USER));
    assertThat(order.indexOf(fact)).isGreaterThan(order.indexOf(DIM_DATE));
    assertThat(pipeline.describe())
        .contains("gold gold.dim_date\n       days 2020-01-01 to 2020-12-31 (366 rows + unknown)")
        .contains("-> gold gold.dim_user\n")
        .contains("type 2 on (user_id), key user_key")
        .contains("one row per (user_id) as of registered_at")
        .contains("key user_key -> gold.dim_user on (user_id)")
        .contains("key registration_date_key -> gold.dim_date on day(registered_at)");
  }

  @Test
  void pipeline_factWithoutItsDimension_isAProblem() {
    FactTable fact =
        FactTable.builder(TableId.of("gold", "fact"), USERS, "user_id")
            .eventTime("registered_at")
            .dimension(DIM_USER, "user_id")
            .build();

    assertThatThrownBy(() -> Pipeline.builder("p").tables(RAW, USERS, fact).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "gold table gold.fact reads gold.dim_user, which is not in the pipeline; add it");
  }
}
