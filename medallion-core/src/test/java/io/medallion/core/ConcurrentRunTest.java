package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes running the same pipeline on the same lake at once: whichever loses a race is told
 * to run again and commits nothing twice, so silver and quarantine hold each row once.
 */
class ConcurrentRunTest extends EmbeddedLakeTest {
  private static final int RECORDS = 300;

  @Test
  void run_twoRuntimesAtOnce_noRowTwiceAndTheLoserIsToldToRunAgain() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      // Every tenth record has no id: a critical rule sends it to quarantine.
      String id = i % 10 == 0 ? "" : "\"id\":\"p" + i + "\",";
      lines.add(
          "{"
              + id
              + "\"name\":\"ada\",\"email\":\"p"
              + i
              + "@example.com\",\"country\":\"CH\","
              + "\"age\":36,\"updated\":\"2024-01-01T00:00:00Z\"}");
    }
    runtime.ingest(TestPipelines.RAW, ndjson("people.ndjson", lines.toArray(String[]::new)));
    List<Throwable> failures = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (MedallionRuntime other = MedallionRuntime.builder().lake(lake()).clock(clock()).build()) {
      List<Future<RunResult>> runs = new ArrayList<>();
      for (MedallionRuntime each : List.of(runtime, other)) {
        runs.add(threads.submit(() -> each.run(TestPipelines.PIPELINE)));
      }
      for (Future<RunResult> run : runs) {
        try {
          run.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    runtime.run(TestPipelines.PIPELINE);

    assertThat(failures)
        .allSatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(CommitConflictException.class)
                    .hasMessageContaining("another writer changed what this commit depends on")
                    .hasMessageContaining("run again")
                    .hasMessageNotContaining(".parquet"));
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id()))).hasSize(270);
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId()))).hasSize(30);
    assertThat(TableReads.rows(runtime.table(TestPipelines.BY_COUNTRY.id())))
        .extracting(row -> row.getField("people"))
        .containsExactly(270L);
  }
}
