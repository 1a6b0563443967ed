package io.medallion.samples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.samples.Preflight;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the RandomUser medallion job on medallion, on a framework-free floor (Jackson plus Iceberg's
 * generic Parquet writers) and on DuckDB, from the same NDJSON file, each run in its own JVM,
 * alternating the order over repetitions, and reports medians per stage and the ratios.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the RandomUser job (bronze, silver, gold) on medallion against a framework-free"
          + " Java floor and DuckDB, on the same input, each run in its own JVM; prints medians"
          + " per stage and writes them as JSON with --json."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--records", defaultValue = "100000", description = "Records to generate.")
  int records;

  @Option(names = "--input", description = "Use this NDJSON file instead of generated records.")
  Path input;

  @Option(names = "--repetitions", defaultValue = "3", description = "Runs per engine.")
  int repetitions;

  @Option(
      names = "--engines",
      split = ",",
      defaultValue = "medallion,medallion-fused,floor,duckdb",
      description =
          "Engines to run (default: ${DEFAULT-VALUE}); medallion-fused ingests and runs silver in"
              + " one call (its bronze column covers both), medallion-serial is medallion on one"
              + " thread. duckdb is the fastest DuckDB formulation of the job found;"
              + " duckdb-split-scan, duckdb-two-pass and duckdb-one-pass are the others tried (docs/benchmark.md)."
              + " Every engine's row counts and gold rows are compared. kafka-plain, kafka-bronze and kafka-gold read the same records from a"
              + " 2-partition topic on a broker started on 127.0.0.1: a plain consumer that only"
              + " reads, medallion streaming into bronze, and through silver and gold. "
              + ReadEngine.NAME
              + " builds silver, then reads its columns with Iceberg's generic reader and"
              + " with medallion's Arrow reader in the same run and reports rows/s for each. "
              + IncrementalEngine.NAME
              + " builds the lake with gold, then times a run with 1%% new and 0.1%% changed"
              + " users and reports both wall times and their ratio.")
  List<String> engines;

  @Option(names = "--work", description = "Work folder (default: a new temporary folder).")
  Path work;

  @Option(names = "--worker-heap", description = "Heap limit of each run's JVM, e.g. 1g.")
  String workerHeap;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the medians as JSON.")
  Path jsonFile;

  /** Creates the command. */
  public BenchCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    validate();
    Path folder = work != null ? work : Files.createTempDirectory("medallion-bench");
    Path data = input != null ? input : generate(folder.resolve("input.ndjson"));
    long lines = countLines(data);
    ObjectNode report;
    try (BenchTopic topic = BenchTopic.startIfNeeded(engines, folder.resolve("kafka"), data)) {
      report = measure(out, folder, data, lines, topic);
    }
    if (work == null) {
      deleteTree(folder);
    }
    out.flush();
    // Timings of engines that computed different results compare nothing.
    return report.get("outputs").asText().startsWith("agree") ? 0 : 1;
  }

  private ObjectNode measure(PrintWriter out, Path folder, Path data, long lines, BenchTopic topic)
      throws Exception {
    Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
    engines.forEach(e -> runs.put(e, new ArrayList<>()));
    for (int repetition = 0; repetition < repetitions; repetition++) {
      for (int i = 0; i < engines.size(); i++) {
        // Rotate the order so no engine always runs first on a cold cache.
        String engine = engines.get((i + repetition) % engines.size());
        Path runDir = folder.resolve("run-" + repetition + "-" + engine);
        JsonNode result = runWorker(engine, data, runDir, topic);
        runs.get(engine).add(result);
        out.printf(Locale.ROOT, "run %d %-9s %6.2f s%n", repetition + 1, engine, totalWall(result));
        out.flush();
        deleteTree(runDir);
      }
    }
    ObjectNode report = summarize(lines, runs);
    print(out, report);
    if (jsonFile != null) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(jsonFile.toFile(), report);
      out.println("JSON: " + jsonFile.toAbsolutePath());
    }
    return report;
  }

  /** Checks the options before any folder is created or any worker started. */
  private void validate() {
    if (records < 1 || repetitions < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--records and --repetitions must be >= 1, got " + records + " and " + repetitions);
    }
    for (String engine : engines) {
      if (!BenchWorkerCommand.ENGINES.contains(engine)) {
        throw new ParameterException(
            spec.commandLine(),
            "--engines: "
                + engine
                + " is not an engine; expected some of "
                + BenchWorkerCommand.ENGINES);
      }
    }
    if (input != null) {
      Preflight.inputFile(input, "--input");
    }
  }

  private Path generate(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      RandomUserGenerator.withSeed(42).writeNdjson(writer, records);
    }
    return file;
  }

  private JsonNode runWorker(String engine, Path data, Path runDir, BenchTopic topic)
      throws Exception {
    Files.createDirectories(runDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (workerHeap != null) {
      command.add("-Xmx" + workerHeap);
    }
    // Arrow's memory layer (the read-silver engine) reads direct buffer addresses.
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.medallion.samples.MedallionCli",
            "bench-worker",
            "--engine",
            engine,
            "--input",
            data.toString(),
            "--work",
            runDir.toString()));
    if (engine.startsWith(BenchTopic.ENGINE_PREFIX)) {
      command.addAll(
          List.of(
              "--bootstrap",
              topic.bootstrapServers(),
              "--topic",
              BenchTopic.TOPIC,
              "--group",
              runDir.getFileName().toString()));
    }
    Path log = runDir.resolveSibling(runDir.getFileName() + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(2, TimeUnit.HOURS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Engine " + engine + " did not finish; see " + log);
    }
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (String line : output) {
      if (line.startsWith("BENCH-RESULT ")) {
        Files.delete(log);
        return new ObjectMapper().readTree(line.substring("BENCH-RESULT ".length()));
      }
    }
    throw new IllegalStateException(
        "Engine "
            + engine
            + " failed with exit code "
            + process.exitValue()
            + "; last lines: "
            + output.subList(Math.max(0, output.size() - 5), output.size()));
  }

  private static double totalCpu(JsonNode run) {
    double total = 0;
    for (JsonNode stage : run.get("stages")) {
      total += stage.get("cpu_seconds").asDouble();
    }
    return total;
  }

  private static double totalWall(JsonNode run) {
    double total = 0;
    for (JsonNode stage : run.get("stages")) {
      total += stage.get("wall_seconds").asDouble();
    }
    return total;
  }

  private ObjectNode summarize(long lines, Map<String, List<JsonNode>> runs) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode report =
        json.createObjectNode().put("records", lines).put("repetitions", repetitions);
    for (Map.Entry<String, List<JsonNode>> engine : runs.entrySet()) {
      List<JsonNode> results = engine.getValue();
      ObjectNode node = report.putObject(engine.getKey());
      double wall = median(results.stream().mapToDouble(BenchCommand::totalWall).toArray());
      node.put("wall_seconds", wall);
      node.put(
          "cpu_seconds", median(results.stream().mapToDouble(BenchCommand::totalCpu).toArray()));
      node.put("records_per_second", lines / wall);
      node.put("peak_heap_bytes", (long) median(values(results, r -> r.get("peak_heap_bytes"))));
      node.put("peak_rss_bytes", (long) median(values(results, r -> r.get("peak_rss_bytes"))));
      ObjectNode stages = node.putObject("stages");
      List<String> measured = new ArrayList<>();
      results.get(0).get("stages").fieldNames().forEachRemaining(measured::add);
      for (String stage : measured) {
        ObjectNode s = stages.putObject(stage);
        for (String metric : List.of("wall_seconds", "cpu_seconds", "bytes_written")) {
          s.put(metric, median(values(results, r -> r.get("stages").get(stage).get(metric))));
        }
        s.put("records_per_second", lines / s.get("wall_seconds").asDouble());
        if (results.get(0).get("stages").get(stage).has("rows")) {
          long rows = results.get(0).get("stages").get(stage).get("rows").asLong();
          s.put("rows", rows);
          s.put("rows_per_second", rows / s.get("wall_seconds").asDouble());
        }
      }
    }
    report.put("outputs", outputAgreement(runs));
    ObjectNode ratios = report.putObject("ratios");
    for (String medallion : List.of("medallion", "medallion-fused")) {
      for (String baseline : List.of("duckdb", "floor")) {
        for (String measure : List.of("wall", "cpu")) {
          if (report.has(medallion) && report.has(baseline)) {
            String field = measure + "_seconds";
            ratios.put(
                medallion.replace('-', '_') + "_vs_" + baseline + "_" + measure,
                report.get(medallion).get(field).asDouble()
                    / report.get(baseline).get(field).asDouble());
          }
        }
      }
    }
    if (report.has("kafka-plain")) {
      double plain = report.get("kafka-plain").get("records_per_second").asDouble();
      for (String engine : List.of("kafka-bronze", "kafka-gold")) {
        if (report.has(engine)) {
          ratios.put(
              engine.replace('-', '_') + "_vs_plain_records_per_second",
              report.get(engine).get("records_per_second").asDouble() / plain);
        }
      }
    }
    if (report.has(ReadEngine.NAME)) {
      JsonNode reads = report.get(ReadEngine.NAME).get("stages");
      ratios.put(
          "arrow_vs_generic_read_rows_per_second",
          reads.get(ReadEngine.ARROW).get("rows_per_second").asDouble()
              / reads.get(ReadEngine.GENERIC).get("rows_per_second").asDouble());
    }
    if (report.has(IncrementalEngine.NAME)) {
      JsonNode stages = report.get(IncrementalEngine.NAME).get("stages");
      ratios.put(
          "incremental_vs_full_wall",
          stages.get(IncrementalEngine.INCREMENTAL).get("wall_seconds").asDouble()
              / stages.get(IncrementalEngine.FULL).get("wall_seconds").asDouble());
    }
    return report;
  }

  /**
   * Compares every run's outputs (row counts and gold rows) with the first run that reported them,
   * so a faster engine that computes something else cannot go unnoticed.
   *
   * @return "agree (N runs)" or the first difference
   */
  private static String outputAgreement(Map<String, List<JsonNode>> runs) {
    String reference = null;
    JsonNode expected = null;
    int compared = 0;
    for (Map.Entry<String, List<JsonNode>> engine : runs.entrySet()) {
      for (JsonNode run : engine.getValue()) {
        if (!run.has("check")) {
          continue;
        }
        if (expected == null) {
          reference = engine.getKey();
          expected = run.get("check");
        }
        compared++;
        Optional<String> difference = OutputCheck.difference(expected, run.get("check"));
        if (difference.isPresent()) {
          return "DIFFER: " + engine.getKey() + " vs " + reference + ": " + difference.get();
        }
      }
    }
    return "agree (" + compared + " runs)";
  }

  private static double[] values(
      List<JsonNode> results, java.util.function.Function<JsonNode, JsonNode> field) {
    return results.stream().mapToDouble(r -> field.apply(r).asDouble()).toArray();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private void print(PrintWriter out, ObjectNode report) {
    out.printf(
        Locale.ROOT,
        "%nmedians of %d runs, %,d records%n%-16s %8s %8s %8s %8s %8s %12s %10s %10s%n",
        repetitions,
        report.get("records").asLong(),
        "engine",
        "bronze s",
        "silver s",
        "gold s",
        "total s",
        "cpu s",
        "records/s",
        "heap MiB",
        "RSS MiB");
    for (String engine : engines) {
      JsonNode node = report.get(engine);
      JsonNode stages = node.get("stages");
      out.printf(
          Locale.ROOT,
          "%-16s %8s %8s %8s %8.2f %8.2f %,12.0f %10d %10d%n",
          engine,
          seconds(stages, "bronze"),
          seconds(stages, "silver"),
          seconds(stages, "gold"),
          node.get("wall_seconds").asDouble(),
          node.get("cpu_seconds").asDouble(),
          node.get("records_per_second").asDouble(),
          node.get("peak_heap_bytes").asLong() >> 20,
          node.get("peak_rss_bytes").asLong() >> 20);
    }
    if (report.has(ReadEngine.NAME)) {
      JsonNode reads = report.get(ReadEngine.NAME).get("stages");
      for (String read : List.of(ReadEngine.GENERIC, ReadEngine.ARROW)) {
        out.printf(
            Locale.ROOT,
            "%-12s %,d silver rows in %.2f s: %,.0f rows/s%n",
            read,
            reads.get(read).get("rows").asLong(),
            reads.get(read).get("wall_seconds").asDouble(),
            reads.get(read).get("rows_per_second").asDouble());
      }
    }
    if (report.has(IncrementalEngine.NAME)) {
      JsonNode stages = report.get(IncrementalEngine.NAME).get("stages");
      out.printf(
          Locale.ROOT,
          "full run %s s (lake from nothing, gold included), incremental run %s s (1%% new, 0.1%%"
              + " changed users)%n",
          seconds(stages, IncrementalEngine.FULL),
          seconds(stages, IncrementalEngine.INCREMENTAL));
    }
    out.println("outputs: " + report.get("outputs").asText());
    report
        .get("ratios")
        .fields()
        .forEachRemaining(
            r -> out.printf(Locale.ROOT, "%s = %.2f%n", r.getKey(), r.getValue().asDouble()));
  }

  /** A stage's median seconds, or "-" for an engine without that stage. */
  private static String seconds(JsonNode stages, String stage) {
    return stages.has(stage)
        ? String.format(Locale.ROOT, "%.2f", stages.get(stage).get("wall_seconds").asDouble())
        : "-";
  }

  private static long countLines(Path file) throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
