package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.report.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir Path dir;

  @Test
  void write_createsTheThreeFiles() throws IOException {
    QualityReport report = ReportFixtures.sample();
    Path target = dir.resolve("reports").resolve("users");

    ReportFiles.Written written = ReportFiles.write(report, target);

    assertThat(written.json()).isEqualTo(target.resolve("report.json"));
    assertThat(written.markdown()).isEqualTo(target.resolve("report.md"));
    assertThat(written.html()).isEqualTo(target.resolve("report.html"));
    assertThat(ReportJson.read(written.json())).isEqualTo(report);
    assertThat(Files.readString(written.markdown())).isEqualTo(ReportMarkdown.render(report));
    assertThat(Files.readString(written.html())).isEqualTo(ReportHtml.render(report));
  }

  @Test
  void write_again_replacesFilesAndLeavesNoTemporaryFiles() throws IOException {
    ReportFiles.write(ReportFixtures.sample(), dir);

    ReportFiles.write(ReportFixtures.zeroRows(), dir);

    assertThat(ReportJson.read(dir.resolve("report.json"))).isEqualTo(ReportFixtures.zeroRows());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("report.json", "report.md", "report.html");
    }
  }
}
