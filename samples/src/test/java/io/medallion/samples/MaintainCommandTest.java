package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code maintain} command lists orphan files in a dry run and removes them otherwise. */
class MaintainCommandTest {
  @TempDir Path dir;

  @Test
  void maintain_strayFileInTheLake_isListedByTheDryRunThenRemoved() throws IOException {
    Path lake = dir.resolve("lake");
    assertThat(
            Cli.run("randomuser", "--users", "100", "--lake", lake.toString(), "--no-report")
                .exitCode())
        .isZero();
    Path stray = aDataFolder(lake).resolve("left-by-a-crashed-writer.parquet");
    Files.writeString(stray, "never committed");

    Cli.Result dryRun =
        Cli.run("maintain", "--lake", lake.toString(), "--orphan-age", "0", "--dry-run");
    Cli.Result real = Cli.run("maintain", "--lake", lake.toString(), "--orphan-age", "0");

    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .startsWith("Dry run: nothing was changed.")
        .contains("1 orphan files found", "orphan: ", "left-by-a-crashed-writer.parquet");
    assertThat(real.exitCode()).as(real.err()).isZero();
    assertThat(real.out()).contains("1 orphan files removed");
    assertThat(stray).doesNotExist();
    Cli.Result again =
        Cli.run("randomuser", "--users", "100", "--lake", lake.toString(), "--no-report");
    assertThat(again.exitCode()).as(again.err()).isZero();
  }

  @Test
  void maintain_badAge_isAUsageErrorNamingTheValue() {
    Cli.Result result =
        Cli.run("maintain", "--lake", dir.resolve("lake").toString(), "--snapshot-age", "7 weeks");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'7 weeks' is not an age");
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void maintain_noLakeThere_failsWithoutCreatingOne() {
    Path nowhere = dir.resolve("no-lake");

    Cli.Result result = Cli.run("maintain", "--lake", nowhere.toString());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).contains("there is no lake there, so nothing to maintain");
    assertThat(nowhere).doesNotExist();
  }

  private static Path aDataFolder(Path lake) throws IOException {
    try (Stream<Path> paths = Files.walk(lake)) {
      return paths
          .filter(p -> p.getFileName().toString().equals("data") && Files.isDirectory(p))
          .findFirst()
          .orElseThrow();
    }
  }
}
