package io.medallion.core.internal.observe;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.metrics.CommitReport;
import org.apache.iceberg.metrics.MetricsReport;
import org.apache.iceberg.metrics.MetricsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the commit reports Iceberg makes for every snapshot a runtime commits (duration, attempts,
 * operation) to that runtime. Iceberg builds a catalog's reporter from a class name, so the runtime
 * registers a sink here and names it in its catalog's properties; the reporter Iceberg creates
 * finds the sink by that name.
 *
 * <pre>{@code
 * CommitReports.Registration commits = CommitReports.register(report -> record(report));
 * Catalog catalog = IcebergCatalogs.open(config, commits.catalogProperties());
 * }</pre>
 */
public final class CommitReports implements MetricsReporter {
  /** The catalog property naming the sink a catalog's reports go to. */
  public static final String SINK = "medallion.commit-reports.sink";

  private static final Logger LOG = LoggerFactory.getLogger(CommitReports.class);
  private static final Map<String, Consumer<CommitReport>> SINKS = new ConcurrentHashMap<>();

  private volatile String sink;

  /** Created by Iceberg from the catalog's {@code metrics-reporter-impl} property. */
  public CommitReports() {}

  /**
   * A sink registered for one runtime, removed when closed.
   *
   * @param name the sink's name
   */
  public record Registration(String name) implements AutoCloseable {
    /**
     * Returns the catalog properties that send the catalog's commit reports to this sink.
     *
     * @return {@code metrics-reporter-impl} and the sink's name
     */
    public Map<String, String> catalogProperties() {
      return Map.of(
          CatalogProperties.METRICS_REPORTER_IMPL, CommitReports.class.getName(), SINK, name);
    }

    @Override
    public void close() {
      SINKS.remove(name);
    }
  }

  /**
   * Registers a sink.
   *
   * @param sink receives each commit report; what it throws is logged and goes no further
   * @return the registration, to name in the catalog's properties and to close with the runtime
   */
  public static Registration register(Consumer<CommitReport> sink) {
    String name = UUID.randomUUID().toString();
    SINKS.put(name, sink);
    return new Registration(name);
  }

  @Override
  public void initialize(Map<String, String> properties) {
    sink = properties.get(SINK);
  }

  @Override
  public void report(MetricsReport report) {
    if (!(report instanceof CommitReport commit) || sink == null) {
      return;
    }
    Consumer<CommitReport> to = SINKS.get(sink);
    if (to == null) {
      return;
    }
    try {
      to.accept(commit);
    } catch (RuntimeException e) {
      LOG.warn("Commit report of {} not recorded: {}", commit.tableName(), e.toString());
    }
  }
}
