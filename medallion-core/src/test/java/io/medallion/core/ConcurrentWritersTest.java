package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four writers append to the same bronze table and run the same silver table at once, as threads
 * (one runtime each) and as separate processes: each step either commits or fails with a message
 * that says to run again, and after a last catch-up run every record is in bronze exactly once,
 * silver holds each distinct key once and quarantine each rejected record once.
 */
class ConcurrentWritersTest extends EmbeddedLakeTest {
  private static final int WRITERS = 4;
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  @BeforeEach
  void createTables() {
    // First use of a new lake by several writers is a separate concern; here the tables exist.
    runtime.registerAll(TestPipelines.PIPELINE);
  }

  @Test
  void write_fourThreadsAtOnce_everyRecordOnceAndExactCounts() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    List<Future<List<String>>> writers = new ArrayList<>();
    try {
      for (int writer = 0; writer < WRITERS; writer++) {
        int number = writer;
        writers.add(
            threads.submit(
                () -> {
                  try (MedallionRuntime own = MedallionRuntime.builder().lake(lake()).build()) {
                    start.await();
                    return ConcurrentWriter.write(own, number);
                  }
                }));
      }
      start.countDown();
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> writer : writers) {
        failures.addAll(writer.get());
      }

      assertExactAfterCatchUp(failures);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void write_fourProcessesAtOnce_everyRecordOnceAndExactCounts() throws Exception {
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    try {
      for (int writer = 0; writer < WRITERS; writer++) {
        Path output = dir.resolve("writer-" + writer + ".log");
        outputs.add(output);
        processes.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(),
                    lake().toString(),
                    Integer.toString(writer))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start());
      }
      List<String> failures = new ArrayList<>();
      for (int writer = 0; writer < WRITERS; writer++) {
        Process process = processes.get(writer);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(outputs.get(writer), StandardCharsets.UTF_8);
        assertThat(finished).as("writer %d finished: %s", writer, log).isTrue();
        assertThat(process.exitValue()).as("writer %d: %s", writer, log).isZero();
        log.lines()
            .filter(line -> line.startsWith("FAILURE "))
            .forEach(line -> failures.add(line.substring("FAILURE ".length())));
      }

      assertExactAfterCatchUp(failures);
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  private void assertExactAfterCatchUp(List<String> failures) {
    runtime.run(TestPipelines.PIPELINE);

    List<String> sent = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      sent.addAll(ConcurrentWriter.lines(writer));
    }
    List<Record> bronze = TableReads.rows(runtime.table(TestPipelines.RAW.id()));
    assertThat(bronze)
        .extracting(row -> row.getField(BronzeTable.PAYLOAD).toString())
        .containsExactlyInAnyOrderElementsOf(sent);

    Set<String> keys = new TreeSet<>();
    int withoutId = 0;
    for (String line : sent) {
      Matcher id = ID.matcher(line);
      if (id.find()) {
        keys.add(id.group(1));
      } else {
        withoutId++;
      }
    }
    List<Record> silver = TableReads.rows(runtime.table(TestPipelines.PEOPLE.id()));
    assertThat(silver)
        .extracting(row -> (String) row.getField("id"))
        .containsExactlyInAnyOrderElementsOf(keys);

    List<Record> quarantine = TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId()));
    assertThat(quarantine).hasSize(withoutId);
    assertThat(
            quarantine.stream()
                .map(
                    row ->
                        row.getField(SilverTable.LINEAGE_BATCH_ID)
                            + " "
                            + row.getField(SilverTable.LINEAGE_COORDINATE))
                .distinct())
        .as("each rejected record quarantined once")
        .hasSize(withoutId);

    assertThat(TableReads.rows(runtime.table(TestPipelines.BY_COUNTRY.id())))
        .extracting(row -> row.getField("people"))
        .containsExactly((long) keys.size());
    assertThat(failures)
        .as("every failure is clean and says what to do")
        .allSatisfy(message -> assertThat(message).contains("run again"));
  }
}
