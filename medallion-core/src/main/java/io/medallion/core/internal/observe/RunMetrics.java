package io.medallion.core.internal.observe;

import io.medallion.Layer;
import io.medallion.core.TableRun;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.TableOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.metrics.CommitReport;
import org.apache.iceberg.metrics.CounterResult;
import org.apache.iceberg.metrics.TimerResult;

/**
 * Records every run on a Micrometer registry: rows per table and kind, table outcomes by status,
 * how long each table and run took, the last mean quality score and quarantine rate per table, runs
 * by status, and (through {@link CommitReports}) each Iceberg commit's duration and attempts.
 * Meters are named {@code medallion.*} and tagged {@code pipeline}, {@code table}, {@code layer}
 * and, where an outcome is counted, {@code status}; see {@code docs/observability.md}.
 *
 * <pre>{@code
 * MedallionRuntime.builder().observer(new RunMetrics(new SimpleMeterRegistry())).build();
 * }</pre>
 */
public final class RunMetrics implements RunObserver {
  /** Rows per table, tagged {@code kind}: read, written, quarantined, dead-lettered, duplicates. */
  private static final String ROWS = "medallion.rows";

  /** Table outcomes per table and status; {@code status="committed"} counts the commits. */
  private static final String COMMITS = "medallion.commits";

  /** How long each table took, from its start to its commit (or failure), per status. */
  private static final String TABLE_DURATION = "medallion.table.duration";

  /** The mean quality score of the rows a silver table scored in its last run. */
  private static final String QUALITY_SCORE = "medallion.quality.score";

  /** The share of rows read that the table's last run quarantined or dead-lettered. */
  private static final String QUARANTINE_RATE = "medallion.quarantine.rate";

  /** Runs per pipeline and status ({@code succeeded}, {@code failed}). */
  private static final String RUNS = "medallion.runs";

  /** How long each run took, per pipeline and status. */
  private static final String RUN_DURATION = "medallion.run.duration";

  /** How long each Iceberg commit took, retries included, per table and operation. */
  private static final String COMMIT_DURATION = "medallion.commit.duration";

  /** How many attempts each Iceberg commit needed, per table and operation. */
  private static final String COMMIT_ATTEMPTS = "medallion.commit.attempts";

  private final MeterRegistry registry;

  /** The values behind this observer's gauges, held here because a gauge holds them weakly. */
  private final Map<GaugeKey, LastValue> gauges = new ConcurrentHashMap<>();

  /**
   * Creates the observer.
   *
   * @param registry where the meters go
   */
  public RunMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void tableFinished(TableOutcome outcome) {
    TableRun counts = outcome.counts();
    Tags table =
        Tags.of(
            "pipeline", outcome.pipeline(),
            "table", outcome.table().toString(),
            "layer", counts.layer().label());
    Tags withStatus = table.and("status", outcome.status().label());
    registry.counter(COMMITS, withStatus).increment();
    registry
        .timer(TABLE_DURATION, withStatus)
        .record(Duration.between(outcome.startedAt(), outcome.endedAt()));
    rows(table, "read", counts.read());
    rows(table, "written", counts.written());
    rows(
        table,
        counts.layer() == Layer.BRONZE ? "dead-lettered" : "quarantined",
        counts.quarantined());
    rows(table, "duplicates", counts.duplicates());
    if (counts.read() > 0) {
      last(QUARANTINE_RATE, table, (double) counts.quarantined() / counts.read());
    }
    outcome.meanScore().ifPresent(score -> last(QUALITY_SCORE, table, score));
  }

  @Override
  public void runFinished(RunFinished run) {
    Tags tags =
        Tags.of("pipeline", run.pipeline(), "status", run.succeeded() ? "succeeded" : "failed");
    registry.counter(RUNS, tags).increment();
    registry.timer(RUN_DURATION, tags).record(Duration.between(run.startedAt(), run.endedAt()));
  }

  /**
   * Records one Iceberg commit's duration and attempts.
   *
   * @param registry where the meters go
   * @param table the table, as the other meters name it (no catalog)
   * @param report the commit's report
   */
  public static void commit(MeterRegistry registry, String table, CommitReport report) {
    Tags tags = Tags.of("table", table, "operation", String.valueOf(report.operation()));
    TimerResult duration = report.commitMetrics().totalDuration();
    if (duration != null) {
      registry.timer(COMMIT_DURATION, tags).record(duration.totalDuration());
    }
    CounterResult attempts = report.commitMetrics().attempts();
    if (attempts != null) {
      registry.summary(COMMIT_ATTEMPTS, tags).record(attempts.value());
    }
  }

  private void rows(Tags table, String kind, long count) {
    registry.counter(ROWS, table.and("kind", kind)).increment(count);
  }

  private void last(String name, Tags tags, double value) {
    gauges
        .computeIfAbsent(
            new GaugeKey(name, tags),
            key -> {
              LastValue holder = new LastValue();
              Gauge.builder(name, holder, LastValue::get).tags(tags).register(registry);
              return holder;
            })
        .set(value);
  }

  private record GaugeKey(String name, Tags tags) {}

  /** A gauge's latest value, written by the run's thread and read by a scrape. */
  private static final class LastValue {
    private volatile double value = Double.NaN;

    double get() {
      return value;
    }

    void set(double next) {
      value = next;
    }
  }
}
