package io.medallion.core.alert;

import io.medallion.Problems;
import io.medallion.TableId;
import io.medallion.core.report.ReportFiles;
import io.medallion.core.spi.AlertSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a runtime alerts on and where the alerts go. Every run is checked when it ends: a quality
 * gate that failed a batch, failed dataset rules, anomalies against the metrics history, a run that
 * failed, and (when set) a quarantined share above a limit; each condition raises one alert per
 * table and run, sent to every sink in order.
 *
 * <pre>{@code
 * Alerting alerting =
 *     Alerting.builder(new LogAlertSink(), new FileAlertSink(lake.resolve("alerts.jsonl")))
 *         .quarantineAbove(0.05)
 *         .reportsAt(lake.resolve("reports"))
 *         .build();
 * MedallionRuntime.builder().lake(lake).alerts(alerting).build();
 * }</pre>
 *
 * <p>A runtime with a run log (the default) also records every alert in the lake's alert log,
 * {@link io.medallion.core.spi.Alert#TABLE}, read back with {@code runtime.alerts(query)} and
 * listed by the HTML report; {@link #builder()} with no sinks sets only the conditions.
 *
 * @param sinks where alerts go besides the alert log; none for the alert log only
 * @param quarantineAbove the share of a batch's rows, in (0, 1], whose quarantining raises an
 *     alert; empty for no such alert
 * @param reports the folder the application writes quality reports to, one sub-folder per table as
 *     {@link ReportFiles} and the CLI do; alerts then name the table's {@code report.html}
 */
public record Alerting(
    List<AlertSink> sinks, OptionalDouble quarantineAbove, Optional<Path> reports) {

  /**
   * Checks and copies the values.
   *
   * @param sinks the sinks
   * @param quarantineAbove the quarantine share
   * @param reports the reports folder
   * @throws io.medallion.ValidationException listing every problem
   */
  public Alerting {
    sinks = List.copyOf(sinks);
    Objects.requireNonNull(quarantineAbove, "quarantineAbove");
    Objects.requireNonNull(reports, "reports");
    Problems problems = new Problems();
    quarantineAbove.ifPresent(
        share ->
            problems.check(
                share > 0 && share <= 1,
                "quarantineAbove must be a share in (0, 1], got " + share));
    problems.throwIfAny("alerting");
  }

  /**
   * Starts a configuration whose alerts go to the alert log only: the conditions a runtime checks
   * when no alerting is set, its thresholds then changed with the builder.
   *
   * <pre>{@code
   * MedallionRuntime.builder().alerts(Alerting.builder().quarantineAbove(0.05).build());
   * }</pre>
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(new ArrayList<>());
  }

  /**
   * Starts a configuration with the sinks alerts go to.
   *
   * <pre>{@code
   * Alerting.builder(new LogAlertSink()).build();
   * }</pre>
   *
   * @param first a sink
   * @param more further sinks
   * @return the builder
   */
  public static Builder builder(AlertSink first, AlertSink... more) {
    List<AlertSink> sinks = new ArrayList<>();
    sinks.add(Objects.requireNonNull(first, "sink"));
    for (AlertSink sink : more) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
    }
    return new Builder(sinks);
  }

  /**
   * Returns where a table's HTML report is, when the reports folder is set.
   *
   * <pre>{@code
   * alerting.reportOf(TableId.of("silver", "users")); // reports/silver.users/report.html
   * }</pre>
   *
   * @param table the table
   * @return the path, empty without a reports folder
   */
  public Optional<Path> reportOf(TableId table) {
    return reports.map(folder -> folder.resolve(table.toString()).resolve(ReportFiles.HTML));
  }

  /**
   * Collects the alerting settings.
   *
   * <pre>{@code
   * Alerting.builder(sink).quarantineAbove(0.1).build();
   * }</pre>
   */
  public static final class Builder {
    private final List<AlertSink> sinks;
    private OptionalDouble quarantineAbove = OptionalDouble.empty();
    private Optional<Path> reports = Optional.empty();

    private Builder(List<AlertSink> sinks) {
      this.sinks = sinks;
    }

    /**
     * Raises an alert when a batch quarantines (or dead-letters) more than a share of its rows.
     *
     * @param share in (0, 1], e.g. 0.05 for 5 %
     * @return this builder
     */
    public Builder quarantineAbove(double share) {
      this.quarantineAbove = OptionalDouble.of(share);
      return this;
    }

    /**
     * Names the folder quality reports are written to, so that alerts carry the report's path.
     *
     * @param folder the folder holding one sub-folder per table, e.g. {@code lakehouse/reports}
     * @return this builder
     */
    public Builder reportsAt(Path folder) {
      this.reports = Optional.of(folder.toAbsolutePath().normalize());
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws io.medallion.ValidationException listing every problem
     */
    public Alerting build() {
      return new Alerting(sinks, quarantineAbove, reports);
    }
  }
}
