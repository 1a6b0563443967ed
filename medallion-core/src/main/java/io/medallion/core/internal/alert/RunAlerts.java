package io.medallion.core.internal.alert;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.core.alert.Alerting;
import io.medallion.core.internal.audit.AuditBranches;
import io.medallion.core.internal.quality.DatasetRuleEvaluator;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.TableOutcome;
import io.medallion.core.observe.TableStatus;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.Severity;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureReason;
import io.medallion.report.QualityReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The alerts one ended run raises: at most one per condition and table, however many rows or rules
 * are involved; the rows and rules go into the alert's details.
 *
 * <pre>{@code
 * List<Alert> alerts = RunAlerts.of(finished, alerting);
 * }</pre>
 */
public final class RunAlerts {
  /**
   * How a dataset check, or a failed rule named by a quality gate, is told to be an anomaly: only
   * anomaly rules' details name this measure.
   */
  private static final String ANOMALY_MEASURE = DatasetRuleEvaluator.ANOMALY_MEASURE;

  private static final int MAX_DETAILS = 10;
  private static final int MAX_SUMMARY = 300;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final RunFinished run;
  private final Alerting settings;
  private final List<Alert> alerts = new ArrayList<>();

  private RunAlerts(RunFinished run, Alerting settings) {
    this.run = run;
    this.settings = settings;
  }

  /**
   * Evaluates every condition on a run.
   *
   * @param run the ended run
   * @param settings the thresholds and the reports folder
   * @return the alerts, in table order, the run's own failure last
   */
  public static List<Alert> of(RunFinished run, Alerting settings) {
    RunAlerts raised = new RunAlerts(run, settings);
    run.tables().forEach(raised::table);
    run.failure().ifPresent(raised::runFailure);
    return List.copyOf(raised.alerts);
  }

  private void table(TableOutcome outcome) {
    if (outcome.failure().isPresent()) {
      gate(outcome.failure().get()).ifPresent(gate -> gateFailed(outcome.table(), gate));
      return;
    }
    if (outcome.status() == TableStatus.AUDIT_PENDING) {
      add(
          outcome.table(),
          AlertKind.AUDIT_PENDING,
          Severity.CRITICAL,
          "the batch waits on audit branch "
              + AuditBranches.branch(run.runId())
              + ": main is unchanged until the audit is published or discarded",
          outcome.heldBack(),
          reportOf(outcome.table()));
    }
    outcome.report().ifPresent(report -> checksFailed(outcome.table(), report));
    quarantined(outcome);
  }

  private void gateFailed(TableId table, QualityGateException gate) {
    if (gate.failedRows() > 0) {
      add(
          table,
          AlertKind.QUALITY_GATE,
          Severity.CRITICAL,
          gate.failedRows()
              + " rows fell below the quality policy, which fails the batch: nothing was committed",
          gate.samples(),
          null);
      return;
    }
    failedRules(
        table, Severity.CRITICAL, " failed the batch: nothing was committed", gate.samples(), null);
  }

  private void checksFailed(TableId table, QualityReport report) {
    List<String> failed = new ArrayList<>();
    for (DatasetCheck check : report.datasetChecks()) {
      // A failed check that fails the batch threw, or holds an audited batch back: alerted above.
      if (!check.passed() && !check.failsBatch()) {
        failed.add(check.name() + ": " + check.detail() + " (expected " + check.condition() + ")");
      }
    }
    failedRules(
        table, Severity.WARNING, " (warning; the batch was committed)", failed, reportOf(table));
  }

  /**
   * Raises at most one dataset-rule and one anomaly alert for failed rules given as {@code "name:
   * ..."} lines, an anomaly's line naming its measure.
   */
  private void failedRules(
      TableId table, Severity severity, String outcome, List<String> failed, String report) {
    List<String> anomalies =
        failed.stream().filter(line -> line.contains(ANOMALY_MEASURE)).toList();
    List<String> others = failed.stream().filter(line -> !line.contains(ANOMALY_MEASURE)).toList();
    if (!others.isEmpty()) {
      add(table, AlertKind.DATASET_RULE, severity, rules(others) + outcome, others, report);
    }
    if (!anomalies.isEmpty()) {
      add(table, AlertKind.ANOMALY, severity, rules(anomalies) + outcome, anomalies, report);
    }
  }

  private void quarantined(TableOutcome outcome) {
    if (settings.quarantineAbove().isEmpty()) {
      return;
    }
    double limit = settings.quarantineAbove().getAsDouble();
    long rejected = outcome.counts().quarantined();
    long rows = Math.max(outcome.counts().read(), outcome.counts().written() + rejected);
    if (rows == 0 || (double) rejected / rows <= limit) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    outcome
        .report()
        .ifPresent(
            report -> {
              for (FailureReason failure : report.topFailures()) {
                reasons.add(
                    failure.rule() + ": " + failure.reason() + " (" + failure.count() + " rows)");
              }
            });
    add(
        outcome.table(),
        AlertKind.QUARANTINE_RATE,
        Severity.WARNING,
        String.format(
            Locale.ROOT,
            "%d of %d rows (%.1f %%) were %s, above the %.1f %% limit",
            rejected,
            rows,
            100.0 * rejected / rows,
            outcome.counts().layer() == Layer.BRONZE ? "dead-lettered" : "quarantined",
            100.0 * limit),
        reasons,
        outcome.report().isPresent() ? reportOf(outcome.table()) : null);
  }

  private void runFailure(Throwable failure) {
    if (gate(failure).isPresent()) {
      return; // the quality gate's own alert says the run stopped there
    }
    TableId failed =
        run.tables().stream()
            .filter(outcome -> outcome.failure().isPresent())
            .map(TableOutcome::table)
            .findFirst()
            .orElse(null);
    List<String> causes = new ArrayList<>();
    for (Throwable t = failure; t != null && causes.size() < 5; t = t.getCause()) {
      causes.add(t.getClass().getName() + ": " + oneLine(String.valueOf(t.getMessage())));
    }
    add(
        failed,
        AlertKind.RUN_FAILED,
        Severity.CRITICAL,
        "the run failed: " + oneLine(String.valueOf(failure.getMessage())),
        causes,
        null);
  }

  private void add(
      TableId table,
      AlertKind kind,
      Severity severity,
      String summary,
      List<String> details,
      String report) {
    List<String> kept = new ArrayList<>(details.subList(0, Math.min(MAX_DETAILS, details.size())));
    if (details.size() > MAX_DETAILS) {
      kept.add("... and " + (details.size() - MAX_DETAILS) + " more");
    }
    alerts.add(
        new Alert(
            run.runId(),
            run.pipeline(),
            Optional.ofNullable(table),
            kind,
            severity,
            oneLine(summary),
            kept,
            Optional.ofNullable(report),
            run.endedAt()));
  }

  private String reportOf(TableId table) {
    return settings.reportOf(table).map(Path::toString).orElse(null);
  }

  /** "1 dataset rule" or "3 dataset rules" and their names, from "name: detail" lines. */
  private static String rules(List<String> failed) {
    List<String> names = failed.stream().map(line -> line.substring(0, nameEnd(line))).toList();
    return names.size() + (names.size() == 1 ? " dataset rule" : " dataset rules") + " " + names;
  }

  private static int nameEnd(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? line.length() : colon;
  }

  private static Optional<QualityGateException> gate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof QualityGateException gate) {
        return Optional.of(gate);
      }
    }
    return Optional.empty();
  }

  private static String oneLine(String text) {
    String line = WHITESPACE.matcher(text).replaceAll(" ").strip();
    return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY) + " ...";
  }
}
