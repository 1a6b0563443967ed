package io.medallion.snowflake;

import io.medallion.Layer;
import io.medallion.TableId;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a layer's plan: the write-profile check, then database, volume, catalog integration,
 * schemas, the bronze and silver tables, masking, data metrics, check views, gold views and grants,
 * each statement in the order Snowflake needs it.
 */
final class PlanWriter {
  private static final SqlDialect SQL = PlanContext.SQL;
  private static final String INDENT = "\n  ";

  /** Snowflake loads at most this many files named in one COPY statement. */
  private static final int FILES_PER_COPY = 1000;

  private final PlanContext context;
  private final SnowflakeLayer.Builder settings;

  /** Where each exposed bronze and silver table is read in Snowflake, quoted. */
  private final Map<TableId, String> relations = new LinkedHashMap<>();

  PlanWriter(SnowflakeLayer.Builder settings) {
    this.settings = settings;
    this.context = new PlanContext(settings);
  }

  SnowflakePlan write() {
    List<TableDefinition> exposed = checkWriteProfile();
    database();
    boolean catalogApi = settings.exposure != Exposure.CLASSIC_COPY && integrations();
    schemas();
    switch (settings.exposure) {
      case LINKED_DATABASE:
        linkedDatabase(exposed, catalogApi);
        break;
      case CLASSIC_COPY:
        classic(exposed);
        break;
      default:
        exposed.forEach(table -> icebergTable(table, catalogApi));
        break;
    }
    for (TableDefinition table : exposed) {
      if (table instanceof SilverTable silver) {
        masking(silver);
        quality(silver);
      }
    }
    goldViews();
    grants();
    List<PlannedStatement> kept = new ArrayList<>();
    for (PlannedStatement statement : context.statements) {
      if (!settings.omitted.contains(statement.kind())) {
        kept.add(statement);
      }
    }
    if (!settings.omitted.isEmpty()) {
      context.notes.add(
          "Left out on request (they exist already or are managed elsewhere): "
              + settings.omitted.stream().map(ObjectKind::label).toList()
              + ".");
    }
    return new SnowflakePlan(
        settings.pipeline.name(),
        settings.database,
        kept,
        context.missing,
        context.refusals,
        context.notes);
  }

  /** The volume and catalog integration; true when Snowflake asks the catalog for tables. */
  private boolean integrations() {
    volume();
    return CatalogIntegrations.add(context);
  }

  /** The bronze and silver tables that keep the write profile; a refused table gets no DDL. */
  private List<TableDefinition> checkWriteProfile() {
    List<TableDefinition> exposed = new ArrayList<>();
    for (TableDefinition table : settings.pipeline.tables()) {
      if (table instanceof GoldTable) {
        continue;
      }
      Optional<TableFacts> facts = settings.facts().flatMap(f -> f.table(table.id()));
      List<String> reasons =
          new ArrayList<>(facts.map(settings.writeProfile::violations).orElse(List.of()));
      if (settings.exposure == Exposure.CLASSIC_COPY
          && facts.isPresent()
          && facts.get().deleteFiles() > 0) {
        reasons.add(
            "its current snapshot applies "
                + facts.get().deleteFiles()
                + " delete files, which COPY INTO cannot apply; expose it as an Iceberg table or"
                + " compact it first");
      }
      if (reasons.isEmpty()) {
        exposed.add(table);
      } else {
        context.refusals.put(table.id(), reasons);
      }
    }
    if (settings.facts().isEmpty()) {
      context.notes.add(
          "No lake facts were given: the write profile of the tables was not checked.");
    }
    return exposed;
  }

  private void database() {
    context.add(
        ObjectKind.DATABASE,
        settings.database,
        "CREATE DATABASE IF NOT EXISTS "
            + SQL.identifier(settings.database)
            + INDENT
            + "COMMENT = "
            + SQL.literal("Medallion layer of pipeline " + settings.pipeline.name()));
  }

  private void volume() {
    List<String> location = new ArrayList<>();
    location.add(
        "NAME = " + SQL.literal(settings.database.toLowerCase(java.util.Locale.ROOT) + "_lake"));
    location.add("STORAGE_PROVIDER = 'S3'");
    location.add(
        "STORAGE_AWS_ROLE_ARN = "
            + context.literal(
                settings.awsRoleArn(),
                "AWS_ROLE_ARN",
                "the IAM role Snowflake assumes for the lake (awsRoleArn, --aws-role-arn)"));
    location.add("STORAGE_BASE_URL = " + SQL.literal(context.storageBase() + "/"));
    settings
        .externalId()
        .ifPresent(id -> location.add("STORAGE_AWS_EXTERNAL_ID = " + SQL.literal(id)));
    String inner = INDENT + "    ";
    context.add(
        ObjectKind.EXTERNAL_VOLUME,
        context.volume(),
        "CREATE EXTERNAL VOLUME IF NOT EXISTS "
            + SQL.identifier(context.volume())
            + INDENT
            + "STORAGE_LOCATIONS = ("
            + INDENT
            + "  ("
            + inner
            + String.join(inner, location)
            + INDENT
            + "  )"
            + INDENT
            + ")"
            + INDENT
            + "ALLOW_WRITES = FALSE");
  }

  private void schemas() {
    Set<String> namespaces = new LinkedHashSet<>();
    for (TableDefinition table : settings.pipeline.tables()) {
      // A catalog-linked database holds the lake's tables; this database then needs the gold
      // schemas, and the schemas of the masking policies for personal columns.
      boolean linkedTable =
          settings.exposure == Exposure.LINKED_DATABASE && table.layer() != Layer.GOLD;
      boolean holdsPolicies =
          table instanceof SilverTable silver && !silver.personalColumns().isEmpty();
      if (!linkedTable || holdsPolicies) {
        namespaces.add(table.id().namespace());
      }
    }
    if (settings.pipeline.tables().stream()
        .anyMatch(t -> t instanceof SilverTable s && !s.rules().isEmpty())) {
      namespaces.add("checks");
    }
    for (String namespace : namespaces) {
      String description =
          "checks".equals(namespace)
              ? "Views returning the rows that fail each silver rule"
              : settings.pipeline.namespaceDescription(namespace);
      context.add(
          ObjectKind.SCHEMA,
          context.schema(namespace),
          "CREATE SCHEMA IF NOT EXISTS "
              + context.schema(namespace)
              + INDENT
              + "COMMENT = "
              + SQL.literal(description));
    }
  }

  private void icebergTable(TableDefinition table, boolean catalogApi) {
    String name = context.object(table.id());
    Optional<TableFacts> facts = settings.facts().flatMap(f -> f.table(table.id()));
    List<String> lines = new ArrayList<>();
    lines.add("EXTERNAL_VOLUME = " + SQL.literal(context.volume()));
    lines.add("CATALOG = " + SQL.literal(context.catalogIntegration()));
    if (catalogApi) {
      lines.add("CATALOG_TABLE_NAME = " + SQL.literal(table.id().name()));
      lines.add("CATALOG_NAMESPACE = " + SQL.literal(table.id().namespace()));
      lines.add("AUTO_REFRESH = " + (settings.autoRefresh ? "TRUE" : "FALSE"));
    } else {
      lines.add("METADATA_FILE_PATH = " + metadataPath(table.id(), facts));
    }
    if (!table.description().isEmpty()) {
      lines.add("COMMENT = " + SQL.literal(table.description()));
    }
    context.add(
        ObjectKind.ICEBERG_TABLE,
        name,
        "CREATE ICEBERG TABLE IF NOT EXISTS " + name + INDENT + String.join(INDENT, lines));
    if (!catalogApi) {
      // An object-store table follows the lake only when told which metadata file is current.
      context.add(
          ObjectKind.REFRESH,
          name,
          "ALTER ICEBERG TABLE " + name + " REFRESH " + metadataPath(table.id(), facts));
    } else if (!settings.autoRefresh) {
      context.add(ObjectKind.REFRESH, name, "ALTER ICEBERG TABLE " + name + " REFRESH");
    }
    relations.put(table.id(), name);
  }

  private String metadataPath(TableId id, Optional<TableFacts> facts) {
    Optional<String> relative = facts.flatMap(f -> relativeToWarehouse(f.metadataLocation()));
    return context.literal(
        relative,
        "METADATA_FILE_OF_" + PlanContext.upper(id.namespace() + "_" + id.name()),
        "the current metadata file of "
            + id
            + ", relative to the storage location (give lake facts)");
  }

  /** A lake path relative to the warehouse root, as Snowflake's volume and stages see it. */
  private Optional<String> relativeToWarehouse(String path) {
    Optional<String> root = settings.catalog.warehouseLocation().map(PlanWriter::withoutScheme);
    String plain = withoutScheme(path);
    if (root.isEmpty() || !plain.startsWith(root.get() + "/")) {
      return Optional.empty();
    }
    return Optional.of(plain.substring(root.get().length() + 1));
  }

  private static String withoutScheme(String path) {
    return path.replaceFirst("^[a-z0-9]+:(//)?", "/").replaceAll("/+", "/").replaceAll("/$", "");
  }

  private void linkedDatabase(List<TableDefinition> exposed, boolean catalogApi) {
    String linked = settings.database + "_LAKE";
    if (!catalogApi) {
      context.notes.add(
          "A catalog-linked database needs a Glue or REST catalog; this catalog is read from its"
              + " metadata files, so choose Iceberg tables instead.");
      return;
    }
    Set<String> namespaces = new LinkedHashSet<>();
    exposed.forEach(t -> namespaces.add(SQL.literal(t.id().namespace())));
    context.add(
        ObjectKind.DATABASE,
        linked,
        "CREATE DATABASE "
            + SQL.identifier(linked)
            + INDENT
            + "LINKED_CATALOG = ("
            + INDENT
            + "  CATALOG = "
            + SQL.literal(context.catalogIntegration())
            + ","
            + INDENT
            + "  ALLOWED_NAMESPACES = ("
            + String.join(", ", namespaces)
            + ")"
            + INDENT
            + "),"
            + INDENT
            + "EXTERNAL_VOLUME = "
            + SQL.literal(context.volume()));
    for (TableDefinition table : exposed) {
      relations.put(table.id(), SQL.qualified(linked, table.id().namespace(), table.id().name()));
    }
  }

  private void classic(List<TableDefinition> exposed) {
    String integration = context.storageIntegration();
    context.add(
        ObjectKind.STORAGE_INTEGRATION,
        integration,
        "CREATE STORAGE INTEGRATION IF NOT EXISTS "
            + SQL.identifier(integration)
            + INDENT
            + "TYPE = EXTERNAL_STAGE"
            + INDENT
            + "STORAGE_PROVIDER = 'S3'"
            + INDENT
            + "ENABLED = TRUE"
            + INDENT
            + "STORAGE_AWS_ROLE_ARN = "
            + context.literal(
                settings.awsRoleArn(),
                "AWS_ROLE_ARN",
                "the IAM role Snowflake assumes for the lake (awsRoleArn, --aws-role-arn)")
            + INDENT
            + "STORAGE_ALLOWED_LOCATIONS = ("
            + SQL.literal(context.storageBase() + "/")
            + ")");
    Set<String> formats = new LinkedHashSet<>();
    for (TableDefinition table : exposed) {
      String namespace = table.id().namespace();
      String format = context.inSchema(namespace, "PARQUET_FILES");
      if (formats.add(format)) {
        context.add(
            ObjectKind.FILE_FORMAT,
            format,
            "CREATE FILE FORMAT IF NOT EXISTS "
                + format
                + INDENT
                + "TYPE = PARQUET"
                + INDENT
                + "USE_LOGICAL_TYPE = TRUE");
      }
      classicTable(table);
    }
  }

  private void classicTable(TableDefinition table) {
    TableId id = table.id();
    Optional<TableFacts> facts = settings.facts().flatMap(f -> f.table(id));
    String stage = context.inSchema(id.namespace(), PlanContext.upper(id.name()) + "_FILES");
    Optional<String> tableDir = facts.flatMap(f -> relativeToWarehouse(f.location()));
    String url =
        tableDir.isPresent()
            ? SQL.literal(context.storageBase() + "/" + tableDir.get() + "/")
            : context.literal(
                Optional.empty(),
                "TABLE_LOCATION_OF_" + PlanContext.upper(id.namespace() + "_" + id.name()),
                "the S3 location of " + id + " (give lake facts)");
    context.add(
        ObjectKind.STAGE,
        stage,
        "CREATE STAGE IF NOT EXISTS "
            + stage
            + INDENT
            + "URL = "
            + url
            + INDENT
            + "STORAGE_INTEGRATION = "
            + SQL.identifier(context.storageIntegration())
            + INDENT
            + "FILE_FORMAT = (FORMAT_NAME = "
            + SQL.literal(formatName(id.namespace()))
            + ")");
    String name = context.object(id);
    List<String> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      columns.add(SQL.identifier(column.name()) + " " + snowflakeType(column.type()));
    }
    context.add(
        ObjectKind.TABLE,
        name,
        "CREATE TABLE IF NOT EXISTS "
            + name
            + " ("
            + INDENT
            + String.join("," + INDENT, columns)
            + "\n)"
            + (table.description().isEmpty()
                ? ""
                : INDENT + "COMMENT = " + SQL.literal(table.description())));
    copies(id, name, stage, facts);
    relations.put(id, name);
  }

  /** COPY statements naming exactly the current snapshot's data files, so a load repeats safely. */
  private void copies(TableId id, String name, String stage, Optional<TableFacts> facts) {
    List<String> files = new ArrayList<>();
    if (facts.isPresent()) {
      String root = withoutScheme(facts.get().location()) + "/";
      for (String file : facts.get().dataFiles()) {
        files.add(SQL.literal(withoutScheme(file).substring(root.length())));
      }
      if (files.isEmpty()) {
        context.notes.add(id + " has no data files in its current snapshot: nothing to COPY.");
        return;
      }
    } else {
      files.add(
          context.literal(
              Optional.empty(),
              "DATA_FILES_OF_" + PlanContext.upper(id.namespace() + "_" + id.name()),
              "the data files of " + id + "'s current snapshot (give lake facts)"));
    }
    String snapshot = facts.flatMap(TableFacts::snapshotId).map(s -> " snapshot " + s).orElse("");
    for (int from = 0; from < files.size(); from += FILES_PER_COPY) {
      List<String> chunk = files.subList(from, Math.min(files.size(), from + FILES_PER_COPY));
      context.add(
          ObjectKind.COPY,
          name + snapshot,
          "COPY INTO "
              + name
              + INDENT
              + "FROM @"
              + stage
              + INDENT
              + "FILES = ("
              + INDENT
              + "  "
              + String.join("," + INDENT + "  ", chunk)
              + INDENT
              + ")"
              + INDENT
              + "FILE_FORMAT = (FORMAT_NAME = "
              + SQL.literal(formatName(id.namespace()))
              + ")"
              + INDENT
              + "MATCH_BY_COLUMN_NAME = CASE_SENSITIVE");
    }
  }

  /**
   * The file format's name for a FORMAT_NAME literal: database and schema names are plain
   * upper-case identifiers, so the unquoted dotted form resolves to exactly the quoted objects.
   */
  private String formatName(String namespace) {
    return settings.database + "." + PlanContext.upper(namespace) + ".PARQUET_FILES";
  }

  static String snowflakeType(ColumnType type) {
    if (type instanceof ColumnType.Decimal decimal) {
      return "NUMBER(" + decimal.precision() + "," + decimal.scale() + ")";
    } else if (type instanceof ColumnType.ListOf) {
      return "ARRAY";
    } else if (type instanceof ColumnType.StructOf) {
      return "OBJECT";
    }
    switch ((ColumnType.Primitive) type) {
      case STRING:
        return "VARCHAR";
      case BOOLEAN:
        return "BOOLEAN";
      case INT:
        return "NUMBER(10,0)";
      case LONG:
        return "NUMBER(19,0)";
      case DOUBLE:
        return "FLOAT";
      case DATE:
        return "DATE";
      default:
        return "TIMESTAMP_LTZ(6)";
    }
  }

  private String alterTable(TableId id) {
    return settings.exposure == Exposure.CLASSIC_COPY ? "ALTER TABLE " : "ALTER ICEBERG TABLE ";
  }

  private void masking(SilverTable table) {
    String relation = relations.get(table.id());
    if (relation == null || table.personalColumns().isEmpty()) {
      return;
    }
    for (String name : table.personalColumns()) {
      ColumnType type = table.column(name).map(Column::type).orElse(ColumnType.STRING);
      String sqlType = type == ColumnType.STRING ? "VARCHAR" : snowflakeType(type);
      String policy =
          context.inSchema(
              table.id().namespace(),
              "PII_" + PlanContext.upper(type.displayName()).replaceAll("[^A-Z0-9]", "_"));
      if (context.statements.stream()
          .noneMatch(s -> s.kind() == ObjectKind.MASKING_POLICY && s.objectName().equals(policy))) {
        String masked = type == ColumnType.STRING ? "'***MASKED***'" : "NULL";
        context.add(
            ObjectKind.MASKING_POLICY,
            policy,
            "CREATE MASKING POLICY IF NOT EXISTS "
                + policy
                + " AS (val "
                + sqlType
                + ") RETURNS "
                + sqlType
                + " ->"
                + INDENT
                + "CASE WHEN IS_ROLE_IN_SESSION("
                + SQL.literal(settings.piiReaderRole)
                // Through a view the invoker is the view's owner: gold views then aggregate the
                // real values, and a reader of the views still sees no personal value.
                + ") OR INVOKER_ROLE() = "
                + SQL.literal(settings.ownerRole)
                + " THEN val ELSE "
                + masked
                + " END"
                + INDENT
                + "COMMENT = "
                + SQL.literal("Personal data: shown to " + settings.piiReaderRole + " only"));
      }
      if (settings.exposure == Exposure.LINKED_DATABASE) {
        continue;
      }
      context.add(
          ObjectKind.MASKING,
          relation + "." + SQL.identifier(name),
          alterTable(table.id())
              + relation
              + " MODIFY COLUMN "
              + SQL.identifier(name)
              + " SET MASKING POLICY "
              + policy
              + " FORCE");
    }
    if (settings.exposure == Exposure.LINKED_DATABASE) {
      context.notes.add(
          "Personal columns of "
              + table.id()
              + " "
              + table.personalColumns()
              + ": set the masking policies on the catalog-linked tables once they are discovered.");
    }
  }

  private void quality(SilverTable table) {
    String relation = relations.get(table.id());
    if (relation == null) {
      return;
    }
    QualityChecks checks = new QualityChecks(table, relation);
    context.notes.addAll(
        checks.medallionOnly.stream().map(r -> "Checked by medallion only: " + r).toList());
    if (!checks.metrics.isEmpty() && settings.exposure != Exposure.LINKED_DATABASE) {
      context.add(
          ObjectKind.METRIC_SCHEDULE,
          relation,
          alterTable(table.id())
              + relation
              + " SET DATA_METRIC_SCHEDULE = "
              + SQL.literal(settings.metricSchedule));
      Set<String> attached = new LinkedHashSet<>();
      for (QualityChecks.Metric metric : checks.metrics) {
        List<String> columns = new ArrayList<>();
        metric.columns().forEach(c -> columns.add(SQL.identifier(c)));
        String on = metric.function() + " ON (" + String.join(", ", columns) + ")";
        if (attached.add(on)) {
          context.add(
              ObjectKind.DATA_METRIC,
              relation + " " + on,
              alterTable(table.id()) + relation + INDENT + "ADD DATA METRIC FUNCTION " + on);
        }
      }
    }
    for (QualityChecks.CheckQuery query : checks.queries) {
      String view =
          context.inSchema(
              "checks",
              PlanContext.upper(table.id().name()) + "__" + PlanContext.upper(query.name()));
      context.add(
          ObjectKind.VIEW,
          view,
          "CREATE VIEW IF NOT EXISTS "
              + view
              + INDENT
              + "COMMENT = "
              + SQL.literal("Rows of " + table.id() + " failing rule " + query.name())
              + INDENT
              + "AS"
              + "\n"
              + query.query());
    }
  }

  private void goldViews() {
    for (TableDefinition table : settings.pipeline.tables()) {
      if (table.layer() == Layer.GOLD && !(table instanceof GoldTable)) {
        dimensional(table);
      }
      if (!(table instanceof GoldTable gold)) {
        continue;
      }
      TableId source = gold.source().id();
      // Tables are in dependency order: a gold source's view is planned before this one.
      String relation = relations.get(source);
      if (relation == null) {
        context.notes.add(
            "Gold view " + gold.id() + " is left out: its source " + source + " is not exposed.");
        continue;
      }
      Optional<String> query = GoldViews.query(gold, SQL, relation);
      if (query.isEmpty()) {
        context.notes.add(
            "Gold " + gold.id() + " is a kind of gold definition not rendered as a view yet.");
        continue;
      }
      String view = context.object(gold.id());
      context.add(
          ObjectKind.VIEW,
          view,
          "CREATE VIEW IF NOT EXISTS "
              + view
              + (gold.description().isEmpty()
                  ? ""
                  : INDENT + "COMMENT = " + SQL.literal(gold.description()))
              + INDENT
              + "AS\n"
              + query.get());
      relations.put(gold.id(), view);
    }
  }

  /**
   * A dimension, date dimension or fact keeps history that silver does not hold (a type 2
   * dimension's versions, the keys a fact resolved when it was written), so it is never derived
   * from its source: its own table is exposed, and a catalog-linked table gets a plain view in the
   * gold schema.
   */
  private void dimensional(TableDefinition table) {
    String kind = dimensionalKind(table);
    String relation = relations.get(table.id());
    if (relation == null) {
      context.notes.add(
          "The " + kind + " " + table.id() + " is left out: its table is not exposed.");
      return;
    }
    String object = context.object(table.id());
    if (relation.equals(object)) {
      context.notes.add(
          "The "
              + kind
              + " "
              + table.id()
              + " is exposed as its own table "
              + object
              + ", not as a view over silver: its history is kept only in that table.");
      return;
    }
    List<String> columns = new ArrayList<>();
    table.columns().forEach(column -> columns.add(SQL.identifier(column.name())));
    context.add(
        ObjectKind.VIEW,
        object,
        "CREATE VIEW IF NOT EXISTS "
            + object
            + (table.description().isEmpty()
                ? ""
                : INDENT + "COMMENT = " + SQL.literal(table.description()))
            + INDENT
            + "AS\nSELECT\n  "
            + String.join(",\n  ", columns)
            + "\nFROM "
            + relation);
    relations.put(table.id(), object);
    context.notes.add(
        "The "
            + kind
            + " "
            + table.id()
            + " is a plain view over its table in the linked database, not a view over silver:"
            + " its history is kept only in that table.");
  }

  private static String dimensionalKind(TableDefinition table) {
    if (table instanceof DimensionTable) {
      return "dimension";
    }
    return table instanceof DateDimension ? "date dimension" : "fact table";
  }

  private void grants() {
    String role = SQL.identifier(settings.readerRole);
    String database = SQL.identifier(settings.database);
    context.add(
        ObjectKind.GRANT,
        settings.database,
        "GRANT USAGE ON DATABASE " + database + " TO ROLE " + role);
    Set<String> goldSchemas = new LinkedHashSet<>();
    Set<String> goldTableSchemas = new LinkedHashSet<>();
    for (TableDefinition table : settings.pipeline.tables()) {
      if (table.layer() == Layer.GOLD && relations.containsKey(table.id())) {
        goldSchemas.add(table.id().namespace());
        if (relations.get(table.id()).equals(context.object(table.id()))
            && !(table instanceof GoldTable)) {
          goldTableSchemas.add(table.id().namespace());
        }
      }
    }
    for (String namespace : goldSchemas) {
      String schema = context.schema(namespace);
      context.add(ObjectKind.GRANT, schema, "GRANT USAGE ON SCHEMA " + schema + " TO ROLE " + role);
      context.add(
          ObjectKind.GRANT,
          schema,
          "GRANT SELECT ON ALL VIEWS IN SCHEMA " + schema + " TO ROLE " + role);
      context.add(
          ObjectKind.GRANT,
          schema,
          "GRANT SELECT ON FUTURE VIEWS IN SCHEMA " + schema + " TO ROLE " + role);
      if (goldTableSchemas.contains(namespace)) {
        // Dimensions and facts are tables in the gold schema: readers need them like the views.
        String tables = settings.exposure == Exposure.CLASSIC_COPY ? "TABLES" : "ICEBERG TABLES";
        context.add(
            ObjectKind.GRANT,
            schema,
            "GRANT SELECT ON ALL " + tables + " IN SCHEMA " + schema + " TO ROLE " + role);
        context.add(
            ObjectKind.GRANT,
            schema,
            "GRANT SELECT ON FUTURE " + tables + " IN SCHEMA " + schema + " TO ROLE " + role);
      }
    }
  }
}
