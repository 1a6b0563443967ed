package io.medallion.read;

import java.time.Instant;
import java.util.Objects;

/**
 * The version of a table a read sees: the current one, a snapshot by id, the snapshot that was
 * current at an instant, or the head of a branch or tag.
 *
 * <pre>{@code
 * AsOf lastWeek = AsOf.time(Instant.now().minus(Duration.ofDays(7)));
 * }</pre>
 */
public sealed interface AsOf permits AsOf.Current, AsOf.Snapshot, AsOf.Time, AsOf.Ref {

  /**
   * The current snapshot.
   *
   * @return the default point in time
   */
  static AsOf current() {
    return new Current();
  }

  /**
   * A snapshot by id.
   *
   * @param id the snapshot id, as {@code history} lists it
   * @return the point in time
   */
  static AsOf snapshot(long id) {
    return new Snapshot(id);
  }

  /**
   * The snapshot that was current at an instant.
   *
   * @param instant the instant
   * @return the point in time
   */
  static AsOf time(Instant instant) {
    return new Time(instant);
  }

  /**
   * The head of a branch or tag.
   *
   * @param name the branch or tag, e.g. {@code "main"}
   * @return the point in time
   */
  static AsOf ref(String name) {
    return new Ref(name);
  }

  /** The table's current snapshot. */
  record Current() implements AsOf {
    @Override
    public String toString() {
      return "current";
    }
  }

  /**
   * A snapshot by id.
   *
   * @param id the snapshot id
   */
  record Snapshot(long id) implements AsOf {
    @Override
    public String toString() {
      return "snapshot " + id;
    }
  }

  /**
   * The snapshot current at an instant.
   *
   * @param instant the instant
   */
  record Time(Instant instant) implements AsOf {
    /**
     * Validates the instant.
     *
     * @param instant the instant
     */
    public Time {
      Objects.requireNonNull(instant, "instant");
    }

    @Override
    public String toString() {
      return "time " + instant;
    }
  }

  /**
   * A branch or tag.
   *
   * @param name the reference's name
   */
  record Ref(String name) implements AsOf {
    /**
     * Validates the name.
     *
     * @param name the reference's name
     * @throws IllegalArgumentException when it is blank
     */
    public Ref {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A branch or tag name must not be blank");
      }
    }

    @Override
    public String toString() {
      return "ref " + name;
    }
  }
}
