package io.medallion.core.internal.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.TableId;
import io.medallion.core.internal.catalog.MessageSecrets;
import io.medallion.core.internal.deliver.HttpPoster;
import io.medallion.core.internal.deliver.JsonLines;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.lineage.LineageTarget;
import io.medallion.core.observe.RunFinished;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.observe.RunStarted;
import io.medallion.core.observe.TableOutcome;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's OpenLineage events: START when it begins; COMPLETE when it succeeds, with every
 * table the run processed as an output and every table those consumed as an input (from the
 * consumed markers of their newest commit), each with its schema, a silver table's quality results
 * being facets of the input it scored; FAIL when it fails, with the error and the tables processed
 * as outputs, by name only. An event that cannot be delivered is logged; the run goes on.
 *
 * <pre>{@code
 * RunObserver lineage =
 *     new LineageObserver(target, "file:///srv/lake/warehouse", store::load, secrets);
 * }</pre>
 */
public final class LineageObserver implements RunObserver {
  private static final Logger LOG = LoggerFactory.getLogger(LineageObserver.class);

  private final LineageTarget target;
  private final String datasetNamespace;
  private final Function<TableId, Table> tables;
  private final HttpPoster poster;
  private final JsonLines lines;
  private final MessageSecrets secrets;

  /**
   * Creates the observer.
   *
   * @param target where events go
   * @param datasetNamespace the namespace of every dataset
   * @param tables loads a table of the runtime's catalog
   * @param secrets masks secrets in a failed run's message
   */
  public LineageObserver(
      LineageTarget target,
      String datasetNamespace,
      Function<TableId, Table> tables,
      MessageSecrets secrets) {
    this.secrets = secrets;
    this.target = target;
    this.datasetNamespace = datasetNamespace;
    this.tables = tables;
    this.poster = target.endpoint().map(HttpPoster::new).orElse(null);
    this.lines = target.file().map(JsonLines::new).orElse(null);
  }

  @Override
  public void runStarted(RunStarted run) {
    send(
        LineageEvents.event(
            "START", run.runId(), run.startedAt(), target.jobNamespace(), run.pipeline()),
        run.runId());
  }

  @Override
  public void runFinished(RunFinished run) {
    ObjectNode event =
        LineageEvents.event(
            run.succeeded() ? "COMPLETE" : "FAIL",
            run.runId(),
            run.endedAt(),
            target.jobNamespace(),
            run.pipeline());
    run.failure()
        .ifPresent(
            failure ->
                LineageEvents.failure(
                    event,
                    secrets.scrub(failure.getClass().getName() + ": " + failure.getMessage())));
    Map<TableId, ObjectNode> inputs = new LinkedHashMap<>();
    for (TableOutcome outcome : run.tables()) {
      // A failed run reads no catalog: the catalog or its store may be what failed, and Iceberg
      // retries a read against a store that is down for about 90 seconds.
      Optional<Table> table = run.succeeded() ? load(outcome.table()) : Optional.empty();
      ObjectNode output =
          LineageEvents.dataset(
              event,
              "outputs",
              datasetNamespace,
              outcome.table().toString(),
              table.map(Table::schema).orElse(null));
      if (outcome.producedSnapshot().isPresent()) {
        LineageEvents.outputStatistics(output, outcome.counts().written());
      }
      for (TableId read : table.map(LineageObserver::consumed).orElse(List.of())) {
        ObjectNode input = inputs.computeIfAbsent(read, id -> input(event, id));
        outcome.report().ifPresent(report -> LineageEvents.quality(input, report));
      }
    }
    send(event, run.runId());
  }

  private ObjectNode input(ObjectNode event, TableId id) {
    Schema schema = load(id).map(Table::schema).orElse(null);
    return LineageEvents.dataset(event, "inputs", datasetNamespace, id.toString(), schema);
  }

  /**
   * The upstream tables a table's newest commit recorded as consumed; keys that name no table (the
   * metrics table records a silver snapshot under its own key) are not inputs.
   */
  private static List<TableId> consumed(Table table) {
    return Lineage.sourceMarkers(table, TableProperties.CONSUMED_PREFIX).keySet().stream()
        .map(key -> key.substring(TableProperties.CONSUMED_PREFIX.length()))
        .filter(name -> name.indexOf('.') > 0 && name.indexOf('.') == name.lastIndexOf('.'))
        .map(TableId::parse)
        .toList();
  }

  /** A table as the catalog has it now; empty when it cannot be loaded (the event still goes). */
  private Optional<Table> load(TableId id) {
    try {
      return Optional.of(tables.apply(id));
    } catch (RuntimeException e) {
      LOG.debug("Lineage: {} could not be loaded, sent without schema: {}", id, e.toString());
      return Optional.empty();
    }
  }

  private void send(ObjectNode event, String runId) {
    String what = "lineage " + event.get("eventType").asText() + " of run " + runId;
    try {
      if (poster != null) {
        poster.post(event, what);
      } else {
        lines.append(event);
      }
    } catch (IOException e) {
      LOG.warn("{} was not delivered; the run goes on: {}", what, e.getMessage());
    }
  }
}
