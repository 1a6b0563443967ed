package io.medallion.core.internal.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.quality.Severity;
import io.medallion.report.DatasetCheck;
import io.medallion.report.QualityReport;
import io.medallion.report.RuleStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * OpenLineage run events as JSON trees (spec 2-0-2), with the facets medallion fills: schema,
 * output statistics, data-quality metrics and assertions, error message and job type.
 *
 * <pre>{@code
 * ObjectNode start = LineageEvents.event("START", runId, startedAt, "medallion", "orders");
 * }</pre>
 */
final class LineageEvents {
  /** Who wrote the events, as the spec asks: the project's repository. */
  static final String PRODUCER = "https://github.com/medallion-lakehouse/medallion";

  private static final String SPEC = "https://openlineage.io/spec/";
  private static final String FACETS = SPEC + "facets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LineageEvents() {}

  /**
   * Returns the OpenLineage run id of a medallion run: the same for every event of the run, and
   * derivable by anyone from medallion's run id.
   *
   * @param runId medallion's run id
   * @return a name-based (type 3) UUID of {@code "medallion:" + runId}
   */
  static UUID runUuid(String runId) {
    return UUID.nameUUIDFromBytes(("medallion:" + runId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts a run event with empty input and output lists.
   *
   * @param type START, COMPLETE or FAIL
   * @param runId medallion's run id
   * @param at the event time
   * @param jobNamespace the job namespace
   * @param pipeline the job name
   * @return the event
   */
  static ObjectNode event(
      String type, String runId, Instant at, String jobNamespace, String pipeline) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", type);
    event.put("eventTime", at.toString());
    event.put("producer", PRODUCER);
    event.put("schemaURL", SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent");
    event.putObject("run").put("runId", runUuid(runId).toString()).putObject("facets");
    ObjectNode job = event.putObject("job");
    job.put("namespace", jobNamespace);
    job.put("name", pipeline);
    facet(job.putObject("facets"), "jobType", "2-0-4/JobTypeJobFacet.json", "JobTypeJobFacet")
        .put("processingType", "BATCH")
        .put("integration", "MEDALLION")
        .put("jobType", "PIPELINE");
    event.putArray("inputs");
    event.putArray("outputs");
    return event;
  }

  /**
   * Adds the error message facet of a failed run.
   *
   * @param event the event
   * @param message the failure's class and message, secrets masked
   */
  static void failure(ObjectNode event, String message) {
    facet(
            (ObjectNode) event.get("run").get("facets"),
            "errorMessage",
            "1-0-1/ErrorMessageRunFacet.json",
            "ErrorMessageRunFacet")
        .put("message", message)
        .put("programmingLanguage", "JAVA");
  }

  /**
   * Adds a dataset to the event's inputs or outputs.
   *
   * @param event the event
   * @param list {@code "inputs"} or {@code "outputs"}
   * @param namespace the dataset namespace
   * @param name the table
   * @param schema its schema, or null when unknown
   * @return the dataset, for its input or output facets
   */
  static ObjectNode dataset(
      ObjectNode event, String list, String namespace, String name, Schema schema) {
    ObjectNode dataset = ((ArrayNode) event.get(list)).addObject();
    dataset.put("namespace", namespace);
    dataset.put("name", name);
    ObjectNode facets = dataset.putObject("facets");
    if (schema != null) {
      ArrayNode fields =
          facet(facets, "schema", "1-2-0/SchemaDatasetFacet.json", "SchemaDatasetFacet")
              .putArray("fields");
      for (Types.NestedField column : schema.columns()) {
        ObjectNode field = fields.addObject();
        field.put("name", column.name());
        field.put("type", column.type().toString());
        if (column.doc() != null) {
          field.put("description", column.doc());
        }
      }
    }
    return dataset;
  }

  /**
   * Adds the rows an output received.
   *
   * @param output an output dataset
   * @param rows the rows written
   */
  static void outputStatistics(ObjectNode output, long rows) {
    facet(
            output.putObject("outputFacets"),
            "outputStatistics",
            "1-0-2/OutputStatisticsOutputDatasetFacet.json",
            "OutputStatisticsOutputDatasetFacet")
        .put("rowCount", rows);
  }

  /**
   * Adds a silver table's quality results to the input it read: the rows evaluated, and every row
   * rule and dataset rule as an assertion.
   *
   * @param input the input dataset the silver table read
   * @param report the silver table's report
   */
  static void quality(ObjectNode input, QualityReport report) {
    if (input.has("inputFacets")) {
      // Another silver table read the same input: its metrics stay, the assertions add up.
      assertions((ArrayNode) input.at("/inputFacets/dataQualityAssertions/assertions"), report);
      return;
    }
    ObjectNode facets = input.putObject("inputFacets");
    ObjectNode metrics =
        facet(
            facets,
            "dataQualityMetrics",
            "1-0-3/DataQualityMetricsInputDatasetFacet.json",
            "DataQualityMetricsInputDatasetFacet");
    metrics.put("rowCount", report.rows().read());
    metrics.putObject("columnMetrics");
    assertions(
        facet(
                facets,
                "dataQualityAssertions",
                "1-1-0/DataQualityAssertionsDatasetFacet.json",
                "DataQualityAssertionsDatasetFacet")
            .putArray("assertions"),
        report);
  }

  /** Every row rule and dataset rule of a report, named after its silver table. */
  private static void assertions(ArrayNode assertions, QualityReport report) {
    for (RuleStats rule : report.rules()) {
      assertions
          .addObject()
          .put("assertion", rule.name())
          .put("success", rule.failed() == 0)
          .put("name", report.table() + "." + rule.name())
          .put("description", rule.dimension().label() + " rule")
          .put(
              "severity",
              Severity.CRITICAL.name().equalsIgnoreCase(rule.severity()) ? "error" : "warn")
          .put("expected", "0 rows failing")
          .put("actual", rule.failed() + " of " + (rule.passed() + rule.failed()) + " rows failed");
    }
    for (DatasetCheck check : report.datasetChecks()) {
      assertions
          .addObject()
          .put("assertion", check.name())
          .put("success", check.passed())
          .put("name", report.table() + "." + check.name())
          .put("description", check.condition())
          .put("severity", check.failsBatch() ? "error" : "warn")
          .put("actual", check.detail());
    }
  }

  private static ObjectNode facet(ObjectNode facets, String name, String file, String definition) {
    ObjectNode facet = facets.putObject(name);
    facet.put("_producer", PRODUCER);
    facet.put("_schemaURL", FACETS + file + "#/$defs/" + definition);
    return facet;
  }
}
