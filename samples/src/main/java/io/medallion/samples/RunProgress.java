package io.medallion.samples;

import io.medallion.Layer;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.RunStarted;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
import io.medallion.table.TableDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a pipeline run is doing, for a {@link ProgressLine}: the table being processed, records
 * ingested and their rate, and while the input is read, how much of it and how long is left, when
 * its size is known. Fed by the run's observer events on the run's threads, read by the ticker.
 *
 * <pre>{@code
 * RunProgress progress = new RunProgress(raw.id(), pipeline);
 * MedallionRuntime.builder().observer(progress);
 * progress.reading(counted);
 * progress.line(Duration.ofSeconds(4)); // "bronze.raw: 8000 records, 2000 records/s, 50% of ..."
 * }</pre>
 */
final class RunProgress implements RunObserver {
  private final List<TableId> order;
  private final AtomicLong records = new AtomicLong();
  private volatile int done;
  private volatile CountedSource input;
  private volatile String runId;
  private final Set<TableId> pendingAudits = ConcurrentHashMap.newKeySet();

  /**
   * Follows runs that ingest a bronze table and then bring a pipeline's tables up to date.
   *
   * @param ingested the bronze table ingested first
   * @param pipeline the pipeline, whose other tables run in its order
   */
  RunProgress(TableId ingested, Pipeline pipeline) {
    List<TableId> stages = new ArrayList<>(List.of(ingested));
    pipeline.tables().stream()
        .filter(table -> table.layer() != Layer.BRONZE)
        .map(TableDefinition::id)
        .forEach(stages::add);
    this.order = List.copyOf(stages);
  }

  /**
   * Sets the input being ingested, whose bytes tell how far the ingestion is.
   *
   * @param counted the input
   */
  void reading(CountedSource counted) {
    input = counted;
  }

  /**
   * Returns the id of the run started last, known from its start on, so a failed run has one too.
   *
   * @return the run id, empty before a run started
   */
  Optional<String> runId() {
    return Optional.ofNullable(runId);
  }

  /**
   * Returns the tables the last run left pending on an audit branch.
   *
   * @return the tables, in no order
   */
  Set<TableId> pendingAudits() {
    return Set.copyOf(pendingAudits);
  }

  @Override
  public void runStarted(RunStarted run) {
    records.set(0);
    done = 0;
    runId = run.runId();
    pendingAudits.clear();
  }

  @Override
  public void recordsIngested(TableId table, long count) {
    records.set(count);
  }

  @Override
  public void tableFinished(TableOutcome outcome) {
    if (outcome.status() == TableStatus.AUDIT_PENDING) {
      pendingAudits.add(outcome.table());
    }
    if (outcome.counts().layer() == Layer.BRONZE) {
      records.set(outcome.counts().written());
    }
    int stage = order.indexOf(outcome.table());
    if (stage >= 0) {
      done = stage + 1;
    }
  }

  /**
   * Describes the run so far.
   *
   * @param elapsed time since the run started
   * @return e.g. {@code "bronze.raw: 8000 records, 2000 records/s, 50% of 4.0 MiB read, ETA 4 s"}
   */
  String line(Duration elapsed) {
    int stage = done;
    long count = records.get();
    double seconds = Math.max(1e-3, elapsed.toMillis() / 1000.0);
    StringBuilder line =
        new StringBuilder()
            .append(stage < order.size() ? order.get(stage).toString() : "finishing")
            .append(": ")
            .append(count)
            .append(" records, ")
            .append(String.format(Locale.ROOT, "%.0f", count / seconds))
            .append(" records/s");
    CountedSource counted = input;
    OptionalLong total = counted == null ? OptionalLong.empty() : counted.totalBytes();
    if (stage == 0 && total.isPresent() && total.getAsLong() > 0) {
      long read = Math.min(counted.bytesRead(), total.getAsLong());
      line.append(
          String.format(
              Locale.ROOT,
              ", %d%% of %s read",
              read * 100 / total.getAsLong(),
              mebibytes(total.getAsLong())));
      if (read > 0) {
        long left = (long) Math.ceil(seconds * (total.getAsLong() - read) / read);
        line.append(", ETA ").append(left).append(" s");
      }
    }
    return line.toString();
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
