package io.medallion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void build_tablesInAnyOrder_ordersUpstreamFirst() {
    Pipeline pipeline =
        Pipeline.builder("demo").tables(Fixtures.BY_NAT, Fixtures.USERS, Fixtures.RAW).build();

    assertThat(pipeline.tables()).containsExactly(Fixtures.RAW, Fixtures.USERS, Fixtures.BY_NAT);
    assertThat(pipeline.downstreamOf(Fixtures.USERS)).containsExactly(Fixtures.BY_NAT);
  }

  @Test
  void build_everyProblem_reportedTogetherOnePerLine() {
    BronzeTable otherRaw = BronzeTable.builder(TableId.of("bronze", "raw")).build();
    GoldTable orphan =
        GoldTable.builder(
                TableId.of("gold", "orphan"),
                SilverTable.builder(TableId.of("silver", "elsewhere"), otherRaw)
                    .map("id", ColumnType.STRING, "id")
                    .build())
            .count("n")
            .build();

    assertThatThrownBy(
            () ->
                Pipeline.builder("bad name!")
                    .tables(Fixtures.RAW, otherRaw, Fixtures.USERS, orphan)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            String.join(
                System.lineSeparator(),
                "Invalid pipeline 'bad name!' (3 problems):",
                "- pipeline name 'bad name!' must be letters, digits, '_' or '-'",
                "- table id bronze.raw is used by more than one table",
                "- gold table gold.orphan reads silver.elsewhere, which is not in the pipeline;"
                    + " add it"))
        .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(3));
  }

  @Test
  void build_tableNamedLikeAQuarantine_rejected() {
    BronzeTable clash = BronzeTable.builder(TableId.of("silver", "users_quarantine")).build();

    assertThatThrownBy(
            () -> Pipeline.builder("demo").tables(Fixtures.RAW, Fixtures.USERS, clash).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "table id silver.users_quarantine clashes with a dead-letter, quarantine or metrics table");
  }

  @Test
  void build_idsThatLoop_reportedAsACycle() {
    SilverTable first =
        SilverTable.builder(TableId.of("silver", "x"), Fixtures.RAW)
            .map("id", ColumnType.STRING, "id")
            .build();
    SilverTable second =
        SilverTable.builder(TableId.of("silver", "y"), first)
            .map("id", ColumnType.STRING, "id")
            .deduplicateOn("id")
            .build();
    SilverTable loop =
        SilverTable.builder(TableId.of("silver", "x"), second)
            .map("id", ColumnType.STRING, "id")
            .deduplicateOn("id")
            .build();

    assertThatThrownBy(() -> Pipeline.builder("loop").tables(loop, second).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "silver table silver.y reads a different definition of silver.x than the one in the"
                + " pipeline")
        .hasMessageContaining("tables form a cycle: [silver.x, silver.y, silver.x]");
  }

  @Test
  void build_noTables_rejected() {
    assertThatThrownBy(() -> Pipeline.builder("empty").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a pipeline needs at least one table");
  }

  @Test
  void describe_printsTheWholeFlow() {
    String text =
        Pipeline.builder("demo")
            .tables(Fixtures.RAW, Fixtures.USERS, Fixtures.BY_NAT)
            .build()
            .describe();

    assertThat(text)
        .startsWith("pipeline demo\n  bronze bronze.raw\n")
        .contains("dead letters -> bronze.raw_dead_letter")
        .contains("secrets (never in silver): [$.login.password]")
        .contains("-> silver silver.users")
        .contains("map phone <- $.phone as string, phone_e164(nat)")
        .contains("derive generation = generation(born_at) as string")
        .contains("rule id_not_null: id is present (completeness, weight 1.0, critical)")
        .contains("rule age_range: age between 0 and 120 (validity, weight 1.0, warning)")
        .contains("policy: min score 0.0, else QUARANTINE, quarantine -> silver.users_quarantine")
        .contains("deduplicate on id keeping the latest")
        .contains("      -> gold gold.by_nat")
        .contains("group by nat: users = count(*), avg_age = avg(age)");
  }
}
