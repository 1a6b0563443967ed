package io.medallion.snowflake;

import io.medallion.TableId;
import io.medallion.catalog.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the parts of a plan share while it is written: the settings, the statements so far, and the
 * placeholders, refusals and notes gathered on the way.
 */
final class PlanContext {
  static final SqlDialect SQL = SqlDialect.SNOWFLAKE;

  final SnowflakeLayer.Builder settings;
  final List<PlannedStatement> statements = new ArrayList<>();
  final Map<String, String> missing = new LinkedHashMap<>();
  final Map<TableId, List<String>> refusals = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();

  PlanContext(SnowflakeLayer.Builder settings) {
    this.settings = settings;
  }

  void add(ObjectKind kind, String objectName, String sql) {
    statements.add(new PlannedStatement(kind, objectName, sql, false));
  }

  /** The value as a literal, or the named placeholder, recorded as missing, when there is none. */
  String literal(Optional<String> value, String placeholder, String what) {
    if (value.isPresent()) {
      return SQL.literal(value.get());
    }
    missing.putIfAbsent(placeholder, what);
    return SQL.literal(Placeholders.of(placeholder));
  }

  /** A secret as a reference to its environment variable; a literal secret is never written. */
  String secret(Secret secret, String placeholder, String what) {
    if (secret.origin().startsWith("env:")) {
      return SQL.literal(Placeholders.secret(secret.origin()));
    }
    missing.putIfAbsent(placeholder, what + " (given as a literal; give it as env:NAME)");
    return SQL.literal(Placeholders.of(placeholder));
  }

  String database() {
    return settings.database;
  }

  String volume() {
    return settings.database + "_VOLUME";
  }

  String catalogIntegration() {
    return settings.database + "_CATALOG";
  }

  String storageIntegration() {
    return settings.database + "_STORAGE";
  }

  /** A layer schema of the database, e.g. {@code "MEDALLION"."SILVER"}. */
  String schema(String namespace) {
    return SQL.qualified(settings.database, upper(namespace));
  }

  /** A table's or view's name in the database, e.g. {@code "MEDALLION"."SILVER"."USERS"}. */
  String object(TableId id) {
    return SQL.qualified(settings.database, upper(id.namespace()), upper(id.name()));
  }

  /** A name in a schema of the database, e.g. a stage or a policy. */
  String inSchema(String namespace, String name) {
    return SQL.qualified(settings.database, upper(namespace), name);
  }

  static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /** The storage location when Snowflake can read it, i.e. on S3. */
  Optional<String> s3Location() {
    String location = settings.storageLocation;
    boolean s3 = location.startsWith("s3://") || location.startsWith("s3a://");
    return s3
        ? Optional.of(location.replaceFirst("^s3a://", "s3://").replaceAll("/+$", ""))
        : Optional.empty();
  }

  /** The storage location, or the placeholder for it. */
  String storageBase() {
    return s3Location()
        .orElseGet(
            () -> {
              missing.putIfAbsent(
                  "S3_STORAGE_BASE_URL",
                  "the lake's warehouse root on S3 (storage location '"
                      + settings.storageLocation
                      + "' is not an s3:// location Snowflake can read)");
              return Placeholders.of("S3_STORAGE_BASE_URL");
            });
  }
}
