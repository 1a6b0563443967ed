package io.medallion.core;

import io.medallion.MedallionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One writer of {@link ConcurrentWritersTest}: appends its records to bronze, then runs the
 * pipeline, retrying whatever failed cleanly. Run as a thread, or as its own process through {@link
 * #main}, which prints each clean failure as a {@code FAILURE} line.
 */
final class ConcurrentWriter {
  static final int RECORDS = 150;
  static final int SHARED_KEYS = 10;
  private static final int ATTEMPTS = 20;

  private ConcurrentWriter() {}

  /**
   * Writes as writer {@code args[1]} into the lake {@code args[0]}.
   *
   * @param args the lake folder and the writer number
   */
  public static void main(String[] args) {
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(Path.of(args[0])).build()) {
      for (String failure : write(runtime, Integer.parseInt(args[1]))) {
        System.out.println("FAILURE " + failure.replace('\n', ' '));
      }
    }
  }

  /**
   * The writer's NDJSON lines: every tenth record has no id (quarantined by a critical rule), every
   * fifth with an id uses a key all writers share, the others a key of this writer only.
   */
  static List<String> lines(int writer) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      String id =
          i % 10 == 0
              ? null
              : i % 5 == 0 ? "shared-" + (i / 5) % SHARED_KEYS : "w" + writer + "-" + i;
      // Every record differs (a rejected one too): identical rejects are stored once by design.
      String updated =
          String.format("2024-01-%02dT00:%02d:%02dZ", writer + 1, (i / 60) % 60, i % 60);
      lines.add(
          "{"
              + (id == null ? "" : "\"id\":\"" + id + "\",")
              + "\"record\":\"w"
              + writer
              + "-"
              + i
              + "\",\"country\":\"CH\",\"updated\":\""
              + updated
              + "\"}");
    }
    return lines;
  }

  /**
   * Ingests the writer's records, then runs the pipeline, each retried after a clean failure.
   *
   * @return the messages of the clean failures met on the way
   */
  static List<String> write(MedallionRuntime runtime, int writer) {
    List<String> failures = new ArrayList<>();
    String[] lines = lines(writer).toArray(String[]::new);
    retry(
        failures,
        () ->
            runtime.ingest(TestPipelines.RAW, EmbeddedLakeTest.ndjson("writer-" + writer, lines)));
    retry(failures, () -> runtime.run(TestPipelines.PIPELINE));
    return failures;
  }

  private static void retry(List<String> failures, Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (MedallionException e) {
        failures.add(e.getMessage());
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
