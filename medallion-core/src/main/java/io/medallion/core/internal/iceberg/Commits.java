package io.medallion.core.internal.iceberg;

import io.medallion.core.CommitConflictException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits snapshot updates so that a lost race is retried when that is safe and explained when it
 * is not. Each attempt builds its update afresh from the table as it is now, so the update's own
 * validations (no conflicting files, data files still present) are checked again before it lands:
 * an append whose validations still hold is retried; one whose validations fail throws {@link
 * CommitConflictException}. Every commit carries a commit id in its snapshot summary, so when the
 * catalog cannot tell whether a commit landed ({@link CommitStateUnknownException}), the table's
 * history answers before anything is retried, and a commit never lands twice.
 *
 * <pre>{@code
 * Snapshot landed = Commits.commit(table, () -> {
 *   AppendFiles append = table.newAppend();
 *   files.forEach(append::appendFile);
 *   return append;
 * });
 * }</pre>
 */
public final class Commits {
  /** Snapshot-summary key for the id that tells whether a commit landed. */
  public static final String COMMIT_ID = "medallion.commit-id";

  /** Attempts after Iceberg's own retries ran out or the outcome was unknown and not landed. */
  static final int ATTEMPTS = 10;

  /** The first wait between attempts; it doubles each time, up to {@link #MAX_WAIT_MS}. */
  private static final long FIRST_WAIT_MS = 20;

  private static final long MAX_WAIT_MS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

  private Commits() {}

  /**
   * Commits an update, retrying when the table moved on and the update still validates.
   *
   * @param table the table
   * @param update builds the update against the table as it is now; called once per attempt
   * @return the snapshot the commit made
   * @throws CommitConflictException when another writer's change makes this update invalid, or
   *     every attempt lost
   */
  public static Snapshot commit(Table table, Supplier<? extends SnapshotUpdate<?>> update) {
    String commitId = UUID.randomUUID().toString();
    Long base = currentId(table);
    boolean outcomeUnknown = false;
    for (int attempt = 1; ; attempt++) {
      SnapshotUpdate<?> pending;
      try {
        pending = update.get();
      } catch (RuntimeException refused) {
        // After an unknown outcome, an earlier attempt may have landed since: the update then
        // refuses the table it made (its own rows), and that attempt is the answer.
        Optional<Snapshot> earlier = landedEarlier(outcomeUnknown, table, commitId, base);
        if (earlier.isPresent()) {
          return earlier.get();
        }
        throw refused;
      }
      try {
        pending.set(COMMIT_ID, commitId);
        pending.commit();
        return landed(table, commitId, base).orElseThrow();
      } catch (ValidationException invalid) {
        Optional<Snapshot> earlier = landedEarlier(outcomeUnknown, table, commitId, base);
        if (earlier.isPresent()) {
          return earlier.get();
        }
        throw new CommitConflictException(
            table.name(),
            // Iceberg's message lists every conflicting file: the cause keeps it for the trace.
            "another writer changed what this commit depends on since this run read the table;"
                + " nothing of it was committed, run again to process what is still new",
            invalid);
      } catch (CommitFailedException lost) {
        Optional<Snapshot> earlier = landedEarlier(outcomeUnknown, table, commitId, base);
        if (earlier.isPresent()) {
          return earlier.get();
        }
        if (attempt == ATTEMPTS) {
          throw new CommitConflictException(
              table.name(),
              "other writers committed first "
                  + ATTEMPTS
                  + " times in a row; nothing of this commit was committed, run again when"
                  + " fewer writers commit to it at once, or raise its commit.retry.num-retries",
              lost);
        }
        LOG.info(
            "{}: commit lost to another writer, attempt {} of {}", table.name(), attempt, ATTEMPTS);
        table.refresh();
        backOff(table, attempt);
      } catch (CommitStateUnknownException unknown) {
        outcomeUnknown = true;
        table.refresh();
        Optional<Snapshot> landed = landed(table, commitId, base);
        if (landed.isPresent()) {
          LOG.info("{}: commit outcome was unknown; it landed", table.name());
          return landed.get();
        }
        if (attempt == ATTEMPTS) {
          throw new CommitConflictException(
              table.name(),
              "the catalog could not confirm the commit "
                  + ATTEMPTS
                  + " times and it is not in the table's history; nothing was committed, run"
                  + " again once the catalog answers",
              unknown);
        }
        LOG.warn("{}: commit outcome was unknown and it did not land; retrying", table.name());
        backOff(table, attempt);
      }
    }
  }

  /**
   * Waits a random time up to a bound that doubles with each attempt, so writers that collided do
   * not collide again in step.
   */
  private static void backOff(Table table, int attempt) {
    long bound = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS << Math.min(attempt, 20));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitConflictException(
          table.name(), "interrupted while waiting to retry; nothing was committed", e);
    }
  }

  /** After an unknown outcome, refreshes the table and finds the commit if it landed since. */
  private static Optional<Snapshot> landedEarlier(
      boolean outcomeUnknown, Table table, String commitId, Long base) {
    if (!outcomeUnknown) {
      return Optional.empty();
    }
    table.refresh();
    return landed(table, commitId, base);
  }

  /** Finds the snapshot carrying the commit id among those made since the base snapshot. */
  private static Optional<Snapshot> landed(Table table, String commitId, Long base) {
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return Optional.empty();
    }
    for (Snapshot snapshot : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot)) {
      if (base != null && snapshot.snapshotId() == base) {
        return Optional.empty();
      }
      if (commitId.equals(snapshot.summary().get(COMMIT_ID))) {
        return Optional.of(snapshot);
      }
    }
    return Optional.empty();
  }

  private static Long currentId(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? null : current.snapshotId();
  }
}
