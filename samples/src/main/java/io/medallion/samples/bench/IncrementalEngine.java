package io.medallion.samples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Speed of incremental gold: builds a lake with the input's users through the whole job, gold
 * included (stage {@value #FULL}), then times a run with 1% new users and 0.1% changed ones (new
 * email, new city, a later registration that wins the de-duplication), gold included (stage {@value
 * #INCREMENTAL}). {@code bench} reports the ratio of the two wall times.
 */
final class IncrementalEngine {
  /** The engine's name on the command line. */
  static final String NAME = "medallion-incremental";

  /** The stage building the lake from nothing. */
  static final String FULL = "full";

  /** The stage bringing the lake up to date with the increment. */
  static final String INCREMENTAL = "incremental";

  /** A later registration than any the generator makes, so the changed row wins. */
  private static final String CHANGED_REGISTRATION = "2025-06-01T00:00:00.000Z";

  private IncrementalEngine() {}

  static void run(Path input, Path work, StageMeter meter) throws Exception {
    Path lake = work.resolve("lake");
    Path warehouse = lake.resolve("warehouse");
    Path increment = work.resolve("increment.ndjson");
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      meter.measure(
          FULL,
          () -> {
            runtime.ingest(BenchJob.RAW, JsonSource.file(input));
            runtime.run(BenchJob.PIPELINE);
            return StageMeter.sizeOf(warehouse);
          });
      writeIncrement(input, increment);
      long before = StageMeter.sizeOf(warehouse);
      meter.measure(
          INCREMENTAL,
          () -> {
            runtime.ingest(BenchJob.RAW, JsonSource.file(increment));
            runtime.run(BenchJob.PIPELINE);
            return StageMeter.sizeOf(warehouse) - before;
          });
    }
  }

  /** Every 1000th input user changed, then 1 new user per 100 input lines. */
  private static void writeIncrement(Path input, Path increment) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter writer = Files.newBufferedWriter(increment, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (lines++ % 1000 == 0) {
          writer.write(changed(json, line));
          writer.newLine();
        }
      }
      // Another seed: other users, with ids of their own.
      RandomUserGenerator.withSeed(4242).writeNdjson(writer, (int) Math.max(1, lines / 100));
    }
  }

  private static String changed(ObjectMapper json, String line) throws IOException {
    ObjectNode user = (ObjectNode) json.readTree(line);
    user.put("email", "changed." + user.path("email").asText());
    ObjectNode location = (ObjectNode) user.get("location");
    location.put("city", location.path("city").asText() + " Nord");
    ((ObjectNode) user.get("registered")).put("date", CHANGED_REGISTRATION);
    return json.writeValueAsString(user);
  }
}
