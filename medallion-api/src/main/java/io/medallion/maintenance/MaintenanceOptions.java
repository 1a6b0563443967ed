package io.medallion.maintenance;

import io.medallion.Problems;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a maintenance pass may do to a pipeline's tables: expire old snapshots, remove files that no
 * snapshot references, and rewrite small data files into larger ones. Snapshots that a downstream
 * table still needs to resume incrementally are always kept, whatever their age.
 *
 * <pre>{@code
 * MaintenanceOptions options =
 *     MaintenanceOptions.builder()
 *         .expireSnapshotsOlderThan(Duration.ofDays(7))
 *         .orphanFilesOlderThan(Duration.ofDays(3))
 *         .dryRun(true)
 *         .build();
 * }</pre>
 *
 * @param expireSnapshotsOlderThan snapshots older than this may be expired
 * @param retainLastSnapshots the newest snapshots of each table that are always kept
 * @param orphanFilesOlderThan unreferenced files younger than this are left alone, since a writer
 *     may be about to commit them
 * @param smallFileBytes data files under this size are candidates for compaction; 0 turns
 *     compaction off
 * @param minFilesToCompact compaction starts only when a partition has at least this many small
 *     files
 * @param dryRun report what would be done without changing anything
 */
public record MaintenanceOptions(
    Duration expireSnapshotsOlderThan,
    int retainLastSnapshots,
    Duration orphanFilesOlderThan,
    long smallFileBytes,
    int minFilesToCompact,
    boolean dryRun) {

  /** Snapshots are kept a week by default, as Iceberg's own maintenance actions suggest. */
  public static final Duration DEFAULT_SNAPSHOT_AGE = Duration.ofDays(7);

  /** Unreferenced files younger than three days may belong to a commit in progress. */
  public static final Duration DEFAULT_ORPHAN_AGE = Duration.ofDays(3);

  /** Files under 32 MiB are worth merging. */
  public static final long DEFAULT_SMALL_FILE_BYTES = 32L * 1024 * 1024;

  /**
   * Validates the options.
   *
   * @param expireSnapshotsOlderThan snapshot age
   * @param retainLastSnapshots snapshots always kept
   * @param orphanFilesOlderThan orphan age
   * @param smallFileBytes small file size
   * @param minFilesToCompact files per partition before compacting
   * @param dryRun whether nothing is changed
   * @throws NullPointerException when a duration is null
   */
  public MaintenanceOptions {
    Objects.requireNonNull(expireSnapshotsOlderThan, "expireSnapshotsOlderThan");
    Objects.requireNonNull(orphanFilesOlderThan, "orphanFilesOlderThan");
  }

  /**
   * Starts options with the defaults: snapshots kept 7 days and at least the last 5, orphans older
   * than 3 days removed, partitions with 5 or more files under 32 MiB compacted.
   *
   * <pre>{@code
   * MaintenanceOptions defaults = MaintenanceOptions.builder().build();
   * }</pre>
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options, to change some of them.
   *
   * <pre>{@code
   * MaintenanceOptions real = dryRun.toBuilder().dryRun(false).build();
   * }</pre>
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.expireSnapshotsOlderThan = expireSnapshotsOlderThan;
    builder.retainLastSnapshots = retainLastSnapshots;
    builder.orphanFilesOlderThan = orphanFilesOlderThan;
    builder.smallFileBytes = smallFileBytes;
    builder.minFilesToCompact = minFilesToCompact;
    builder.dryRun = dryRun;
    return builder;
  }

  /** Builds {@link MaintenanceOptions}; each setting may be given once. */
  public static final class Builder {
    private final Set<String> given = new HashSet<>();
    private final Problems problems = new Problems();
    private Duration expireSnapshotsOlderThan = DEFAULT_SNAPSHOT_AGE;
    private int retainLastSnapshots = 5;
    private Duration orphanFilesOlderThan = DEFAULT_ORPHAN_AGE;
    private long smallFileBytes = DEFAULT_SMALL_FILE_BYTES;
    private int minFilesToCompact = 5;
    private boolean dryRun;

    private Builder() {}

    private void once(String setting) {
      problems.check(given.add(setting), setting + " is set twice: give it once");
    }

    /**
     * Sets how old a snapshot must be before it may be expired.
     *
     * @param age at least zero
     * @return this builder
     */
    public Builder expireSnapshotsOlderThan(Duration age) {
      once("expireSnapshotsOlderThan");
      this.expireSnapshotsOlderThan = age;
      return this;
    }

    /**
     * Sets how many of each table's newest snapshots are always kept.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder retainLastSnapshots(int count) {
      once("retainLastSnapshots");
      this.retainLastSnapshots = count;
      return this;
    }

    /**
     * Sets how old an unreferenced file must be before it is removed.
     *
     * @param age at least zero
     * @return this builder
     */
    public Builder orphanFilesOlderThan(Duration age) {
      once("orphanFilesOlderThan");
      this.orphanFilesOlderThan = age;
      return this;
    }

    /**
     * Sets the size under which data files are merged; 0 turns compaction off.
     *
     * @param bytes at least zero
     * @return this builder
     */
    public Builder smallFileBytes(long bytes) {
      once("smallFileBytes");
      this.smallFileBytes = bytes;
      return this;
    }

    /**
     * Sets how many small files a partition needs before they are merged.
     *
     * @param count at least 2
     * @return this builder
     */
    public Builder minFilesToCompact(int count) {
      once("minFilesToCompact");
      this.minFilesToCompact = count;
      return this;
    }

    /**
     * Sets whether to only report what would be done.
     *
     * @param reportOnly true to change nothing
     * @return this builder
     */
    public Builder dryRun(boolean reportOnly) {
      once("dryRun");
      this.dryRun = reportOnly;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws io.medallion.ValidationException listing every invalid or repeated setting
     */
    public MaintenanceOptions build() {
      Problems all = new Problems();
      all.addAll(problems.messages());
      all.check(
          expireSnapshotsOlderThan != null && !expireSnapshotsOlderThan.isNegative(),
          "expireSnapshotsOlderThan must be zero or more, got " + expireSnapshotsOlderThan);
      all.check(
          orphanFilesOlderThan != null && !orphanFilesOlderThan.isNegative(),
          "orphanFilesOlderThan must be zero or more, got " + orphanFilesOlderThan);
      all.check(
          retainLastSnapshots >= 1,
          "retainLastSnapshots must be at least 1, got " + retainLastSnapshots);
      all.check(smallFileBytes >= 0, "smallFileBytes must be zero or more, got " + smallFileBytes);
      all.check(
          minFilesToCompact >= 2, "minFilesToCompact must be at least 2, got " + minFilesToCompact);
      all.throwIfAny("maintenance options");
      return new MaintenanceOptions(
          expireSnapshotsOlderThan,
          retainLastSnapshots,
          orphanFilesOlderThan,
          smallFileBytes,
          minFilesToCompact,
          dryRun);
    }
  }
}
