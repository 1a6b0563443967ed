package io.medallion.samples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs one engine once in this JVM and prints its measurements as one JSON line; {@code bench}
 * starts one such process per run so that peak memory belongs to one engine.
 */
@Command(name = "bench-worker", hidden = true, description = "Runs one benchmark engine once.")
public final class BenchWorkerCommand implements Callable<Integer> {
  /** The engines a worker runs. */
  static final List<String> ENGINES =
      List.of(
          "medallion",
          "medallion-serial",
          "medallion-fused",
          "floor",
          "duckdb",
          "duckdb-split-scan",
          "duckdb-two-pass",
          "duckdb-one-pass",
          "kafka-plain",
          "kafka-bronze",
          "kafka-gold",
          ReadEngine.NAME,
          IncrementalEngine.NAME);

  @Spec CommandSpec spec;

  @Option(names = "--engine", required = true, description = "one of the bench engines")
  String engine;

  @Option(names = "--input", required = true, description = "NDJSON input")
  Path input;

  @Option(names = "--work", required = true, description = "an empty work folder")
  Path work;

  @Option(names = "--bootstrap", description = "the broker, for the kafka engines")
  String bootstrap;

  @Option(names = "--topic", description = "the topic holding the input, for the kafka engines")
  String topic;

  @Option(names = "--group", description = "a consumer group of its own, for the kafka engines")
  String group;

  /** Creates the command. */
  public BenchWorkerCommand() {}

  @Override
  public Integer call() throws Exception {
    StageMeter meter = new StageMeter();
    switch (engine) {
      case "medallion" -> MedallionEngine.run(input, work, meter, 2);
      case "medallion-serial" -> MedallionEngine.run(input, work, meter, 1);
      case "medallion-fused" -> MedallionEngine.runFused(input, work, meter);
      case "floor" -> FloorEngine.run(input, work, meter);
      case "duckdb" -> DuckDbEngine.run(DuckDbEngine.Formulation.CONCURRENT, input, work, meter);
      case "duckdb-split-scan" ->
          DuckDbEngine.run(DuckDbEngine.Formulation.SPLIT_SCAN, input, work, meter);
      case "duckdb-two-pass" ->
          DuckDbEngine.run(DuckDbEngine.Formulation.TWO_PASS, input, work, meter);
      case "duckdb-one-pass" ->
          DuckDbEngine.run(DuckDbEngine.Formulation.ONE_PASS, input, work, meter);
      case "kafka-plain" -> KafkaEngine.plain(bootstrap, topic, group, meter);
      case "kafka-bronze" -> KafkaEngine.medallion(bootstrap, topic, group, work, meter, false);
      case "kafka-gold" -> KafkaEngine.medallion(bootstrap, topic, group, work, meter, true);
      case ReadEngine.NAME -> ReadEngine.run(input, work, meter);
      case IncrementalEngine.NAME -> IncrementalEngine.run(input, work, meter);
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "--engine " + engine + " is not an engine; expected one of " + ENGINES);
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode().put("engine", engine);
    ObjectNode stages = result.putObject("stages");
    for (Map.Entry<String, StageMeter.Stage> stage : meter.stages().entrySet()) {
      ObjectNode measured =
          stages
              .putObject(stage.getKey())
              .put("wall_seconds", stage.getValue().wallSeconds())
              .put("cpu_seconds", stage.getValue().cpuSeconds())
              .put("bytes_written", stage.getValue().bytesWritten());
      if (stage.getValue().rows() > 0) {
        measured.put("rows", stage.getValue().rows());
      }
    }
    meter.check().ifPresent(check -> result.set("check", check.toJson()));
    result.put("peak_heap_bytes", StageMeter.peakHeapBytes());
    result.put("peak_rss_bytes", StageMeter.peakRssBytes());
    spec.commandLine().getOut().println("BENCH-RESULT " + json.writeValueAsString(result));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
