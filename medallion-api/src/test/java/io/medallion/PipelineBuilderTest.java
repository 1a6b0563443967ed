package io.medallion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.table.BronzeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {
  private static Pipeline.Builder demo() {
    return Pipeline.builder("demo")
        .tables(Fixtures.BY_NAT, Fixtures.USERS, Fixtures.RAW)
        .owner("data-team")
        .describeNamespace("gold", "Aggregates for dashboards");
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualPipeline() {
    Pipeline pipeline = demo().build();

    Pipeline copy = pipeline.toBuilder().build();

    assertThat(copy).isNotSameAs(pipeline).isEqualTo(pipeline).hasSameHashCodeAs(pipeline);
    assertThat(copy.tables()).containsExactly(Fixtures.RAW, Fixtures.USERS, Fixtures.BY_NAT);
    assertThat(copy.owner()).contains("data-team");
    assertThat(copy.namespaceDescription("gold")).isEqualTo("Aggregates for dashboards");
    assertThat(copy.describe()).isEqualTo(pipeline.describe());
  }

  @Test
  void toBuilder_ownerGivenOnceMore_changesOnlyTheOwner() {
    Pipeline pipeline = demo().build();

    Pipeline moved = pipeline.toBuilder().owner("platform-team").build();

    assertThat(moved.owner()).contains("platform-team");
    assertThat(moved).isNotEqualTo(pipeline);
    assertThat(moved.tables()).isEqualTo(pipeline.tables());
    assertThat(moved.namespaceDescription("gold")).isEqualTo("Aggregates for dashboards");
  }

  @Test
  void build_ownerAndNamespaceDescribedTwice_reportedWithBothValuesBesideOtherProblems() {
    Pipeline.Builder builder =
        Pipeline.builder("bad name")
            .owner("data-team")
            .owner("platform-team")
            .describeNamespace("gold", "Aggregates")
            .describeNamespace("gold", "Dashboards");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "owner is set twice: data-team, then platform-team; set it once",
                        "describeNamespace('gold') is set twice: Aggregates, then Dashboards; set"
                            + " it once",
                        "pipeline name 'bad name' must be letters, digits, '_' or '-'",
                        "a pipeline needs at least one table",
                        "namespace 'gold' is described but no table of the pipeline is in it"));
  }

  @Test
  void tables_givenAgain_addToTheTablesGiven() {
    Pipeline pipeline =
        Pipeline.builder("demo")
            .tables(Fixtures.RAW)
            .tables(List.of(Fixtures.USERS, Fixtures.BY_NAT))
            .build();

    assertThat(pipeline.tables()).containsExactly(Fixtures.RAW, Fixtures.USERS, Fixtures.BY_NAT);
  }

  @Test
  void clearTables_thenTables_replacesTheTables() {
    Pipeline pipeline = demo().build();

    Pipeline bronzeOnly =
        pipeline.toBuilder()
            .clearTables()
            .clearNamespaceDescriptions()
            .tables(Fixtures.RAW)
            .build();

    assertThat(bronzeOnly.tables()).containsExactly(Fixtures.RAW);
    assertThat(bronzeOnly.describesNamespace("gold")).isFalse();
    assertThat(pipeline.tables()).hasSize(3);
  }

  @Test
  void clearTables_describedNamespaceLeftEmpty_isAProblemNamingTheNamespace() {
    Pipeline pipeline = demo().build();

    assertThatThrownBy(() -> pipeline.toBuilder().clearTables().tables(Fixtures.RAW).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "namespace 'gold' is described but no table of the pipeline is in it");
  }

  @Test
  void build_upstreamRebuiltEqualByToBuilder_isTheSameDefinition() {
    BronzeTable rebuilt = Fixtures.RAW.toBuilder().build();

    Pipeline pipeline = Pipeline.builder("demo").tables(rebuilt, Fixtures.USERS).build();

    assertThat(pipeline.tables()).containsExactly(rebuilt, Fixtures.USERS);
  }

  @Test
  void build_upstreamChangedByToBuilder_isAProblemNamingBothTables() {
    BronzeTable changed = Fixtures.RAW.toBuilder().maxRecordBytes(4096).build();

    assertThatThrownBy(() -> Pipeline.builder("demo").tables(changed, Fixtures.USERS).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "silver table silver.users reads a different definition of bronze.raw than the one in"
                + " the pipeline");
  }
}
