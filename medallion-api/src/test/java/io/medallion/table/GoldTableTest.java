package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import org.junit.jupiter.api.Test;

class GoldTableTest {
  private static final SilverTable USERS =
      SilverTable.builder(
              TableId.of("silver", "users"),
              BronzeTable.builder(TableId.of("bronze", "raw")).build())
          .map("country", ColumnType.STRING, "country")
          .map("age", ColumnType.INT, "age")
          .map("score", ColumnType.DOUBLE, "score")
          .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
          .build();

  @Test
  void build_measures_haveTheirOutputTypes() {
    GoldTable gold =
        GoldTable.builder(TableId.of("gold", "monthly"), USERS)
            .groupBy("country")
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .count("users")
            .sum("total_age", "age")
            .sum("total_score", "score")
            .avg("avg_age", "age")
            .min("youngest", "age")
            .countDistinct("ages", "age")
            .cumulativeCount("users_to_date")
            .build();

    assertThat(gold.columns())
        .extracting(c -> c.name() + ":" + c.type().displayName())
        .containsExactly(
            "country:string",
            "month:date",
            "users:long",
            "total_age:long",
            "total_score:double",
            "avg_age:double",
            "youngest:int",
            "ages:long",
            "users_to_date:long");
    assertThat(gold.describeAggregation())
        .startsWith("group by country, month = month(registered_at): users = count(*)");
  }

  @Test
  void toBuilder_unchanged_buildsAnIdenticalTable() {
    GoldTable gold =
        GoldTable.builder(TableId.of("gold", "monthly"), USERS)
            .description("users per country and month")
            .groupBy("country")
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .count("users")
            .build();

    GoldTable copy = gold.toBuilder().build();
    GoldTable renamed = gold.toBuilder().description("monthly users").build();

    assertThat(copy).isNotSameAs(gold).isEqualTo(gold).hasSameHashCodeAs(gold);
    assertThat(renamed).isNotEqualTo(gold);
    assertThat(copy.columns()).isEqualTo(gold.columns());
    assertThat(copy.describeAggregation()).isEqualTo(gold.describeAggregation());
    assertThat(copy.description()).isEqualTo("users per country and month");
    assertThat(renamed.description()).isEqualTo("monthly users");
    assertThat(renamed.describeAggregation()).isEqualTo(gold.describeAggregation());
  }

  @Test
  void build_settingGivenTwice_everyRepeatNamedWithBothValues() {
    GoldTable.Builder builder =
        GoldTable.builder(TableId.of("gold", "monthly"), USERS)
            .description("first")
            .description("second")
            .timeBucket("month", TimeBucket.Unit.MONTH, "registered_at")
            .timeBucket("day", TimeBucket.Unit.DAY, "registered_at");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("description is set twice: first, then second; set it once")
        .hasMessageContaining("timeBucket is set twice: month = month(registered_at), then")
        .hasMessageContaining("a gold table needs at least one measure");
  }

  @Test
  void build_badMeasures_everyProblemNamed() {
    assertThatThrownBy(
            () ->
                GoldTable.builder(TableId.of("gold", "bad"), USERS)
                    .groupBy("nation")
                    .timeBucket("month", TimeBucket.Unit.MONTH, "country")
                    .avg("avg_country", "country")
                    .max("oldest", "agee")
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "group-by column 'nation' is not a column of silver.users; known columns:"
                            + " [country, age, score, registered_at, quality_score,"
                            + " completeness_score, validity_score, consistency_score,"
                            + " failed_rules, _batch_id, _ingested_at, _source_coordinate, _row_hash]",
                        "time bucket 'month' needs a date or timestamp column, but 'country' is"
                            + " string",
                        "measure 'avg_country' needs a numeric column, but 'country' is string",
                        "measure 'oldest' input 'agee' is not a column of silver.users; known"
                            + " columns: [country, age, score, registered_at, quality_score,"
                            + " completeness_score, validity_score, consistency_score,"
                            + " failed_rules, _batch_id, _ingested_at, _source_coordinate, _row_hash]"));
  }

  @Test
  void build_cumulativeWithoutTimeBucket_rejected() {
    assertThatThrownBy(
            () ->
                GoldTable.builder(TableId.of("gold", "bad"), USERS)
                    .count("n")
                    .cumulativeCount("n_to_date")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("measure 'n_to_date' is a cumulative count and needs a time bucket");
  }

  @Test
  void columnType_displayNames() {
    assertThat(ColumnType.decimal(12, 2).displayName()).isEqualTo("decimal(12,2)");
    assertThat(ColumnType.list(ColumnType.STRING).displayName()).isEqualTo("list<string>");
    assertThat(ColumnType.struct(java.util.List.of(Column.of("a", ColumnType.INT))).displayName())
        .isEqualTo("struct<a:int>");
    assertThatThrownBy(() -> ColumnType.decimal(40, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid decimal(40,2): precision must be 1 to 38 and scale 0 to precision");
  }

  @Test
  void clearGroupByAndMeasures_thenNewOnes_replaceThem() {
    GoldTable gold =
        GoldTable.builder(TableId.of("gold", "by_country"), USERS)
            .groupBy("country")
            .groupBy("age")
            .count("users")
            .build();

    GoldTable replaced =
        gold.toBuilder()
            .clearGroupBy()
            .groupBy("age")
            .clearMeasures()
            .sum("total", "score")
            .build();

    assertThat(gold.columns()).extracting(Column::name).containsExactly("country", "age", "users");
    assertThat(replaced.columns()).extracting(Column::name).containsExactly("age", "total");
  }
}
