package io.medallion.core.report;

import io.medallion.TableId;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.TableStatus;
import io.medallion.core.spi.Alert;
import io.medallion.quality.Dimension;
import io.medallion.quality.Severity;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureReason;
import io.medallion.report.FailureSample;
import io.medallion.report.QualityReport;
import io.medallion.report.RowCounts;
import io.medallion.report.RuleStats;
import io.medallion.report.ScoreDistribution;
import io.medallion.report.TrendPoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Renders a {@link QualityReport} as one self-contained HTML page: inline CSS, inline SVG charts
 * (score distribution, rule pass rates, average score over runs), no script and no external
 * resource. A Content-Security-Policy forbids every fetch, so the page cannot reach the network
 * even if data smuggled a URL into it; all data text is escaped.
 *
 * <p>Each shown number carries a {@code data-metric} attribute, the same wherever the number
 * appears (card, table or chart), so tools can check the page against the report:
 *
 * <ul>
 *   <li>{@code rows.read}, {@code rows.kept}, {@code rows.quarantined}, {@code
 *       rows.quarantined_share}, {@code rows.duplicates}, {@code batch.failed}, {@code
 *       score.average}
 *   <li>{@code dimension.<label>}, e.g. {@code dimension.validity}
 *   <li>{@code rule.<name>.pass_rate}, {@code rule.<name>.passed}, {@code rule.<name>.failed},
 *       {@code rule.<name>.skipped}, {@code rule.<name>.weight}
 *   <li>{@code distribution.<bucket>}: rows per score bucket, 0 to 9
 *   <li>{@code failure.<rank>.count}: rows per top failure, rank from 1
 *   <li>{@code trend.<i>.rows_read}, {@code trend.<i>.average_score}, {@code
 *       trend.<i>.quarantined_share}, {@code trend.<i>.pass_rate.<rule>}: earlier run {@code i},
 *       oldest is 0; the current run's row reuses the keys above
 *   <li>{@code history.<i>.status}, {@code history.<i>.rows_in}, {@code history.<i>.rows_written},
 *       {@code history.<i>.rows_quarantined}, {@code history.<i>.mean_score}: row {@code i} of the
 *       run history (the table's run log rows), newest is 0
 *   <li>{@code alert.<i>.severity}, {@code alert.<i>.kind}: alert {@code i} raised on the table,
 *       newest is 0
 * </ul>
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.html"), ReportHtml.render(report));
 * }</pre>
 */
public final class ReportHtml {
  private static final String CSS =
      """
      :root { color-scheme: light; --good: #1a7f37; --fair: #b7791f; --poor: #c53030; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 1120px; padding: 24px; color: #1f2328; background: #fff;
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 12px; }
      h3 { font-size: 16px; margin: 20px 0 8px; }
      code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        background: #f3f4f6; padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
      .meta { color: #59636e; margin: 0; }
      .banner { margin: 16px 0; padding: 12px 16px; border-radius: 8px; font-weight: 600;
        background: #fde8e8; color: var(--poor); border: 1px solid #f5b5b5; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr));
        gap: 12px; margin-top: 20px; }
      .card { border: 1px solid #d1d9e0; border-radius: 8px; padding: 12px 14px; }
      .card .label { color: #59636e; font-size: 13px; }
      .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
      table { border-collapse: collapse; width: 100%; margin: 8px 0; }
      th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e5e7eb;
        vertical-align: top; }
      th { background: #f6f8fa; font-weight: 600; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr.current td { font-weight: 600; } td.time { white-space: nowrap; }
      .failed { color: var(--poor); font-weight: 600; }
      .scroll { overflow-x: auto; }
      .empty { color: #59636e; font-style: italic; }
      figure { margin: 8px 0; overflow-x: auto; }
      svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
      svg .value { font-weight: 600; fill: #1f2328; } svg .tick, svg .axis { fill: #59636e; }
      svg .label { fill: #1f2328; } svg .track { fill: #eef1f4; }
      svg .good { fill: var(--good); } svg .fair { fill: var(--fair); } svg .poor { fill: var(--poor); }
      svg .grid { stroke: #e5e7eb; } svg .axis-line { stroke: #8c959f; }
      svg .series { fill: none; stroke: #0969da; stroke-width: 2; }
      svg circle { fill: #0969da; } svg circle.current { fill: #fff; stroke: #0969da; stroke-width: 3; }
      footer { margin-top: 40px; color: #59636e; font-size: 13px; }
      """;

  private ReportHtml() {}

  /**
   * Renders the page.
   *
   * <pre>{@code
   * String html = ReportHtml.render(report);
   * }</pre>
   *
   * @param report the report
   * @return the HTML document
   */
  public static String render(QualityReport report) {
    return render(report, RunHistory.NONE);
  }

  /**
   * Renders the page with the table's history: a "Run history" section listing its run log rows
   * (status, rows, mean score and error of each recent run) and an "Alerts" section listing the
   * alerts raised on it, newest first, each with its details.
   *
   * <pre>{@code
   * RunLogQuery recent = RunLogQuery.builder().table(users).last(10).build();
   * String html =
   *     ReportHtml.render(report, new RunHistory(runtime.runs(recent), runtime.alerts(recent)));
   * }</pre>
   *
   * @param report the report
   * @param history the table's run log rows and alerts; {@link RunHistory#NONE} leaves both
   *     sections out
   * @return the HTML document
   */
  public static String render(QualityReport report, RunHistory history) {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">\n")
        .append("<title>Quality report: ")
        .append(Html.escape(report.table()))
        .append(" (")
        .append(Html.escape(report.runId()))
        .append(")</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(html, report);
    cards(html, report);
    dimensions(html, report);
    distribution(html, report.distribution());
    rules(html, report.rules());
    datasetChecks(html, report.datasetChecks());
    failures(html, report.topFailures());
    trend(html, report);
    runHistory(html, history.runs());
    if (!history.isEmpty()) {
      alerts(html, history.alerts());
    }
    html.append("<footer>Generated by medallion for run <code>")
        .append(Html.escape(report.runId()))
        .append("</code>.</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, QualityReport report) {
    html.append("<header>\n<h1>Quality report <code>")
        .append(Html.escape(report.table()))
        .append("</code></h1>\n<p class=\"meta\">Run <code>")
        .append(Html.escape(report.runId()))
        .append("</code> at ")
        .append(ReportFormat.time(report.runAt()))
        .append("</p>\n");
    report
        .referenceLists()
        .forEach(
            (purpose, source) ->
                html.append("<p class=\"meta\">Checked against ")
                    .append(Html.escape(purpose))
                    .append(": ")
                    .append(Html.escape(source))
                    .append("</p>\n"));
    html.append("</header>\n");
    if (report.rows().failedBatch()) {
      html.append("<p class=\"banner\">The quality gate failed this batch: nothing was")
          .append(" committed.</p>\n");
    }
  }

  private static void cards(StringBuilder html, QualityReport report) {
    RowCounts rows = report.rows();
    html.append("<section class=\"cards\">\n");
    card(html, "Rows read", "rows.read", ReportFormat.count(rows.read()));
    card(html, "Rows kept", "rows.kept", ReportFormat.count(rows.kept()));
    card(html, "Rows quarantined", "rows.quarantined", ReportFormat.count(rows.quarantined()));
    card(
        html,
        "Quarantined share",
        "rows.quarantined_share",
        ReportFormat.percent(rows.quarantinedShare()));
    card(html, "Duplicates", "rows.duplicates", ReportFormat.count(rows.duplicates()));
    card(html, "Average score", "score.average", ReportFormat.score(report.averageScore()));
    card(html, "Batch failed", "batch.failed", ReportFormat.yesNo(rows.failedBatch()));
    html.append("</section>\n");
  }

  private static void card(StringBuilder html, String label, String metric, String value) {
    html.append("<div class=\"card\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\" ")
        .append(metric(metric))
        .append('>')
        .append(Html.escape(value))
        .append("</div></div>\n");
  }

  private static void dimensions(StringBuilder html, QualityReport report) {
    html.append("<section>\n<h2>Dimensions</h2>\n<table>\n")
        .append("<tr><th>dimension</th><th class=\"num\">average score</th></tr>\n");
    for (Dimension dimension : Dimension.values()) {
      html.append("<tr><td>").append(dimension.label()).append("</td>");
      cell(
          html,
          "dimension." + dimension.label(),
          ReportFormat.score(report.dimensionScore(dimension)));
      html.append("</tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void distribution(StringBuilder html, ScoreDistribution distribution) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (int i = 0; i < ScoreDistribution.BUCKETS; i++) {
      long count = distribution.counts().get(i);
      String text = ReportFormat.count(count);
      bars.add(
          new SvgCharts.Bar(
              String.format(Locale.ROOT, "%.1f", ScoreDistribution.lowerBound(i)),
              ScoreDistribution.label(i) + ": " + text + " rows",
              count,
              text,
              "distribution." + i));
    }
    html.append("<section>\n<h2>Score distribution</h2>\n<figure>")
        .append(SvgCharts.columns("Rows per score bucket", bars, "row score (bucket start)"))
        .append("</figure>\n<table>\n<tr><th>score</th><th class=\"num\">rows</th></tr>\n");
    for (int i = 0; i < ScoreDistribution.BUCKETS; i++) {
      html.append("<tr><td>").append(ScoreDistribution.label(i)).append("</td>");
      cell(html, "distribution." + i, bars.get(i).text());
      html.append("</tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void rules(StringBuilder html, List<RuleStats> rules) {
    html.append("<section>\n<h2>Rules</h2>\n");
    if (rules.isEmpty()) {
      html.append("<p class=\"empty\">No rules.</p>\n</section>\n");
      return;
    }
    List<RuleStats> ordered = ReportOrder.byPassRate(rules);
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (RuleStats rule : ordered) {
      String rate = ReportFormat.percent(rule.passRate());
      bars.add(
          new SvgCharts.Bar(
              rule.name(),
              rule.name() + ": " + rate + " of " + ReportFormat.count(rule.applicable()) + " rows",
              rule.passRate().orElse(0),
              rate,
              "rule." + rule.name() + ".pass_rate"));
    }
    html.append("<p class=\"meta\">Pass rate = passed / (passed + failed), worst first.</p>\n")
        .append("<figure>")
        .append(SvgCharts.shareBars("Pass rate per rule", bars))
        .append("</figure>\n<table>\n<tr><th>rule</th><th>dimension</th><th>severity</th>")
        .append("<th class=\"num\">weight</th><th class=\"num\">passed</th>")
        .append("<th class=\"num\">failed</th><th class=\"num\">skipped</th>")
        .append("<th class=\"num\">pass rate</th></tr>\n");
    for (RuleStats rule : ordered) {
      String key = "rule." + rule.name();
      html.append("<tr><td><code>")
          .append(Html.escape(rule.name()))
          .append("</code></td><td>")
          .append(rule.dimension().label())
          .append("</td><td>")
          .append(Html.escape(rule.severity()))
          .append("</td>");
      cell(html, key + ".weight", ReportFormat.weight(rule.weight()));
      cell(html, key + ".passed", ReportFormat.count(rule.passed()));
      cell(html, key + ".failed", ReportFormat.count(rule.failed()));
      cell(html, key + ".skipped", ReportFormat.count(rule.skipped()));
      cell(html, key + ".pass_rate", ReportFormat.percent(rule.passRate()));
      html.append("</tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void datasetChecks(StringBuilder html, List<DatasetCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Dataset rules</h2>\n<table>\n")
        .append("<tr><th>rule</th><th>outcome</th><th>measured</th><th>on failure</th></tr>\n");
    for (DatasetCheck check : checks) {
      html.append("<tr><td><code>")
          .append(Html.escape(check.name()))
          .append("</code></td><td>")
          .append(check.passed() ? "passed" : "<strong>FAILED</strong>")
          .append("</td><td>")
          .append(Html.escape(check.detail()))
          .append("</td><td>")
          .append(check.failsBatch() ? "fails the batch" : "warns")
          .append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void failures(StringBuilder html, List<FailureReason> failures) {
    html.append("<section>\n<h2>Top failures</h2>\n");
    if (failures.isEmpty()) {
      html.append("<p class=\"empty\">No failures.</p>\n");
    }
    for (int i = 0; i < failures.size(); i++) {
      FailureReason failure = failures.get(i);
      html.append("<h3>")
          .append(i + 1)
          .append(". <code>")
          .append(Html.escape(failure.rule()))
          .append("</code>: <span ")
          .append(metric("failure." + (i + 1) + ".count"))
          .append('>')
          .append(ReportFormat.count(failure.count()))
          .append("</span> ")
          .append(failure.count() == 1 ? "row" : "rows")
          .append("</h3>\n<p>Reason: <code>")
          .append(Html.escape(failure.reason()))
          .append("</code></p>\n");
      samples(html, failure.samples());
    }
    html.append("</section>\n");
  }

  private static void samples(StringBuilder html, List<FailureSample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    Set<String> columns = new LinkedHashSet<>();
    samples.forEach(sample -> columns.addAll(sample.values().keySet()));
    html.append("<div class=\"scroll\"><table>\n<tr><th>source</th>");
    columns.forEach(column -> html.append("<th>").append(Html.escape(column)).append("</th>"));
    html.append("</tr>\n");
    for (FailureSample sample : samples) {
      html.append("<tr><td><code>")
          .append(Html.escape(sample.sourceCoordinate()))
          .append("</code></td>");
      for (String column : columns) {
        String value = sample.values().get(column);
        html.append("<td>")
            .append(value == null ? "" : "<code>" + Html.escape(value) + "</code>")
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private static void trend(StringBuilder html, QualityReport report) {
    html.append("<section>\n<h2>Trend</h2>\n");
    if (report.pastRuns().isEmpty()) {
      html.append("<p class=\"empty\">No earlier runs recorded.</p>\n</section>\n");
      return;
    }
    List<TrendPoint> points = new ArrayList<>(report.pastRuns());
    points.add(TrendPoint.of(report));
    int current = points.size() - 1;
    List<SvgCharts.Point> line = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      TrendPoint point = points.get(i);
      String score = ReportFormat.score(point.averageScore());
      line.add(
          new SvgCharts.Point(
              ReportFormat.date(point.runAt()),
              ReportFormat.time(point.runAt()) + ": average score " + score,
              point.averageScore(),
              score,
              i == current ? "score.average" : "trend." + i + ".average_score"));
    }
    html.append("<p class=\"meta\">Average score per run; the hollow point is this run.</p>\n")
        .append("<figure>")
        .append(SvgCharts.line("Average score per run", line))
        .append("</figure>\n<div class=\"scroll\"><table>\n<tr><th>run at</th>")
        .append("<th class=\"num\">rows read</th>")
        .append("<th class=\"num\">average score</th><th class=\"num\">quarantined</th>");
    for (RuleStats rule : report.rules()) {
      html.append("<th class=\"num\"><code>")
          .append(Html.escape(rule.name()))
          .append("</code></th>");
    }
    html.append("</tr>\n");
    for (int i = 0; i < points.size(); i++) {
      TrendPoint point = points.get(i);
      boolean now = i == current;
      String key = "trend." + i + ".";
      html.append(now ? "<tr class=\"current\"><td class=\"time\">" : "<tr><td class=\"time\">")
          .append(ReportFormat.time(point.runAt()))
          .append(now ? " (this run)" : "")
          .append("</td>");
      cell(html, now ? "rows.read" : key + "rows_read", ReportFormat.count(point.rowsRead()));
      cell(html, now ? "score.average" : key + "average_score", line.get(i).text());
      cell(
          html,
          now ? "rows.quarantined_share" : key + "quarantined_share",
          ReportFormat.percent(point.quarantinedShare()));
      for (RuleStats rule : report.rules()) {
        Double rate = point.rulePassRates().get(rule.name());
        cell(
            html,
            now ? "rule." + rule.name() + ".pass_rate" : key + "pass_rate." + rule.name(),
            ReportFormat.percent(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate)));
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n</section>\n");
  }

  private static void runHistory(StringBuilder html, List<RunLogEntry> history) {
    if (history.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Run history</h2>\n<p class=\"meta\">The newest runs of ")
        .append(Html.escape(history.get(0).table().map(TableId::toString).orElse("the table")))
        .append(" in the run log, newest first.</p>\n<div class=\"scroll\"><table>\n")
        .append("<tr><th>run</th><th>started at</th><th>status</th>")
        .append("<th class=\"num\">rows in</th><th class=\"num\">written</th>")
        .append("<th class=\"num\">quarantined</th><th class=\"num\">mean score</th>")
        .append("<th>error</th></tr>\n");
    for (int i = 0; i < history.size(); i++) {
      RunLogEntry run = history.get(i);
      String key = "history." + i + ".";
      html.append("<tr><td><code>")
          .append(Html.escape(run.runId()))
          .append("</code></td><td class=\"time\">")
          .append(ReportFormat.time(run.startedAt()))
          .append("</td>");
      marked(html, run.status() == TableStatus.FAILED, key + "status", run.status().label());
      cell(html, key + "rows_in", ReportFormat.count(run.rowsIn()));
      cell(html, key + "rows_written", ReportFormat.count(run.rowsWritten()));
      cell(html, key + "rows_quarantined", ReportFormat.count(run.rowsQuarantined()));
      cell(html, key + "mean_score", ReportFormat.score(run.meanQualityScore()));
      html.append("<td>")
          .append(
              run.errorMessage()
                  .map(message -> "<code>" + Html.escape(message) + "</code>")
                  .orElse(""))
          .append("</td></tr>\n");
    }
    html.append("</table></div>\n</section>\n");
  }

  private static void alerts(StringBuilder html, List<Alert> alerts) {
    html.append("<section>\n<h2>Alerts</h2>\n");
    if (alerts.isEmpty()) {
      html.append("<p class=\"empty\">No alert was raised in these runs.</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"meta\">Alerts raised on the table, newest first.</p>\n")
        .append("<div class=\"scroll\"><table>\n<tr><th>raised at</th><th>severity</th>")
        .append("<th>kind</th><th>what happened</th><th>run</th></tr>\n");
    for (int i = 0; i < alerts.size(); i++) {
      Alert alert = alerts.get(i);
      String key = "alert." + i + ".";
      html.append("<tr><td class=\"time\">").append(ReportFormat.time(alert.at())).append("</td>");
      marked(
          html, alert.severity() == Severity.CRITICAL, key + "severity", alert.severity().name());
      marked(html, false, key + "kind", alert.kind().label());
      html.append("<td>").append(Html.escape(alert.summary()));
      if (!alert.details().isEmpty()) {
        html.append("<details><summary>")
            .append(alert.details().size())
            .append(alert.details().size() == 1 ? " detail" : " details")
            .append("</summary><ul>");
        alert.details().forEach(line -> html.append("<li>").append(Html.escape(line)));
        html.append("</ul></details>");
      }
      html.append("</td><td><code>")
          .append(Html.escape(alert.runId()))
          .append("</code></td></tr>\n");
    }
    html.append("</table></div>\n</section>\n");
  }

  /** A text cell, shown as a failure when it says one. */
  private static void marked(StringBuilder html, boolean failed, String metric, String text) {
    html.append("<td")
        .append(failed ? " class=\"failed\" " : " ")
        .append(metric(metric))
        .append('>')
        .append(Html.escape(text))
        .append("</td>");
  }

  private static void cell(StringBuilder html, String metric, String value) {
    html.append("<td class=\"num\" ")
        .append(metric(metric))
        .append('>')
        .append(Html.escape(value))
        .append("</td>");
  }

  private static String metric(String key) {
    return "data-metric=\"" + Html.escape(key) + "\"";
  }
}
