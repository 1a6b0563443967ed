package io.medallion.core.report;

import io.medallion.quality.Dimension;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link QualityReport} as a GitHub-flavoured Markdown page: headline numbers, scores per
 * dimension, rules worst first, the score distribution as a text histogram, the top failures with
 * their masked samples, and the trend. Text from the data (table, rule and column names, reasons,
 * sample values) is always put in code spans, so it can never turn into markup or raw HTML.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.md"), ReportMarkdown.render(report));
 * }</pre>
 */
public final class ReportMarkdown {
  private static final int BAR_WIDTH = 30;
  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private ReportMarkdown() {}

  /**
   * Renders the page.
   *
   * <pre>{@code
   * String markdown = ReportMarkdown.render(report);
   * }</pre>
   *
   * @param report the report
   * @return the Markdown text, ending with a newline
   */
  public static String render(QualityReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Quality report for ").append(code(report.table())).append("\n\n");
    md.append("Run ")
        .append(code(report.runId()))
        .append(" at ")
        .append(ReportFormat.time(report.runAt()))
        .append(".\n\n");
    report
        .referenceLists()
        .forEach(
            (purpose, source) ->
                md.append("Checked against ")
                    .append(purpose)
                    .append(": ")
                    .append(code(source))
                    .append(".\n\n"));
    if (report.rows().failedBatch()) {
      md.append("> **The quality gate failed this batch: nothing was committed.**\n\n");
    }
    headline(md, report);
    dimensions(md, report);
    rules(md, report);
    datasetChecks(md, report.datasetChecks());
    distribution(md, report.distribution());
    failures(md, report.topFailures());
    trend(md, report);
    return md.toString();
  }

  private static void headline(StringBuilder md, QualityReport report) {
    RowCounts rows = report.rows();
    md.append("## Headline\n\n| metric | value |\n| --- | ---: |\n");
    row(md, "rows read", ReportFormat.count(rows.read()));
    row(md, "rows kept", ReportFormat.count(rows.kept()));
    row(
        md,
        "rows quarantined",
        ReportFormat.count(rows.quarantined())
            + " ("
            + ReportFormat.percent(rows.quarantinedShare())
            + ")");
    row(md, "duplicates", ReportFormat.count(rows.duplicates()));
    row(md, "average score", ReportFormat.score(report.averageScore()));
    row(md, "batch failed", ReportFormat.yesNo(rows.failedBatch()));
    md.append('\n');
  }

  private static void dimensions(StringBuilder md, QualityReport report) {
    md.append("## Dimensions\n\n| dimension | average score |\n| --- | ---: |\n");
    for (Dimension dimension : Dimension.values()) {
      row(md, dimension.label(), ReportFormat.score(report.dimensionScore(dimension)));
    }
    md.append('\n');
  }

  private static void rules(StringBuilder md, QualityReport report) {
    md.append("## Rules\n\n");
    if (report.rules().isEmpty()) {
      md.append("No rules.\n\n");
      return;
    }
    md.append("Worst pass rate first.\n\n")
        .append(
            "| rule | dimension | severity | weight | passed | failed | skipped | pass rate |\n")
        .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (RuleStats rule : ReportOrder.byPassRate(report.rules())) {
      row(
          md,
          codeCell(rule.name()),
          rule.dimension().label(),
          codeCell(rule.severity()),
          ReportFormat.weight(rule.weight()),
          ReportFormat.count(rule.passed()),
          ReportFormat.count(rule.failed()),
          ReportFormat.count(rule.skipped()),
          ReportFormat.percent(rule.passRate()));
    }
    md.append('\n');
  }

  private static void datasetChecks(StringBuilder md, List<DatasetCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    md.append("## Dataset rules\n\n| rule | outcome | measured | on failure |\n")
        .append("| --- | --- | --- | --- |\n");
    for (DatasetCheck check : checks) {
      row(
          md,
          code(check.name()),
          check.passed() ? "passed" : "**FAILED**",
          code(check.detail()),
          check.failsBatch() ? "fails the batch" : "warns");
    }
    md.append('\n');
  }

  private static void distribution(StringBuilder md, ScoreDistribution distribution) {
    md.append("## Score distribution\n\n| score | rows | share | |\n| --- | ---: | ---: | --- |\n");
    long total = distribution.total();
    long max = distribution.counts().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int i = 0; i < ScoreDistribution.BUCKETS; i++) {
      long count = distribution.counts().get(i);
      OptionalDouble share =
          total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / total);
      // A bucket with any rows gets at least one mark, so rare low scores stay visible.
      int bar = count == 0 ? 0 : (int) Math.max(1, Math.round((double) count * BAR_WIDTH / max));
      row(
          md,
          ScoreDistribution.label(i),
          ReportFormat.count(count),
          ReportFormat.percent(share),
          bar == 0 ? " " : "`" + "#".repeat(bar) + "`");
    }
    md.append('\n');
  }

  private static void failures(StringBuilder md, List<FailureReason> failures) {
    md.append("## Top failures\n\n");
    if (failures.isEmpty()) {
      md.append("No failures.\n\n");
      return;
    }
    int rank = 1;
    for (FailureReason failure : failures) {
      md.append("### ")
          .append(rank++)
          .append(". ")
          .append(code(failure.rule()))
          .append(": ")
          .append(ReportFormat.count(failure.count()))
          .append(failure.count() == 1 ? " row" : " rows")
          .append("\n\n")
          .append("Reason: ")
          .append(code(failure.reason()))
          .append("\n\n");
      samples(md, failure.samples());
    }
  }

  private static void samples(StringBuilder md, List<FailureSample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    Set<String> columns = new LinkedHashSet<>();
    samples.forEach(sample -> columns.addAll(sample.values().keySet()));
    List<String> header = new ArrayList<>();
    header.add("source");
    columns.forEach(column -> header.add(codeCell(column)));
    row(md, header.toArray(String[]::new));
    md.append("|").append(" --- |".repeat(header.size())).append('\n');
    for (FailureSample sample : samples) {
      List<String> cells = new ArrayList<>();
      cells.add(codeCell(sample.sourceCoordinate()));
      for (String column : columns) {
        String value = sample.values().get(column);
        cells.add(value == null ? " " : codeCell(value));
      }
      row(md, cells.toArray(String[]::new));
    }
    md.append('\n');
  }

  private static void trend(StringBuilder md, QualityReport report) {
    md.append("## Trend\n\n");
    if (report.pastRuns().isEmpty()) {
      md.append("No earlier runs recorded.\n");
      return;
    }
    List<String> header =
        new ArrayList<>(List.of("run at", "rows read", "average score", "quarantined"));
    report.rules().forEach(rule -> header.add(codeCell(rule.name())));
    row(md, header.toArray(String[]::new));
    md.append("| --- |").append(" ---: |".repeat(header.size() - 1)).append('\n');
    List<TrendPoint> points = new ArrayList<>(report.pastRuns());
    points.add(TrendPoint.of(report));
    for (int i = 0; i < points.size(); i++) {
      TrendPoint point = points.get(i);
      List<String> cells = new ArrayList<>();
      String time = ReportFormat.time(point.runAt());
      cells.add(i == points.size() - 1 ? "**" + time + " (this run)**" : time);
      cells.add(ReportFormat.count(point.rowsRead()));
      cells.add(ReportFormat.score(point.averageScore()));
      cells.add(ReportFormat.percent(point.quarantinedShare()));
      for (RuleStats rule : report.rules()) {
        Double rate = point.rulePassRates().get(rule.name());
        cells.add(
            ReportFormat.percent(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate)));
      }
      row(md, cells.toArray(String[]::new));
    }
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }

  /**
   * Puts data text in a code span: its content is literal in CommonMark, so {@code <script>} or
   * {@code *bold*} in a reason stays text. The fence is longer than any backtick run inside, and
   * line breaks become spaces so the text stays on its line.
   */
  static String code(String text) {
    String flat = LINE_BREAK.matcher(text).replaceAll(" ");
    int longest = 0;
    Matcher run = BACKTICKS.matcher(flat);
    while (run.find()) {
      longest = Math.max(longest, run.end() - run.start());
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank();
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  /**
   * A code span inside a table cell. GitHub splits cells on pipes even inside code spans, and drops
   * the escaping backslash there, so pipes are escaped here and only here.
   */
  static String codeCell(String text) {
    return code(text).replace("|", "\\|");
  }
}
