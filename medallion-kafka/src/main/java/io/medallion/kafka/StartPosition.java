package io.medallion.kafka;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a stream starts reading a partition that its bronze table has recorded no offset for: a new
 * table, or a partition added to the topic. Once a table records an offset, the stream always
 * resumes from it.
 *
 * <pre>{@code
 * StartPosition.earliest();
 * StartPosition.at(Instant.parse("2026-12-01T00:00:00Z"));
 * }</pre>
 */
public sealed interface StartPosition {
  /**
   * The oldest message the topic still holds.
   *
   * @return the position
   */
  static StartPosition earliest() {
    return Earliest.INSTANCE;
  }

  /**
   * Only messages produced after the stream first starts.
   *
   * @return the position
   */
  static StartPosition latest() {
    return Latest.INSTANCE;
  }

  /**
   * The first message whose timestamp is at or after an instant (the end when there is none).
   *
   * @param instant the instant
   * @return the position
   */
  static StartPosition at(Instant instant) {
    return new AtTimestamp(Objects.requireNonNull(instant, "instant"));
  }

  /** The oldest message the topic still holds. */
  enum Earliest implements StartPosition {
    /** The only value. */
    INSTANCE;

    @Override
    public String toString() {
      return "earliest";
    }
  }

  /** Only messages produced after the stream first starts. */
  enum Latest implements StartPosition {
    /** The only value. */
    INSTANCE;

    @Override
    public String toString() {
      return "latest";
    }
  }

  /**
   * The first message at or after an instant.
   *
   * @param instant the instant
   */
  record AtTimestamp(Instant instant) implements StartPosition {
    @Override
    public String toString() {
      return "timestamp " + instant;
    }
  }
}
