package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.core.spi.JsonSource;
import io.medallion.table.BronzeTable;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code run(pipeline, table, source)} ingests and hands the records straight to silver; bronze
 * stays the source of truth, so a commit to bronze by someone else in between makes silver read
 * bronze instead, and nothing is lost or doubled.
 */
class IngestAndRunTest extends EmbeddedLakeTest {
  @Test
  void run_withSource_ingestsAndBuildsEveryLayerInOneCall() {
    RunResult result =
        runtime.run(
            TestPipelines.PIPELINE,
            TestPipelines.RAW,
            ndjson(
                "people.ndjson",
                personIn("a", "CH", "2024-01-01T00:00:00Z"),
                personIn("b", "DE", "2024-01-01T00:00:00Z"),
                personIn("a", "US", "2025-01-01T00:00:00Z"),
                "{not json"));

    assertThat(result.table(TestPipelines.RAW.id()).written()).isEqualTo(3);
    assertThat(result.table(TestPipelines.RAW.id()).quarantined()).isEqualTo(1);
    TableRun people = result.table(TestPipelines.PEOPLE.id());
    assertThat(people.read()).isEqualTo(3);
    assertThat(people.read())
        .isEqualTo(people.written() + people.quarantined() + people.duplicates());
    assertThat(people.duplicates()).isEqualTo(1);
    assertThat(result.report(TestPipelines.PEOPLE.id())).isPresent();
    assertThat(result.table(TestPipelines.BY_COUNTRY.id()).written()).isPositive();
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())))
        .extracting(row -> row.getField("id") + " " + row.getField("_source_coordinate"))
        .containsExactlyInAnyOrder("a people.ndjson line 3", "b people.ndjson line 2");
  }

  @Test
  void run_withSource_afterAPlainIngestion_catchesUpFirst() {
    runtime.ingest(
        TestPipelines.RAW, ndjson("first.ndjson", personIn("a", "CH", "2024-01-01T00:00:00Z")));

    RunResult result =
        runtime.run(
            TestPipelines.PIPELINE,
            TestPipelines.RAW,
            ndjson("second.ndjson", personIn("b", "DE", "2024-01-01T00:00:00Z")));

    assertThat(result.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())))
        .extracting(row -> row.getField("id"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void run_withSource_whenAnotherIngestionCommitsMeanwhile_readsBronzeAndLosesNothing() {
    try (MedallionRuntime other = MedallionRuntime.builder().lake(lake()).build()) {
      JsonSource.Part racing =
          new JsonSource.Part() {
            @Override
            public String name() {
              return "mine.ndjson";
            }

            @Override
            public InputStream open() {
              // Another runtime commits to the same bronze table while this batch is being read.
              other.ingest(
                  TestPipelines.RAW,
                  ndjson("theirs.ndjson", personIn("t", "CH", "2024-01-01T00:00:00Z")));
              return new ByteArrayInputStream(
                  (personIn("m", "DE", "2024-01-01T00:00:00Z") + "\n")
                      .getBytes(StandardCharsets.UTF_8));
            }
          };

      RunResult result =
          runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, JsonSource.of(List.of(racing)));

      assertThat(result.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
      assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())))
          .extracting(row -> row.getField("id"))
          .containsExactlyInAnyOrder("t", "m");
      assertThat(runtime.run(TestPipelines.PIPELINE).table(TestPipelines.PEOPLE.id()).read())
          .isZero();
    }
  }

  @Test
  void run_withSource_failingSource_commitsNothingAnywhere() {
    JsonSource.Part broken =
        new JsonSource.Part() {
          @Override
          public String name() {
            return "broken.ndjson";
          }

          @Override
          public InputStream open() throws java.io.IOException {
            throw new java.io.IOException("disk on fire");
          }
        };

    assertThatThrownBy(
            () ->
                runtime.run(
                    TestPipelines.PIPELINE, TestPipelines.RAW, JsonSource.of(List.of(broken))))
        .hasMessageContaining("Cannot read source broken.ndjson: disk on fire");
    assertThat(runtime.table(TestPipelines.RAW.id()).currentSnapshot()).isNull();
    assertThat(runtime.table(TestPipelines.PEOPLE.id()).currentSnapshot()).isNull();
  }

  @Test
  void run_withBronzeTableOutsideThePipeline_isRefusedNamingBoth() {
    BronzeTable elsewhere = BronzeTable.builder(TableId.of("bronze", "elsewhere")).build();

    assertThatThrownBy(
            () -> runtime.run(TestPipelines.PIPELINE, elsewhere, ndjson("x.ndjson", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Pipeline people does not contain bronze.elsewhere");
  }
}
