package io.medallion.samples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real RandomUser responses in {@code ../shared/data/randomuser/dev}, read in place. Tests that
 * need them are skipped, with a message saying where they were looked for, when absent.
 */
final class SharedData {
  private SharedData() {}

  static Path root() {
    String configured = System.getProperty("medallion.shared.data");
    Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    return root.toAbsolutePath().normalize();
  }

  static List<Path> randomUserDevFiles() {
    Path dev = root().resolve("randomuser").resolve("dev");
    assumeTrue(
        Files.isDirectory(dev),
        "Skipped: the shared RandomUser data is not at " + dev + " (expected beside the checkout)");
    try (Stream<Path> files = Files.list(dev)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
