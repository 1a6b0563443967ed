package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.maintenance.MaintenanceOptions;
import io.medallion.maintenance.MaintenanceReport;
import io.medallion.maintenance.TableMaintenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

/**
 * Maintenance merges small files, expires snapshots and removes orphan files without breaking what
 * incremental runs resume from: every row stays, and the next run reads exactly what is new.
 */
class MaintenanceTest extends EmbeddedLakeTest {
  /** Everything old enough to act on at once, merging as soon as two files are small. */
  private static final MaintenanceOptions NOW =
      MaintenanceOptions.builder()
          .expireSnapshotsOlderThan(Duration.ZERO)
          .orphanFilesOlderThan(Duration.ZERO)
          .retainLastSnapshots(1)
          .minFilesToCompact(2)
          .build();

  @Test
  void maintain_afterManyRuns_mergesFilesExpiresSnapshotsAndKeepsEveryRow() {
    for (int batch = 0; batch < 4; batch++) {
      runtime.run(
          TestPipelines.PIPELINE,
          TestPipelines.RAW,
          ndjson(
              "batch" + batch + ".ndjson",
              personIn("p" + batch, "CH", "2024-01-01T00:00:00Z"),
              personIn("q" + batch, "DE", "2024-01-01T00:00:00Z")));
    }
    Table bronze = runtime.table(TestPipelines.RAW.id());
    List<String> bronzeBefore = payloads(bronze);
    List<String> silverBefore = ids(runtime.table(TestPipelines.PEOPLE.id()));
    int filesBefore = dataFiles(bronze);

    MaintenanceReport report = runtime.maintain(TestPipelines.PIPELINE, NOW);

    TableMaintenance raw = report.table(TestPipelines.RAW.id());
    assertThat(raw.filesCompacted()).isEqualTo(4);
    assertThat(raw.filesWritten()).isEqualTo(1);
    assertThat(raw.snapshotsExpired()).isNotEmpty();
    bronze.refresh();
    assertThat(dataFiles(bronze)).isLessThan(filesBefore);
    assertThat(payloads(bronze)).containsExactlyInAnyOrderElementsOf(bronzeBefore);
    assertThat(ids(runtime.table(TestPipelines.PEOPLE.id())))
        .containsExactlyInAnyOrderElementsOf(silverBefore);

    RunResult next =
        runtime.run(
            TestPipelines.PIPELINE,
            TestPipelines.RAW,
            ndjson("after.ndjson", personIn("r", "US", "2024-01-01T00:00:00Z")));

    assertThat(next.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(1);
    assertThat(ids(runtime.table(TestPipelines.PEOPLE.id())))
        .containsExactlyInAnyOrder("p0", "q0", "p1", "q1", "p2", "q2", "p3", "q3", "r");
  }

  @Test
  void maintain_withBronzeNotYetConsumed_keepsTheSnapshotsSilverResumesFrom() {
    runFirstBatch();
    runtime.ingest(
        TestPipelines.RAW, ndjson("second.ndjson", personIn("b", "DE", "2024-01-01T00:00:00Z")));
    runtime.ingest(
        TestPipelines.RAW, ndjson("third.ndjson", personIn("c", "GB", "2024-01-01T00:00:00Z")));

    MaintenanceReport report = runtime.maintain(TestPipelines.PIPELINE, NOW);
    RunResult caughtUp = runtime.run(TestPipelines.PIPELINE);

    assertThat(report.table(TestPipelines.RAW.id()).snapshotsPinned()).isPositive();
    assertThat(report.table(TestPipelines.RAW.id()).filesCompacted()).isEqualTo(3);
    assertThat(caughtUp.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
    assertThat(caughtUp.table(TestPipelines.PEOPLE.id()).duplicates()).isZero();
    assertThat(ids(runtime.table(TestPipelines.PEOPLE.id())))
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void maintain_tableWhoseOwnAgeRetentionIsShort_stillKeepsThePinnedSnapshots() {
    runFirstBatch();
    runtime.ingest(
        TestPipelines.RAW, ndjson("second.ndjson", personIn("b", "DE", "2024-01-01T00:00:00Z")));
    runtime.ingest(
        TestPipelines.RAW, ndjson("third.ndjson", personIn("c", "GB", "2024-01-01T00:00:00Z")));
    // Iceberg's own age retention would expire everything but the newest snapshot.
    runtime
        .table(TestPipelines.RAW.id())
        .updateProperties()
        .set("history.expire.max-snapshot-age-ms", "1")
        .commit();

    runtime.maintain(TestPipelines.PIPELINE, NOW);
    RunResult caughtUp = runtime.run(TestPipelines.PIPELINE);

    assertThat(caughtUp.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
    assertThat(ids(runtime.table(TestPipelines.PEOPLE.id())))
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void maintain_dryRun_listsAnOrphanFileAndChangesNothing() throws IOException {
    runFirstBatch();
    runtime.ingest(
        TestPipelines.RAW, ndjson("second.ndjson", personIn("b", "DE", "2024-01-01T00:00:00Z")));
    Table bronze = runtime.table(TestPipelines.RAW.id());
    Path stray = strayFile(bronze);
    int snapshots = snapshots(bronze);

    MaintenanceReport planned =
        runtime.maintain(TestPipelines.PIPELINE, NOW.toBuilder().dryRun(true).build());

    assertThat(planned.dryRun()).isTrue();
    assertThat(planned.orphanFiles()).singleElement().asString().endsWith("stray-writer.parquet");
    assertThat(stray).exists();
    bronze.refresh();
    assertThat(snapshots(bronze)).isEqualTo(snapshots);
    assertThat(payloads(bronze)).hasSize(2);
  }

  @Test
  void maintain_orphanFile_isRemovedAndEveryTableStaysReadable() throws IOException {
    runFirstBatch();
    Path stray = strayFile(runtime.table(TestPipelines.RAW.id()));

    MaintenanceReport report = runtime.maintain(TestPipelines.PIPELINE, NOW);

    assertThat(report.orphanFiles()).singleElement().asString().endsWith("stray-writer.parquet");
    assertThat(stray).doesNotExist();
    assertThat(payloads(runtime.table(TestPipelines.RAW.id()))).hasSize(1);
    assertThat(ids(runtime.table(TestPipelines.PEOPLE.id()))).containsExactly("a");
    assertThat(TableReads.rows(runtime.table(TestPipelines.BY_COUNTRY.id()))).hasSize(1);
  }

  @Test
  void maintain_youngOrphanFile_isLeftForTheWriterThatMayCommitIt() throws IOException {
    runFirstBatch();
    Path stray = strayFile(runtime.table(TestPipelines.RAW.id()));

    MaintenanceReport report =
        runtime.maintain(TestPipelines.PIPELINE, MaintenanceOptions.builder().build());

    assertThat(report.orphanFiles()).isEmpty();
    assertThat(stray).exists();
  }

  private void runFirstBatch() {
    runtime.run(
        TestPipelines.PIPELINE,
        TestPipelines.RAW,
        ndjson("first.ndjson", personIn("a", "CH", "2024-01-01T00:00:00Z")));
  }

  /** A file a writer left behind when it died before its commit. */
  private static Path strayFile(Table table) throws IOException {
    Path data = Path.of(table.location().replaceFirst("^file:", "")).resolve("data");
    Files.createDirectories(data);
    return Files.writeString(data.resolve("stray-writer.parquet"), "not committed");
  }

  private static List<String> payloads(Table table) {
    return TableReads.rows(table).stream().map(r -> String.valueOf(r.getField("payload"))).toList();
  }

  private static List<String> ids(Table table) {
    return TableReads.rows(table).stream().map(r -> (String) r.getField("id")).toList();
  }

  private static int snapshots(Table table) {
    int count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    return count;
  }

  private static int dataFiles(Table table) {
    int count = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask ignored : tasks) {
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }
}
