package io.medallion.kafka;

import io.medallion.TableId;
import io.medallion.core.TableRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a stream has done since it started, for a progress line or metrics.
 *
 * <pre>{@code
 * StreamProgress progress = ingestion.progress();
 * progress.lag().get(TableId.of("silver", "users")); // PT2.4S
 * }</pre>
 *
 * @param records records committed to bronze
 * @param deadLetters dead letters committed
 * @param commits bronze commits
 * @param recordsPerSecond records committed per second since the stream started
 * @param lag per table: the time between now and the newest Kafka timestamp the table holds: what
 *     bronze committed, or what bronze held when silver and gold last ran; it grows while the
 *     stream stalls
 * @param downstreamRuns how many times the pipeline's silver and gold tables ran
 * @param tables what the stream did to each table since it started, bronze first: its runs added up
 *     as {@link TableRun#plus} adds them, each with the last snapshot committed
 */
public record StreamProgress(
    long records,
    long deadLetters,
    long commits,
    double recordsPerSecond,
    Map<TableId, Duration> lag,
    long downstreamRuns,
    List<TableRun> tables) {

  /**
   * Copies the lag map.
   *
   * @param records records committed to bronze
   * @param deadLetters dead letters committed
   * @param commits bronze commits
   * @param recordsPerSecond records per second
   * @param lag per-table lag
   * @param downstreamRuns silver and gold runs
   * @param tables the runs per table
   */
  public StreamProgress {
    lag = Map.copyOf(lag);
    tables = List.copyOf(tables);
  }

  @Override
  public String toString() {
    StringBuilder line =
        new StringBuilder()
            .append(records)
            .append(" records, ")
            .append(deadLetters)
            .append(" dead letters, ")
            .append(commits)
            .append(" commits, ")
            .append(String.format(java.util.Locale.ROOT, "%.0f", recordsPerSecond))
            .append(" records/s");
    lag.forEach(
        (table, behind) ->
            line.append(", ")
                .append(table)
                .append(" lag ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", behind.toMillis() / 1000.0))
                .append(" s"));
    return line.toString();
  }
}
