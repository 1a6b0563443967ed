package io.medallion.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.quality.Dimension;
import io.medallion.report.DatasetCheck;
import io.medallion.report.FailureReason;
import io.medallion.report.FailureSample;
import io.medallion.report.QualityReport;
import io.medallion.report.RowCounts;
import io.medallion.report.RuleStats;
import io.medallion.report.ScoreDistribution;
import io.medallion.report.TrendPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes and reads a {@link QualityReport} as JSON with stable snake_case field names. The mapping
 * is explicit rather than derived from the records, so renaming a Java accessor cannot change the
 * file format that other tools and later runs read. Undefined numbers are {@code null}; derived
 * fields ({@code pass_rate}, {@code quarantined_share} of the current run, bucket bounds) are
 * written for readers and ignored when reading.
 *
 * <pre>{@code
 * String json = ReportJson.write(report);
 * QualityReport same = ReportJson.read(json);
 * }</pre>
 */
public final class ReportJson {
  /** The version of the file layout, written as {@code format_version}. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // A fixed "\n" keeps the file byte-identical across operating systems.
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ReportJson() {}

  /**
   * Writes a report as pretty-printed JSON.
   *
   * <pre>{@code
   * Files.writeString(path, ReportJson.write(report));
   * }</pre>
   *
   * @param report the report
   * @return the JSON text, ending with a newline
   */
  public static String write(QualityReport report) {
    try {
      return WRITER.writeValueAsString(toJson(report)) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; this would be a Jackson bug.
      throw new IllegalStateException("Cannot write quality report as JSON", e);
    }
  }

  /**
   * Reads a report from JSON text.
   *
   * <pre>{@code
   * QualityReport report = ReportJson.read(Files.readString(path));
   * }</pre>
   *
   * @param json the text written by {@link #write}
   * @return the report
   * @throws IllegalArgumentException when the text is not valid JSON, has another format version,
   *     or misses or mistypes a field; the message names the field
   */
  public static QualityReport read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid quality report JSON: " + e.getOriginalMessage(), e);
    }
    return fromJson(new Node(root, "$"));
  }

  /**
   * Reads a report from a file.
   *
   * <pre>{@code
   * QualityReport previous = ReportJson.read(Path.of("reports/users/report.json"));
   * }</pre>
   *
   * @param file a file written by {@link ReportFiles#write}
   * @return the report
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when its content is not a valid report
   */
  public static QualityReport read(Path file) throws IOException {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(QualityReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("table", report.table());
    root.put("run_id", report.runId());
    root.put("run_at", report.runAt().toString());
    RowCounts rows = report.rows();
    ObjectNode counts = root.putObject("rows");
    counts.put("read", rows.read());
    counts.put("kept", rows.kept());
    counts.put("quarantined", rows.quarantined());
    counts.put("duplicates", rows.duplicates());
    counts.put("failed_batch", rows.failedBatch());
    putOptional(counts, "quarantined_share", rows.quarantinedShare());
    putOptional(root, "average_score", report.averageScore());
    ObjectNode dimensions = root.putObject("dimension_scores");
    report.dimensionScores().forEach((d, score) -> dimensions.put(d.label(), score));
    ArrayNode rules = root.putArray("rules");
    for (RuleStats rule : report.rules()) {
      ObjectNode node = rules.addObject();
      node.put("name", rule.name());
      node.put("dimension", rule.dimension().label());
      node.put("severity", rule.severity());
      node.put("weight", rule.weight());
      node.put("passed", rule.passed());
      node.put("failed", rule.failed());
      node.put("skipped", rule.skipped());
      putOptional(node, "pass_rate", rule.passRate());
    }
    ArrayNode buckets = root.putArray("score_distribution");
    for (int i = 0; i < ScoreDistribution.BUCKETS; i++) {
      ObjectNode bucket = buckets.addObject();
      bucket.put("bucket", ScoreDistribution.label(i));
      bucket.put("count", report.distribution().counts().get(i));
    }
    ArrayNode failures = root.putArray("top_failures");
    for (FailureReason failure : report.topFailures()) {
      ObjectNode node = failures.addObject();
      node.put("rule", failure.rule());
      node.put("reason", failure.reason());
      node.put("count", failure.count());
      ArrayNode samples = node.putArray("samples");
      for (FailureSample sample : failure.samples()) {
        ObjectNode s = samples.addObject();
        s.put("source_coordinate", sample.sourceCoordinate());
        ObjectNode values = s.putObject("values");
        sample.values().forEach(values::put);
      }
    }
    ArrayNode checks = root.putArray("dataset_checks");
    for (DatasetCheck check : report.datasetChecks()) {
      checks
          .addObject()
          .put("name", check.name())
          .put("condition", check.condition())
          .put("passed", check.passed())
          .put("detail", check.detail())
          .put("fails_batch", check.failsBatch());
    }
    ObjectNode lists = root.putObject("reference_lists");
    report.referenceLists().forEach(lists::put);
    ArrayNode trend = root.putArray("trend");
    for (TrendPoint point : report.trend()) {
      ObjectNode node = trend.addObject();
      node.put("run_at", point.runAt().toString());
      node.put("rows_read", point.rowsRead());
      putOptional(node, "average_score", point.averageScore());
      putOptional(node, "quarantined_share", point.quarantinedShare());
      ObjectNode rates = node.putObject("rule_pass_rates");
      point.rulePassRates().forEach(rates::put);
    }
    return root;
  }

  private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }

  private static QualityReport fromJson(Node root) {
    long version = root.get("format_version").longValue();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "Unsupported quality report format_version "
              + version
              + ": this version reads "
              + FORMAT_VERSION);
    }
    Node rows = root.get("rows");
    Map<Dimension, Double> dimensions = new EnumMap<>(Dimension.class);
    root.get("dimension_scores")
        .fields()
        .forEach((label, score) -> dimensions.put(score.dimension(label), score.doubleValue()));
    List<RuleStats> rules = new ArrayList<>();
    for (Node rule : root.get("rules").elements()) {
      Node dimension = rule.get("dimension");
      rules.add(
          new RuleStats(
              rule.get("name").text(),
              dimension.dimension(dimension.text()),
              rule.get("severity").text(),
              rule.get("weight").doubleValue(),
              rule.get("passed").longValue(),
              rule.get("failed").longValue(),
              rule.get("skipped").longValue()));
    }
    List<Long> counts = new ArrayList<>();
    for (Node bucket : root.get("score_distribution").elements()) {
      counts.add(bucket.get("count").longValue());
    }
    List<FailureReason> failures = new ArrayList<>();
    for (Node failure : root.get("top_failures").elements()) {
      List<FailureSample> samples = new ArrayList<>();
      for (Node sample : failure.get("samples").elements()) {
        Map<String, String> values = new LinkedHashMap<>();
        sample.get("values").fields().forEach((column, value) -> values.put(column, value.text()));
        samples.add(new FailureSample(sample.get("source_coordinate").text(), values));
      }
      failures.add(
          new FailureReason(
              failure.get("rule").text(),
              failure.get("reason").text(),
              failure.get("count").longValue(),
              samples));
    }
    List<TrendPoint> trend = new ArrayList<>();
    for (Node point : root.get("trend").elements()) {
      Map<String, Double> rates = new LinkedHashMap<>();
      point
          .get("rule_pass_rates")
          .fields()
          .forEach((rule, rate) -> rates.put(rule, rate.doubleValue()));
      trend.add(
          new TrendPoint(
              point.get("run_at").instant(),
              point.get("rows_read").longValue(),
              point.get("average_score").optionalDouble(),
              point.get("quarantined_share").optionalDouble(),
              rates));
    }
    List<DatasetCheck> checks = new ArrayList<>();
    for (Node check : root.get("dataset_checks").elements()) {
      checks.add(
          new DatasetCheck(
              check.get("name").text(),
              check.get("condition").text(),
              check.get("passed").booleanValue(),
              check.get("detail").text(),
              check.get("fails_batch").booleanValue()));
    }
    return new QualityReport(
        root.get("table").text(),
        root.get("run_id").text(),
        root.get("run_at").instant(),
        new RowCounts(
            rows.get("read").longValue(),
            rows.get("kept").longValue(),
            rows.get("quarantined").longValue(),
            rows.get("duplicates").longValue(),
            rows.get("failed_batch").booleanValue()),
        root.get("average_score").optionalDouble(),
        dimensions,
        rules,
        new ScoreDistribution(counts),
        failures,
        trend,
        checks,
        referenceLists(root));
  }

  /** Reports written before reference lists were recorded have none. */
  private static Map<String, String> referenceLists(Node root) {
    Map<String, String> lists = new LinkedHashMap<>();
    if (root.json.has("reference_lists")) {
      root.get("reference_lists")
          .fields()
          .forEach((purpose, source) -> lists.put(purpose, source.text()));
    }
    return lists;
  }

  /** A JSON node and its path, so every type or presence error names the field at fault. */
  private static final class Node {
    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
      this.json = json;
      this.path = path;
    }

    Node get(String field) {
      if (!json.isObject()) {
        throw invalid("an object");
      }
      JsonNode child = json.get(field);
      if (child == null) {
        throw new IllegalArgumentException(
            "Invalid quality report JSON: missing field " + path + "." + field);
      }
      return new Node(child, path + "." + field);
    }

    List<Node> elements() {
      if (!json.isArray()) {
        throw invalid("an array");
      }
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        nodes.add(new Node(json.get(i), path + "[" + i + "]"));
      }
      return nodes;
    }

    /** The members of an object, in document order. */
    Map<String, Node> fields() {
      if (!json.isObject()) {
        throw invalid("an object");
      }
      Map<String, Node> fields = new LinkedHashMap<>();
      json.properties()
          .forEach(e -> fields.put(e.getKey(), new Node(e.getValue(), path + "." + e.getKey())));
      return fields;
    }

    String text() {
      if (!json.isTextual()) {
        throw invalid("a string");
      }
      return json.textValue();
    }

    long longValue() {
      if (!json.canConvertToExactIntegral() || !json.canConvertToLong()) {
        throw invalid("a whole number");
      }
      return json.longValue();
    }

    double doubleValue() {
      if (!json.isNumber()) {
        throw invalid("a number");
      }
      return json.doubleValue();
    }

    OptionalDouble optionalDouble() {
      return json.isNull() ? OptionalDouble.empty() : OptionalDouble.of(doubleValue());
    }

    boolean booleanValue() {
      if (!json.isBoolean()) {
        throw invalid("true or false");
      }
      return json.booleanValue();
    }

    Instant instant() {
      try {
        return Instant.parse(text());
      } catch (DateTimeParseException e) {
        throw invalid("an ISO-8601 instant such as 2026-01-31T12:00:00Z");
      }
    }

    /** Parses a dimension label found at this node, as its value or as its field name. */
    Dimension dimension(String label) {
      try {
        return Dimension.fromLabel(label);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid quality report JSON at " + path + ": " + e.getMessage(), e);
      }
    }

    private IllegalArgumentException invalid(String expected) {
      return new IllegalArgumentException(
          "Invalid quality report JSON at " + path + ": expected " + expected + ", got " + json);
    }
  }
}
