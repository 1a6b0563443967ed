package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.medallion.report.QualityReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opens the rendered report in a real headless browser. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReportHtmlBrowserTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;
  private HeadlessChromium chromium;

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(
        HeadlessChromium.installed(),
        "Skipped: "
            + HeadlessChromium.BINARY
            + " is missing; run .ci/install-chromium (Debian's chromium package) to enable");
    chromium = new HeadlessChromium();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void render_inChromium_hasNoConsoleErrorsAndShowsReportNumbers() throws Exception {
    QualityReport report = ReportFixtures.sample();
    RunHistory history = ReportFixtures.history();

    HeadlessChromium.Page page = chromium.open(ReportFiles.write(report, history, dir).html());

    assertThat(page.consoleProblems()).isEmpty();
    assertThat(page.dom())
        .contains("<title>Quality report: silver.users (batch-2026-01-15)</title>")
        .contains("email is &lt;script&gt;alert('x')&lt;/script&gt;")
        .contains("<h2>Run history</h2>")
        .contains("not updated: &lt;script&gt;alert('x')&lt;/script&gt; password=****")
        .contains("<h2>Alerts</h2>")
        .contains("the run failed: &lt;script&gt;alert('x')&lt;/script&gt;")
        .doesNotContainIgnoringCase("<script");
    ReportHtmlTest.assertShows(
        ReportMetrics.shown(page.dom()), ReportMetrics.expected(report, history));
    assertThat(ReportMetrics.shown(page.dom()).get("history.1.status")).containsOnly("failed");
    assertThat(ReportMetrics.shown(page.dom()).get("alert.1.severity")).containsOnly("CRITICAL");
    assertThat(ReportMetrics.shown(page.dom()).get("rows.read")).containsOnly("1,234");
  }

  @Test
  void render_zeroRowsInChromium_showsNotAvailableInsteadOfNaN() throws Exception {
    QualityReport report = ReportFixtures.zeroRows();

    HeadlessChromium.Page page = chromium.open(ReportFiles.write(report, dir).html());

    assertThat(page.consoleProblems()).isEmpty();
    assertThat(page.dom()).doesNotContain("NaN").doesNotContain("Infinity");
    ReportHtmlTest.assertShows(ReportMetrics.shown(page.dom()), ReportMetrics.expected(report));
    assertThat(ReportMetrics.shown(page.dom()).get("score.average")).containsOnly("n/a");
  }

  @Test
  void screenshot_isANonTrivialPng() throws Exception {
    HeadlessChromium.Page page =
        chromium.open(ReportFiles.write(ReportFixtures.sample(), dir).html());

    byte[] png = Files.readAllBytes(page.screenshot());
    assertThat(png.length).isGreaterThan(50 * 1024);
    assertThat(png).startsWith(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(page.screenshot().toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2400);
    // Text, bars and their antialiasing make many colours; a blank or error page has few.
    assertThat(distinctColours(image)).isGreaterThan(100);
  }

  /** Guards the console check itself: if Chromium's log format changed, it would pass vacuously. */
  @Test
  void consoleProblems_pageWithScriptError_areDetected() throws Exception {
    Path broken = dir.resolve("broken.html");
    Files.writeString(
        broken,
        "<!DOCTYPE html><html><head><title>broken</title></head><body>"
            + "<script>console.error('deliberate'); undefinedFunction();</script></body></html>",
        StandardCharsets.UTF_8);

    HeadlessChromium.Page page = chromium.open(broken);

    assertThat(page.consoleProblems())
        .anySatisfy(line -> assertThat(line).contains("deliberate"))
        .anySatisfy(
            line -> assertThat(line).contains("Uncaught ReferenceError: undefinedFunction"));
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
