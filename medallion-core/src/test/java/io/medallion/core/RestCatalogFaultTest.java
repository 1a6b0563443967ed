package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.catalog.RestCatalogConfig;
import io.medallion.core.internal.catalog.RestCatalogServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST catalog (Iceberg's servlet on Jetty, 127.0.0.1) that answers 503, answers 500 to commits
 * it applied, and stops answering within the client's timeout: reads are retried, a commit whose
 * answer was lost lands once, and a catalog that does not answer fails the run with a message
 * naming the catalog; a rerun once it answers again leaves every record exactly once.
 */
class RestCatalogFaultTest {
  /** The client's socket timeout in the timeout test; the server holds reads well past it. */
  private static final String SOCKET_TIMEOUT_MS = "1000";

  @TempDir static Path serverDir;
  private static RestCatalogServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = RestCatalogServer.open(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @AfterEach
  void emptyTheCatalog() {
    server.clearFaults();
    server.dropEverything();
  }

  @Test
  void run_catalogAnswers503ToReads_retriedAndTheRunCompletesExactly() {
    try (MedallionRuntime runtime = runtime(catalog().build())) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      int before = server.faultsInjected();
      server.refuseNextReads(2);

      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));

      assertThat(server.faultsInjected() - before).isEqualTo(2);
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  @Test
  void run_catalogAnswers500AfterApplyingCommits_everyRecordLandsOnce() {
    try (MedallionRuntime runtime = runtime(catalog().build())) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      int before = server.faultsInjected();
      // More than the run makes: every commit of the run is applied and answered with a 500.
      server.failAfterApplyingNextCommits(100);

      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));
      server.clearFaults();

      assertThat(server.faultsInjected() - before).isPositive();
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
      // Nothing is left to do: a rerun finds every table up to date.
      assertThat(runtime.run(TestPipelines.PIPELINE).tables())
          .allSatisfy(table -> assertThat(table.committed()).isFalse());
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  @Test
  @Timeout(60)
  void run_catalogStopsAnsweringWithinTheTimeout_failsNamingTheCatalogAndARerunCompletesExactly() {
    RestCatalogConfig impatient =
        catalog().property("rest.client.socket-timeout-ms", SOCKET_TIMEOUT_MS).build();
    try (MedallionRuntime runtime = runtime(impatient)) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      server.delayReads(Duration.ofSeconds(5));

      assertThatThrownBy(
              () ->
                  runtime.run(
                      TestPipelines.PIPELINE,
                      TestPipelines.RAW,
                      FaultData.people("2.ndjson", "c", "d")))
          .hasMessageContaining("catalog " + impatient.label() + " failed: ")
          .hasMessageContaining("timed out")
          .hasMessageEndingWith("what was committed before is not repeated.");
      server.clearFaults();

      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  private static RestCatalogConfig.Builder catalog() {
    return RestCatalogConfig.builder(server.uri());
  }

  private MedallionRuntime runtime(RestCatalogConfig catalog) {
    return MedallionRuntime.builder().lake(dir.resolve("lake")).catalog(catalog).build();
  }
}
