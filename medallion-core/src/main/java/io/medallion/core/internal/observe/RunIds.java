package io.medallion.core.internal.observe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by start time and stay unique across processes starting in the same second. */
public final class RunIds {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunIds() {}

  /**
   * Makes the id of a run.
   *
   * <pre>{@code
   * RunIds.next(Instant.parse("2026-12-03T17:49:00Z")); // "20261203T174900Z-3f2a9c1d"
   * }</pre>
   *
   * @param startedAt when the run started
   * @return the start second in UTC, a dash and 8 random hex digits
   */
  public static String next(Instant startedAt) {
    return SECONDS.format(startedAt)
        + "-"
        + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }
}
