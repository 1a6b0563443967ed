package io.medallion.core.lineage;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.observe.HttpEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a runtime sends OpenLineage run events: START when a run begins, COMPLETE or FAIL when it
 * ends, with the tables read and written as datasets. Posted to an OpenLineage HTTP endpoint
 * (Marquez, DataHub, OpenMetadata, a proxy) or appended to a file as JSON lines. Lineage is off
 * unless a target is set.
 *
 * <pre>{@code
 * MedallionRuntime.builder()
 *     .lineage(LineageTarget.http(URI.create("http://marquez:5000")).jobNamespace("analytics"))
 *     .build();
 * }</pre>
 */
public final class LineageTarget {
  /** The path OpenLineage servers take run events on, added to a URI that has no path. */
  public static final String LINEAGE_PATH = "/api/v1/lineage";

  /** The job namespace unless set. */
  public static final String DEFAULT_JOB_NAMESPACE = "medallion";

  private final HttpEndpoint endpoint;
  private final Path file;
  private final String jobNamespace;
  private final String datasetNamespace;

  private LineageTarget(
      HttpEndpoint endpoint, Path file, String jobNamespace, String datasetNamespace) {
    this.endpoint = endpoint;
    this.file = file;
    this.jobNamespace = jobNamespace;
    this.datasetNamespace = datasetNamespace;
  }

  /**
   * Posts events to an OpenLineage server with the default limits ({@link HttpEndpoint}).
   *
   * <pre>{@code
   * LineageTarget.http(URI.create("http://localhost:5000")); // posts to .../api/v1/lineage
   * }</pre>
   *
   * @param uri the server; {@value #LINEAGE_PATH} is added when the URI has no path
   * @return the target
   */
  public static LineageTarget http(URI uri) {
    return http(HttpEndpoint.builder(withLineagePath(uri)).build());
  }

  /**
   * Posts events to an endpoint with its own headers (e.g. an API key) and limits.
   *
   * <pre>{@code
   * LineageTarget.http(
   *     HttpEndpoint.builder(URI.create("https://lineage.example.com/api/v1/lineage"))
   *         .header("Authorization", Secret.fromEnv("OPENLINEAGE_API_KEY"))
   *         .build());
   * }</pre>
   *
   * @param endpoint the full URI to post to, with headers and limits
   * @return the target
   */
  public static LineageTarget http(HttpEndpoint endpoint) {
    return new LineageTarget(
        Objects.requireNonNull(endpoint, "endpoint"), null, DEFAULT_JOB_NAMESPACE, null);
  }

  /**
   * Appends events to a file, one JSON document per line.
   *
   * <pre>{@code
   * LineageTarget.file(Path.of("lakehouse", "lineage.jsonl"));
   * }</pre>
   *
   * @param file the file, created with its folder on the first event
   * @return the target
   */
  public static LineageTarget file(Path file) {
    return new LineageTarget(
        null, Objects.requireNonNull(file, "file"), DEFAULT_JOB_NAMESPACE, null);
  }

  /**
   * Returns this target with another job namespace; jobs are named after their pipeline.
   *
   * @param namespace e.g. the team or scheduler, {@value #DEFAULT_JOB_NAMESPACE} unless set
   * @return a new target
   */
  public LineageTarget jobNamespace(String namespace) {
    return new LineageTarget(endpoint, file, nonBlank(namespace), datasetNamespace);
  }

  /**
   * Returns this target with another dataset namespace; datasets are named after their table
   * ({@code silver.users}).
   *
   * @param namespace e.g. {@code s3://acme-lake/medallion}; the catalog's warehouse unless set
   * @return a new target
   */
  public LineageTarget datasetNamespace(String namespace) {
    return new LineageTarget(endpoint, file, jobNamespace, nonBlank(namespace));
  }

  /**
   * Returns the HTTP endpoint events are posted to.
   *
   * @return the endpoint; empty for a file target
   */
  public Optional<HttpEndpoint> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * Returns the file events are appended to.
   *
   * @return the file; empty for an HTTP target
   */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Returns the namespace of the jobs.
   *
   * @return the job namespace
   */
  public String jobNamespace() {
    return jobNamespace;
  }

  /**
   * Returns the namespace of the datasets for a runtime's catalog.
   *
   * <pre>{@code
   * target.datasetNamespace(runtime.catalogConfig()); // "file:///srv/lakehouse/warehouse"
   * }</pre>
   *
   * @param catalog the runtime's catalog
   * @return the namespace set, else the catalog's warehouse, else its location (a REST catalog that
   *     chooses the warehouse itself)
   */
  public String datasetNamespace(CatalogConfig catalog) {
    if (datasetNamespace != null) {
      return datasetNamespace;
    }
    String warehouse = catalog.warehouseLocation().orElse(catalog.location());
    return warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
  }

  @Override
  public String toString() {
    return "LineageTarget["
        + (endpoint != null ? endpoint : "file " + file)
        + ", jobs in "
        + jobNamespace
        + "]";
  }

  private static URI withLineagePath(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() || "/".equals(path) ? uri.resolve(LINEAGE_PATH) : uri;
  }

  private static String nonBlank(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("A lineage namespace must not be blank");
    }
    return namespace;
  }
}
