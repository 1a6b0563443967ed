package io.medallion.core.report;

import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.spi.Alert;
import io.medallion.quality.Dimension;
import io.medallion.report.QualityReport;
import io.medallion.report.RuleStats;
import io.medallion.report.TrendPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code data-metric} values a page shows, and the values it should show, computed from the
 * report independently of the page renderer.
 */
final class ReportMetrics {
  // The renderer puts only text inside a metric element, so the content runs up to the next tag.
  private static final Pattern METRIC =
      Pattern.compile("<([a-z]+)\\b[^>]*?\\sdata-metric=\"([^\"]*)\"[^>]*>([^<]*)</\\1>");

  private ReportMetrics() {}

  /** Every metric element's text, by key; a key shown in several places has several values. */
  static Map<String, List<String>> shown(String html) {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    Matcher m = METRIC.matcher(html);
    while (m.find()) {
      shown.computeIfAbsent(unescape(m.group(2)), k -> new ArrayList<>()).add(unescape(m.group(3)));
    }
    return shown;
  }

  /** What each metric must read for a report rendered with its run history. */
  static Map<String, String> expected(QualityReport report, RunHistory history) {
    Map<String, String> expected = expected(report);
    for (int i = 0; i < history.runs().size(); i++) {
      RunLogEntry run = history.runs().get(i);
      String key = "history." + i + ".";
      expected.put(key + "status", run.status().label());
      expected.put(key + "rows_in", ReportFormat.count(run.rowsIn()));
      expected.put(key + "rows_written", ReportFormat.count(run.rowsWritten()));
      expected.put(key + "rows_quarantined", ReportFormat.count(run.rowsQuarantined()));
      expected.put(key + "mean_score", ReportFormat.score(run.meanQualityScore()));
    }
    for (int i = 0; i < history.alerts().size(); i++) {
      Alert alert = history.alerts().get(i);
      expected.put("alert." + i + ".severity", alert.severity().name());
      expected.put("alert." + i + ".kind", alert.kind().label());
    }
    return expected;
  }

  /** What each metric must read for a report. */
  static Map<String, String> expected(QualityReport report) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("rows.read", ReportFormat.count(report.rows().read()));
    expected.put("rows.kept", ReportFormat.count(report.rows().kept()));
    expected.put("rows.quarantined", ReportFormat.count(report.rows().quarantined()));
    expected.put("rows.quarantined_share", ReportFormat.percent(report.rows().quarantinedShare()));
    expected.put("rows.duplicates", ReportFormat.count(report.rows().duplicates()));
    expected.put("batch.failed", report.rows().failedBatch() ? "yes" : "no");
    expected.put("score.average", ReportFormat.score(report.averageScore()));
    for (Dimension d : Dimension.values()) {
      expected.put("dimension." + d.label(), ReportFormat.score(report.dimensionScore(d)));
    }
    for (int i = 0; i < report.distribution().counts().size(); i++) {
      expected.put("distribution." + i, ReportFormat.count(report.distribution().counts().get(i)));
    }
    for (RuleStats rule : report.rules()) {
      String key = "rule." + rule.name();
      expected.put(key + ".passed", ReportFormat.count(rule.passed()));
      expected.put(key + ".failed", ReportFormat.count(rule.failed()));
      expected.put(key + ".skipped", ReportFormat.count(rule.skipped()));
      expected.put(key + ".pass_rate", ReportFormat.percent(rule.passRate()));
      expected.put(key + ".weight", ReportFormat.weight(rule.weight()));
    }
    for (int i = 0; i < report.topFailures().size(); i++) {
      expected.put(
          "failure." + (i + 1) + ".count", ReportFormat.count(report.topFailures().get(i).count()));
    }
    List<TrendPoint> past = report.pastRuns();
    for (int i = 0; i < past.size(); i++) {
      TrendPoint point = past.get(i);
      String key = "trend." + i + ".";
      expected.put(key + "rows_read", ReportFormat.count(point.rowsRead()));
      expected.put(key + "average_score", ReportFormat.score(point.averageScore()));
      expected.put(key + "quarantined_share", ReportFormat.percent(point.quarantinedShare()));
      for (RuleStats rule : report.rules()) {
        Double rate = point.rulePassRates().get(rule.name());
        expected.put(
            key + "pass_rate." + rule.name(),
            ReportFormat.percent(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate)));
      }
    }
    return expected;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u00a0")
        .replace("&amp;", "&");
  }
}
