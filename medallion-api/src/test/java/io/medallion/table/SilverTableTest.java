package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.quality.Rule;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import org.junit.jupiter.api.Test;

class SilverTableTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "raw"))
          .secretPaths("login.password", "login.sha256")
          .build();

  @Test
  void build_validDefinition_addsScoreRulesAndLineageColumns() {
    SilverTable users =
        SilverTable.builder(TableId.of("silver", "users"), RAW)
            .map("id", ColumnType.STRING, "login.uuid")
            .derive("domain", ColumnType.STRING, Derivation.emailDomain("id"))
            .doc("id", "The user id")
            .build();

    assertThat(users.columns())
        .extracting(Column::name)
        .containsExactly(
            "id",
            "domain",
            "quality_score",
            "completeness_score",
            "validity_score",
            "consistency_score",
            "failed_rules",
            "_batch_id",
            "_ingested_at",
            "_source_coordinate",
            "_row_hash");
    assertThat(users.column("id").orElseThrow().doc()).isEqualTo("The user id");
    assertThat(users.quarantineId()).isEqualTo(TableId.of("silver", "users_quarantine"));
    assertThat(users.upstream()).contains(RAW);
  }

  @Test
  void build_everyProblem_collectedIntoOneException() {
    SilverTable.Builder builder =
        SilverTable.builder(TableId.of("silver", "users"), RAW)
            .map("id", ColumnType.STRING, "login.uuid")
            .map("password", ColumnType.STRING, "login.password")
            .map("age", ColumnType.STRING, "dob.age")
            .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nat"))
            .map("born", ColumnType.INT, "dob", Standardizer.TRIM)
            .derive("generation", ColumnType.STRING, Derivation.generation("birth"))
            .rules(Rule.notNull("emial"), Rule.range("age", 0, 120), Rule.matches("born", "\\d+"))
            .deduplicateOn("user_id")
            .partitionBy(PartitionField.month("id"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "column 'password' maps $.login.password, which holds the secret"
                            + " $.login.password declared by bronze.raw; secrets never reach"
                            + " silver",
                        "derived column 'generation' reads unknown column 'birth'; columns"
                            + " defined before it: [id, password, age, phone, born]",
                        "standardizer phone_e164(nat) on 'phone' reads unknown region column"
                            + " 'nat'; mapped columns: [id, password, age, phone, born,"
                            + " generation]",
                        "standardizer trim on 'born' needs a string column, but it is int",
                        "rule 'emial_not_null' reads unknown column 'emial'; known columns: [id,"
                            + " password, age, phone, born, generation]",
                        "rule 'age_range' needs a numeric column, but 'age' is string",
                        "rule 'born_format' needs a string column, but 'born' is int",
                        "deduplication key 'user_id' is not a column; known: [id, password, age,"
                            + " phone, born, generation]",
                        "partition month(id) needs a date or timestamp column, but 'id' is"
                            + " string"));
  }

  @Test
  void build_reservedColumnName_rejected() {
    assertThatThrownBy(
            () ->
                SilverTable.builder(TableId.of("silver", "users"), RAW)
                    .map("quality_score", ColumnType.DOUBLE, "score")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'quality_score' uses a reserved name");
  }

  @Test
  void build_silverFromSilverWithoutKey_rejected() {
    SilverTable users =
        SilverTable.builder(TableId.of("silver", "users"), RAW)
            .map("id", ColumnType.STRING, "login.uuid")
            .build();

    assertThatThrownBy(
            () ->
                SilverTable.builder(TableId.of("silver", "people"), users)
                    .map("person", ColumnType.STRING, "id")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "a silver table reading silver table silver.users must deduplicateOn(key)");
  }

  @Test
  void build_silverFromSilver_mapsUpstreamColumns() {
    SilverTable users =
        SilverTable.builder(TableId.of("silver", "users"), RAW)
            .map("id", ColumnType.STRING, "login.uuid")
            .build();

    assertThatThrownBy(
            () ->
                SilverTable.builder(TableId.of("silver", "people"), users)
                    .map("person", ColumnType.STRING, "ident")
                    .deduplicateOn("person")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "column 'person' maps $.ident, but silver.users has no column 'ident'");
  }
}
