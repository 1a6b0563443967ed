package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.report.QualityReport;
import io.medallion.report.TrendPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

  @Test
  void render_reasonWithScript_isEscapedAsText() {
    String html = ReportHtml.render(ReportFixtures.sample());

    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .contains(
            "<code>email is &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | `tick`"
                + " &quot;quoted&quot;</code>");
  }

  @Test
  void render_isSelfContained() {
    String html = ReportHtml.render(ReportFixtures.sample());

    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http:")
        .doesNotContain("https:")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("<link");
    assertThat(html)
        .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    assertThat(html.split("<svg ", -1)).hasSize(4);
  }

  @Test
  void render_metricsMatchReport() {
    QualityReport report = ReportFixtures.sample();

    Map<String, List<String>> shown = ReportMetrics.shown(ReportHtml.render(report));

    assertShows(shown, ReportMetrics.expected(report));
    assertThat(shown.get("rows.read")).containsOnly("1,234");
    assertThat(shown.get("rule.phone_e164.pass_rate")).containsOnly("75.0%");
    assertThat(shown.get("rule.legacy_code_allowed.pass_rate")).containsOnly("n/a");
    assertThat(shown.get("trend.1.average_score")).containsOnly("n/a");
    // Card, trend table and line chart label all show the average.
    assertThat(shown.get("score.average")).hasSize(3);
  }

  @Test
  void render_zeroRows_showsNoNaN() {
    QualityReport report = ReportFixtures.zeroRows();

    String html = ReportHtml.render(report);

    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    Map<String, List<String>> shown = ReportMetrics.shown(html);
    assertShows(shown, ReportMetrics.expected(report));
    assertThat(shown.get("score.average")).containsOnly("n/a");
    assertThat(shown.get("rows.quarantined_share")).containsOnly("n/a");
    assertThat(html).contains("No failures.").contains("No earlier runs recorded.");
  }

  @Test
  void render_referenceList_isShownEscapedInTheHeader() {
    String html =
        ReportHtml.render(
            ReportFixtures.withReferenceList("<b>list</b> of 2026-08-21 (3 domains)"));

    assertThat(html)
        .contains(
            "<p class=\"meta\">Checked against disposable email domains: &lt;b&gt;list&lt;/b&gt;"
                + " of 2026-08-21 (3 domains)</p>\n</header>");
  }

  @Test
  void render_failedBatch_showsBanner() {
    QualityReport report = ReportFixtures.failedBatch();

    String html = ReportHtml.render(report);

    assertThat(html).contains("The quality gate failed this batch");
    assertThat(ReportMetrics.shown(html).get("batch.failed")).containsOnly("yes");
  }

  @Test
  void render_trendThatIncludesThisRun_showsThisRunOnce() {
    QualityReport sample = ReportFixtures.sample();
    List<TrendPoint> trend = new ArrayList<>(sample.trend());
    trend.add(TrendPoint.of(sample));
    QualityReport report =
        new QualityReport(
            sample.table(),
            sample.runId(),
            sample.runAt(),
            sample.rows(),
            sample.averageScore(),
            sample.dimensionScores(),
            sample.rules(),
            sample.distribution(),
            sample.topFailures(),
            trend,
            sample.datasetChecks(),
            sample.referenceLists());

    String html = ReportHtml.render(report);

    assertThat(html.split("\\(this run\\)", -1)).hasSize(2);
    assertShows(ReportMetrics.shown(html), ReportMetrics.expected(sample));
  }

  /** Every expected metric is shown, everywhere with the same text, and nothing else is. */
  static void assertShows(Map<String, List<String>> shown, Map<String, String> expected) {
    assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (key, value) -> assertThat(shown.get(key)).as(key).isNotEmpty().containsOnly(value));
  }

  @Test
  void render_runHistory_listsEachRunEscapedWithItsMetrics() {
    QualityReport report = ReportFixtures.sample();

    String html = ReportHtml.render(report, ReportFixtures.history());

    assertShows(
        ReportMetrics.shown(html), ReportMetrics.expected(report, ReportFixtures.history()));
    assertThat(html)
        .contains("<h2>Run history</h2>")
        .contains("<code>20260114T083000Z-0000dead</code>")
        .contains("class=\"failed\" data-metric=\"history.1.status\">failed</td>")
        .contains("not updated: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; password=****")
        .doesNotContain("<script>");
    assertThat(ReportMetrics.shown(html).get("history.0.mean_score")).containsOnly("0.912");
  }

  @Test
  void render_alerts_listsEachAlertNewestFirstEscapedWithItsDetails() {
    String html = ReportHtml.render(ReportFixtures.sample(), ReportFixtures.history());

    assertThat(html)
        .contains("<h2>Alerts</h2>")
        .contains("data-metric=\"alert.0.kind\">dataset-rule</td>")
        .contains("class=\"failed\" data-metric=\"alert.1.severity\">CRITICAL</td>")
        .contains("1 dataset rule [email_unique] (warning; the batch was committed)")
        .contains("<details><summary>1 detail</summary><ul><li>email_unique: 12 duplicates")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .contains("the run failed: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
    assertThat(html.indexOf("alert.0.kind")).isLessThan(html.indexOf("alert.1.kind"));
  }

  @Test
  void render_historyWithoutAlerts_saysNoneWasRaised() {
    RunHistory quiet = new RunHistory(ReportFixtures.history().runs(), List.of());

    assertThat(ReportHtml.render(ReportFixtures.sample(), quiet))
        .contains("<h2>Alerts</h2>")
        .contains("No alert was raised in these runs.");
  }

  @Test
  void render_noRunHistory_leavesTheSectionsOut() {
    assertThat(ReportHtml.render(ReportFixtures.sample()))
        .doesNotContain("Run history")
        .doesNotContain("<h2>Alerts</h2>");
  }

  @Test
  void render_datasetChecks_escapedAndMarked() {
    String html = ReportHtml.render(ReportFixtures.sample());

    assertThat(html)
        .contains("<h2>Dataset rules</h2>")
        .contains("<strong>FAILED</strong>")
        .contains("0.8300 &lt;script&gt;")
        .doesNotContain("0.8300 <script>");
  }
}
