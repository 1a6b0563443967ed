package io.medallion.core;

import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Opens a runtime on a fresh embedded lake in a temporary folder for each test, and closes it. */
abstract class EmbeddedLakeTest {
  @TempDir Path dir;
  MedallionRuntime runtime;

  /** The clock the runtime uses; tests that need a fixed one override it. */
  Clock clock() {
    return Clock.systemUTC();
  }

  Path lake() {
    return dir.resolve("lake");
  }

  @BeforeEach
  void openRuntime() {
    runtime = MedallionRuntime.builder().lake(lake()).clock(clock()).build();
  }

  @AfterEach
  void closeRuntime() {
    runtime.close();
  }

  /** Newline-delimited JSON from lines, as a source named {@code name}. */
  static JsonSource ndjson(String name, String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonSource.stream(name, new ByteArrayInputStream(bytes));
  }

  /** One NDJSON line of a person with an id, a country and an update time. */
  static String personIn(String id, String country, String updated) {
    return "{\"id\":\""
        + id
        + "\",\"country\":\""
        + country
        + "\",\"updated\":\""
        + updated
        + "\"}";
  }
}
