package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.audit.WriteAuditPublish;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.DatasetRule;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audits} commands list, show, publish and discard a pending audit of the lake. */
class AuditsCommandTest {
  @TempDir Path dir;
  private Path lake;
  private String runId;

  /** A run of 20 users against a rule that allows at most 10 per batch, left pending. */
  @BeforeEach
  void pendingAudit() throws IOException {
    lake = dir.resolve("lake");
    Path users = dir.resolve("users.ndjson");
    try (Writer out = Files.newBufferedWriter(users, StandardCharsets.UTF_8)) {
      RandomUserGenerator.withSeed(7).writeNdjson(out, 20);
    }
    SilverTable capped =
        RandomUserPipeline.USERS.toBuilder()
            .datasetRules(
                DatasetRule.rowCount(1, 10).toBuilder().name("at_most_10").failBatch().build())
            .build();
    Pipeline pipeline =
        Pipeline.builder("randomuser").tables(RandomUserPipeline.RAW, capped).build();
    try (MedallionRuntime runtime =
        MedallionRuntime.builder()
            .lake(lake)
            .writeAuditPublish(WriteAuditPublish.everyTable())
            .build()) {
      RunResult result = runtime.run(pipeline, RandomUserPipeline.RAW, JsonSource.file(users));
      runId = result.runId();
    }
  }

  @Test
  void audits_pendingRun_isListedWithItsTablesAndFailedCheck() {
    Cli.Result listed = Cli.run("audits", "--lake", lake.toString());

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains(runId + "  [silver.users_quality_metrics, silver.users]")
        .contains("    failed: at_most_10: ")
        .endsWith("1 pending audits\n");
  }

  @Test
  void show_pendingRun_printsTheFailedCheckAndTheQualityReport() {
    Cli.Result shown = Cli.run("audits", "show", runId, "--lake", lake.toString());

    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out())
        .startsWith("Audit " + runId + " on branch audit-" + runId)
        .contains("failed: at_most_10: ", "silver.users");
  }

  @Test
  void publish_withAReason_publishesAndLeavesNothingPending() {
    Cli.Result published =
        Cli.run(
            "audits",
            "publish",
            runId,
            "--reason",
            "twenty is fine today",
            "--lake",
            lake.toString());

    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out())
        .isEqualTo("Published audit " + runId + ": [silver.users_quality_metrics, silver.users]\n");
    assertThat(Cli.run("audits", "--lake", lake.toString()).out()).isEqualTo("0 pending audits\n");
    Cli.Result history = Cli.run("history", "silver.users", "--lake", lake.toString());
    assertThat(history.out()).contains("medallion.audit.published-anyway = twenty is fine today");
  }

  @Test
  void publish_withoutAReason_isAUsageError() {
    Cli.Result refused = Cli.run("audits", "publish", runId, "--lake", lake.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("Missing required option: '--reason=TEXT'");
  }

  @Test
  void discard_pendingRun_removesItAndAnUnknownRunFailsNamingThePending() {
    Cli.Result unknown = Cli.run("audits", "discard", "nope", "--lake", lake.toString());
    Cli.Result discarded = Cli.run("audits", "discard", runId, "--lake", lake.toString());

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("No pending audit of run nope; pending: [" + runId + "]");
    assertThat(discarded.exitCode()).as(discarded.err()).isZero();
    assertThat(discarded.out()).startsWith("Discarded audit " + runId);
    assertThat(Cli.run("audits", "--lake", lake.toString()).out()).isEqualTo("0 pending audits\n");
  }
}
