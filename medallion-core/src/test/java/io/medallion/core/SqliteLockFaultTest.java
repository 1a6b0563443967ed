package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.core.internal.catalog.SqliteLockProcess;
import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holds an exclusive transaction on the embedded lake's SQLite catalog: a run waits
 * for it within the busy timeout and completes; past the busy timeout it fails naming the catalog
 * and the lock, and a rerun once the lock is released loads every record exactly once.
 */
class SqliteLockFaultTest {
  /** Short enough for the test, long enough that the lock is surely held past it. */
  private static final String SHORT_BUSY_TIMEOUT_MS = "1000";

  @TempDir Path dir;
  private Process holder;

  @AfterEach
  void stopHolder() {
    if (holder != null) {
      holder.destroyForcibly();
    }
  }

  @Test
  void run_catalogLockedForAFewSeconds_waitsAndCompletesExactly() throws Exception {
    try (MedallionRuntime runtime = runtime(CatalogConfig.embedded(lake()))) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      lockCatalog();
      ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
      try {
        releaser.schedule(this::release, 3, TimeUnit.SECONDS);

        runtime.run(
            TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));
      } finally {
        releaser.shutdownNow();
      }

      // The run could only commit once the other process had let go.
      assertThat(dir.resolve("released")).exists();
      assertThat(holder.waitFor()).isZero();
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  @Test
  void run_catalogLockedPastTheBusyTimeout_failsNamingTheCatalogAndARerunCompletesExactly()
      throws Exception {
    EmbeddedCatalogConfig impatient =
        EmbeddedCatalogConfig.builder(lake())
            .property("jdbc.busy_timeout", SHORT_BUSY_TIMEOUT_MS)
            .build();
    try (MedallionRuntime runtime = runtime(impatient)) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));

      assertThatThrownBy(
              () ->
                  runtime.run(
                      TestPipelines.PIPELINE,
                      TestPipelines.RAW,
                      lockingTheCatalogAtTheEnd("2.ndjson", "c", "d")))
          .hasMessageStartingWith(
              TestPipelines.RAW.id() + " was not updated: catalog " + impatient.label())
          .hasMessageContaining("database is locked")
          .hasMessageEndingWith("what was committed before is not repeated.");
      release();
      assertThat(holder.waitFor()).isZero();

      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  private Path lake() {
    return dir.resolve("lake");
  }

  private MedallionRuntime runtime(CatalogConfig catalog) {
    return MedallionRuntime.builder().lake(lake()).catalog(catalog).build();
  }

  /** Starts the other process and waits until it holds the lock. */
  private void lockCatalog() throws IOException, InterruptedException {
    Path ready = dir.resolve("ready");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    holder =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                SqliteLockProcess.class.getName(),
                lake().resolve("catalog.db").toString(),
                ready.toString(),
                dir.resolve("release").toString(),
                dir.resolve("released").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("holder.log").toFile())
            .start();
    while (!Files.exists(ready)) {
      assertThat(holder.isAlive())
          .as("lock holder output: %s", Files.readString(dir.resolve("holder.log")))
          .isTrue();
      Thread.sleep(10);
    }
  }

  /** The other process takes the lock once the whole input is read, before bronze commits. */
  private JsonSource lockingTheCatalogAtTheEnd(String name, String... ids) {
    return JsonSource.stream(
        name,
        new FilterInputStream(new ByteArrayInputStream(FaultData.lines(ids))) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0 && holder == null) {
              try {
                lockCatalog();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while locking the catalog");
              }
            }
            return read;
          }
        });
  }

  private void release() {
    try {
      Files.createFile(dir.resolve("release"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
