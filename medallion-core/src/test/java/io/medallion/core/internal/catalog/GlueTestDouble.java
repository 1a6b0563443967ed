package io.medallion.core.internal.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory AWS Glue Data Catalog endpoint for running Iceberg's real {@code GlueCatalog}
 * against. It is a test double, not an emulator: only the calls Iceberg's GlueCatalog makes are
 * served.
 *
 * <p>It speaks the AWS JSON 1.1 protocol on {@code 127.0.0.1} and serves {@code CreateDatabase},
 * {@code GetDatabase}, {@code GetDatabases}, {@code UpdateDatabase}, {@code DeleteDatabase}, {@code
 * CreateTable}, {@code GetTable}, {@code GetTables}, {@code UpdateTable} and {@code DeleteTable}.
 * Any other operation, and a {@code GetTables} filter {@code Expression}, is refused with an {@code
 * InvalidInputException} naming it, so a test never passes on a call the double only pretends to
 * serve. Lists come back in one page.
 *
 * <p>{@code UpdateTable} is guarded like Glue's optimistic locking, which is what keeps Iceberg's
 * commits atomic when no lock manager is configured: a request whose {@code VersionId} is not the
 * table's current one fails with {@code ConcurrentModificationException}, and every create or
 * update gives the table a new {@code VersionId}. Table versions are not archived.
 *
 * <p>Point a catalog at it with the catalog property {@code glue.endpoint} set to {@link
 * #endpoint()}; the AWS SDK still wants a region and some credentials, which are not checked.
 */
public final class GlueTestDouble implements AutoCloseable {
  private static final String TARGET_PREFIX = "AWSGlue.";
  private static final String ENTITY_NOT_FOUND = "EntityNotFoundException";
  private static final String ALREADY_EXISTS = "AlreadyExistsException";
  private static final String CONCURRENT_MODIFICATION = "ConcurrentModificationException";
  private static final String INVALID_INPUT = "InvalidInputException";
  private static final String FIRST_VERSION_ID = "1";
  private static final Map<String, Object> NO_CONTENT = Map.of();

  // Records use Java names; Glue's JSON members are the same names in UpperCamelCase.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Integer> requestCounts = new ConcurrentHashMap<>();
  private final Map<String, Database> databases = new TreeMap<>();
  private final Map<String, Map<String, Table>> tablesByDatabase = new TreeMap<>();

  private GlueTestDouble() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an empty catalog on a free port of 127.0.0.1. */
  public static GlueTestDouble start() {
    return new GlueTestDouble();
  }

  /** The URI to configure as {@code glue.endpoint}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * How many calls of a Glue operation, such as {@code "UpdateTable"}, were received, including the
   * ones answered with an error.
   */
  public int requestCount(String operation) {
    return requestCounts.getOrDefault(operation, 0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      String operation =
          target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
      requestCounts.merge(operation, 1, Integer::sum);
      byte[] request = exchange.getRequestBody().readAllBytes();
      int status;
      Object response;
      try {
        response = dispatch(operation, request);
        status = 200;
      } catch (GlueException e) {
        response = e.body();
        status = 400;
      } catch (RuntimeException e) {
        // A bug in the double: answer instead of dropping the connection, which the SDK would
        // retry and report as a network failure.
        response = Map.of("__type", "InternalServiceException", "message", e.toString());
        status = 500;
      }
      byte[] body = JSON.writeValueAsBytes(response);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  // One call at a time, so each call is atomic as it is on the service.
  private synchronized Object dispatch(String operation, byte[] request) {
    return switch (operation) {
      case "CreateDatabase" -> createDatabase(read(request, DatabaseCall.class));
      case "GetDatabase" -> Map.of("Database", database(read(request, DatabaseCall.class).name()));
      case "GetDatabases" -> Map.of("DatabaseList", List.copyOf(databases.values()));
      case "UpdateDatabase" -> updateDatabase(read(request, DatabaseCall.class));
      case "DeleteDatabase" -> deleteDatabase(read(request, DatabaseCall.class));
      case "CreateTable" -> createTable(read(request, TableCall.class));
      case "GetTable" -> getTable(read(request, TableCall.class));
      case "GetTables" -> getTables(read(request, TableCall.class));
      case "UpdateTable" -> updateTable(read(request, TableCall.class));
      case "DeleteTable" -> deleteTable(read(request, TableCall.class));
      default ->
          throw new GlueException(
              INVALID_INPUT, "GlueTestDouble does not implement operation " + operation);
    };
  }

  private Object createDatabase(DatabaseCall call) {
    DatabaseInput input = required(call.databaseInput(), "DatabaseInput");
    String name = required(input.name(), "DatabaseInput.Name");
    if (databases.containsKey(name)) {
      throw new GlueException(ALREADY_EXISTS, "Database " + name + " already exists.");
    }
    databases.put(name, Database.of(name, input, now()));
    tablesByDatabase.put(name, new TreeMap<>());
    return NO_CONTENT;
  }

  private Object updateDatabase(DatabaseCall call) {
    Database current = database(call.name());
    DatabaseInput input = required(call.databaseInput(), "DatabaseInput");
    databases.put(current.name(), Database.of(current.name(), input, current.createTime()));
    return NO_CONTENT;
  }

  private Object deleteDatabase(DatabaseCall call) {
    // Glue drops the tables of a deleted database with it.
    String name = database(call.name()).name();
    databases.remove(name);
    tablesByDatabase.remove(name);
    return NO_CONTENT;
  }

  private Object createTable(TableCall call) {
    Map<String, Table> tables = tables(call.databaseName());
    TableInput input = required(call.tableInput(), "TableInput");
    String name = required(input.name(), "TableInput.Name");
    if (tables.containsKey(name)) {
      throw new GlueException(ALREADY_EXISTS, "Table " + name + " already exists.");
    }
    long now = now();
    tables.put(name, Table.of(call.databaseName(), input, now, now, FIRST_VERSION_ID));
    return NO_CONTENT;
  }

  private Object getTable(TableCall call) {
    return Map.of("Table", table(call.databaseName(), call.name()));
  }

  private Object getTables(TableCall call) {
    if (call.expression() != null) {
      throw new GlueException(
          INVALID_INPUT, "GlueTestDouble does not implement the GetTables Expression filter");
    }
    return Map.of("TableList", List.copyOf(tables(call.databaseName()).values()));
  }

  private Object updateTable(TableCall call) {
    TableInput input = required(call.tableInput(), "TableInput");
    Table current = table(call.databaseName(), input.name());
    if (call.versionId() != null && !call.versionId().equals(current.versionId())) {
      throw new GlueException(
          CONCURRENT_MODIFICATION,
          "Update table failed due to concurrent modifications: version "
              + call.versionId()
              + " is not the current version "
              + current.versionId());
    }
    String nextVersionId = String.valueOf(Long.parseLong(current.versionId()) + 1);
    tables(call.databaseName())
        .put(
            current.name(),
            Table.of(call.databaseName(), input, current.createTime(), now(), nextVersionId));
    return NO_CONTENT;
  }

  private Object deleteTable(TableCall call) {
    Table table = table(call.databaseName(), call.name());
    tables(call.databaseName()).remove(table.name());
    return NO_CONTENT;
  }

  private Database database(String name) {
    Database database = databases.get(required(name, "Name"));
    if (database == null) {
      throw new GlueException(ENTITY_NOT_FOUND, "Database " + name + " not found.");
    }
    return database;
  }

  private Map<String, Table> tables(String databaseName) {
    Map<String, Table> tables = tablesByDatabase.get(required(databaseName, "DatabaseName"));
    if (tables == null) {
      throw new GlueException(ENTITY_NOT_FOUND, "Database " + databaseName + " not found.");
    }
    return tables;
  }

  private Table table(String databaseName, String name) {
    Table table = tables(databaseName).get(required(name, "Name"));
    if (table == null) {
      throw new GlueException(
          ENTITY_NOT_FOUND, "Table " + name + " not found in database " + databaseName + ".");
    }
    return table;
  }

  private static <T> T read(byte[] request, Class<T> type) {
    try {
      return JSON.readValue(request, type);
    } catch (IOException e) {
      throw new GlueException(INVALID_INPUT, "Unreadable request: " + e.getMessage());
    }
  }

  private static <T> T required(T value, String member) {
    if (value == null) {
      throw new GlueException(INVALID_INPUT, member + " is required");
    }
    return value;
  }

  // Glue's JSON protocol carries timestamps as epoch seconds.
  private static long now() {
    return Instant.now().getEpochSecond();
  }

  /** The members of the database calls; each call reads only the ones it needs. */
  private record DatabaseCall(String name, DatabaseInput databaseInput) {}

  /** The members of the table calls; each call reads only the ones it needs. */
  private record TableCall(
      String databaseName,
      String name,
      TableInput tableInput,
      String versionId,
      String expression) {}

  private record DatabaseInput(
      String name, String description, String locationUri, Map<String, String> parameters) {}

  private record Database(
      String name,
      String description,
      String locationUri,
      Map<String, String> parameters,
      long createTime) {
    static Database of(String name, DatabaseInput input, long createTime) {
      return new Database(
          name, input.description(), input.locationUri(), input.parameters(), createTime);
    }
  }

  private record TableInput(
      String name,
      String description,
      String owner,
      String tableType,
      Map<String, String> parameters,
      StorageDescriptor storageDescriptor) {}

  private record StorageDescriptor(String location, List<Column> columns) {}

  private record Column(String name, String type, String comment, Map<String, String> parameters) {}

  private record Table(
      String name,
      String databaseName,
      String description,
      String owner,
      String tableType,
      Map<String, String> parameters,
      StorageDescriptor storageDescriptor,
      long createTime,
      long updateTime,
      String versionId) {
    static Table of(
        String databaseName, TableInput input, long createTime, long updateTime, String versionId) {
      return new Table(
          input.name(),
          databaseName,
          input.description(),
          input.owner(),
          input.tableType(),
          input.parameters(),
          input.storageDescriptor(),
          createTime,
          updateTime,
          versionId);
    }
  }

  /** A Glue error, answered as HTTP 400 whose {@code __type} the SDK maps to its exception. */
  private static final class GlueException extends RuntimeException {
    private final String type;

    GlueException(String type, String message) {
      super(message);
      this.type = type;
    }

    Map<String, String> body() {
      return Map.of("__type", type, "message", getMessage());
    }
  }
}
