package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the executable jar in its own JVM, exactly as the README's sample command does. */
class RandomUserJarIT {
  @TempDir Path dir;

  @Test
  void jar_randomuser_buildsTheLakeAndPrintsItsSummary() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("medallion.samples.jar"));
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "randomuser",
                    "--users",
                    "500",
                    "--summary-json",
                    summary.toString()))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }

    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as("the jar finished").isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    assertThat(text).contains("silver.users").contains("Average quality score: ");
    assertThat(dir.resolve("lakehouse").resolve("catalog.db")).exists();
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.get("tables").get(0).get("rows").asLong()).isEqualTo(500);
  }
}
