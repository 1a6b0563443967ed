package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.core.internal.catalog.S3ProxyServer;
import io.medallion.core.spi.JsonSource;
import io.medallion.maintenance.MaintenanceOptions;
import io.medallion.maintenance.MaintenanceReport;
import io.medallion.table.BronzeTable;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object store goes away in the middle of a run (S3Proxy on 127.0.0.1, stopped and started
 * again): the run fails with an error naming the table, nothing half-written becomes visible, and
 * once the store is back a rerun completes with every record exactly once; maintenance then finds
 * and removes what the failed run left behind.
 */
class ObjectStoreFaultTest {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  @TempDir static Path s3Dir;
  private static S3ProxyServer s3;

  @TempDir Path dir;
  private CatalogConfig catalog;

  @BeforeAll
  static void startS3() throws IOException {
    s3 = S3ProxyServer.start(s3Dir);
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @BeforeEach
  void freshLake() throws IOException {
    String bucket = "faults-" + BUCKETS.incrementAndGet();
    s3.createBucket(bucket);
    catalog =
        JdbcCatalogConfig.builder(
                "jdbc:sqlite:" + dir.resolve("catalog.db"), "s3://" + bucket + "/lake")
            .storage(s3.storage())
            // One retry per request keeps an outage's failure quick; the default retries longer.
            .property("s3.retry.num-retries", "1")
            .build();
  }

  @Test
  void run_storeStopsWhileIngesting_failsNamingTheTableAndARerunLoadsEveryRecordOnce()
      throws IOException {
    try (MedallionRuntime runtime = runtime()) {
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, people("before.ndjson", "a", "b"));

      assertThatThrownBy(
              () ->
                  runtime.run(
                      TestPipelines.PIPELINE,
                      TestPipelines.RAW,
                      stoppingTheStoreAtTheEnd("during.ndjson", "c", "d")))
          .hasMessageStartingWith(TestPipelines.RAW.id() + " was not updated: ")
          .hasMessageContaining("Connection refused")
          .hasMessageEndingWith("what was committed before is not repeated.")
          .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
      s3.restart();

      assertThat(ids(runtime, TestPipelines.RAW)).containsExactlyInAnyOrder("a", "b");
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, people("during.ndjson", "c", "d"));
      assertThat(ids(runtime, TestPipelines.RAW)).containsExactlyInAnyOrder("a", "b", "c", "d");
      assertThat(silverIds(runtime)).containsExactlyInAnyOrder("a", "b", "c", "d");
    } finally {
      s3.restart();
    }
  }

  @Test
  void run_storeDownAfterTheBronzeCommit_silverCatchesUpExactlyOnceWhenItIsBack()
      throws IOException {
    try (MedallionRuntime runtime = runtime()) {
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, people("first.ndjson", "a"));
      runtime.ingest(TestPipelines.RAW, people("second.ndjson", "b", "c"));
      s3.stop();

      assertThatThrownBy(() -> runtime.run(TestPipelines.PIPELINE))
          .hasMessageStartingWith("The tables of pipeline people were not registered: ")
          .hasMessageContaining("Connection refused");
      s3.restart();
      RunResult caughtUp = runtime.run(TestPipelines.PIPELINE);

      assertThat(caughtUp.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
      assertThat(silverIds(runtime)).containsExactlyInAnyOrder("a", "b", "c");
      MaintenanceReport maintained =
          runtime.maintain(
              TestPipelines.PIPELINE,
              MaintenanceOptions.builder().orphanFilesOlderThan(Duration.ZERO).build());
      // bronze + dead letters, silver + quarantine + metrics, two gold tables
      assertThat(maintained.tables()).hasSize(7);
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, people("third.ndjson", "d"));
      assertThat(ids(runtime, TestPipelines.RAW)).containsExactlyInAnyOrder("a", "b", "c", "d");
      assertThat(silverIds(runtime)).containsExactlyInAnyOrder("a", "b", "c", "d");
    } finally {
      s3.restart();
    }
  }

  private MedallionRuntime runtime() {
    return MedallionRuntime.builder().lake(dir.resolve("lake")).catalog(catalog).build();
  }

  private static List<String> ids(MedallionRuntime runtime, BronzeTable raw) {
    List<String> ids = new ArrayList<>();
    for (Record row : TableReads.rows(runtime.table(raw.id()))) {
      String payload = String.valueOf(row.getField("payload"));
      int start = "{\"id\":\"".length();
      ids.add(payload.substring(start, payload.indexOf('"', start)));
    }
    return ids;
  }

  private static List<String> silverIds(MedallionRuntime runtime) {
    return TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())).stream()
        .map(r -> (String) r.getField("id"))
        .toList();
  }

  private static JsonSource people(String name, String... ids) {
    return JsonSource.stream(name, new ByteArrayInputStream(lines(ids)));
  }

  private static byte[] lines(String... ids) {
    StringBuilder text = new StringBuilder();
    for (String id : ids) {
      text.append(EmbeddedLakeTest.personIn(id, "CH", "2024-01-01T00:00:00Z")).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The store goes away once the whole input is read, before the data file is uploaded. */
  private static JsonSource stoppingTheStoreAtTheEnd(String name, String... ids) {
    return JsonSource.stream(
        name,
        new FilterInputStream(new ByteArrayInputStream(lines(ids))) {
          private boolean stopped;

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0 && !stopped) {
              stopped = true;
              s3.stop();
            }
            return read;
          }
        });
  }
}
