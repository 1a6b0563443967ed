package io.medallion.core.spi.contact;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared real test data, read in place and never copied into the project. Tests that need a
 * file are skipped, with a message saying where it was looked for, when it is absent.
 */
final class ContactData {
  private ContactData() {}

  /** The data root: {@code -Dmedallion.shared.data}, else {@code ../../shared/data}. */
  static Path root() {
    String configured = System.getProperty("medallion.shared.data");
    Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    return root.toAbsolutePath().normalize();
  }

  /** Resolves a file or folder under the root, skipping the calling test when it is absent. */
  static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), "Skipped: " + relative + " not found at " + path);
    return path;
  }

  /** The RandomUser responses meant for development; the acceptance folder is not read. */
  static List<Path> randomUserDevFiles() {
    Path dev = require("randomuser/dev");
    try (Stream<Path> files = Files.list(dev)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
