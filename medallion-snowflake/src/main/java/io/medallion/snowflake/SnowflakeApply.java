package io.medallion.snowflake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link SnowflakePlan} over a JDBC connection, idempotently: a ledger table records a
 * fingerprint of every statement applied, so a second apply changes nothing and says so. An object
 * applied before with a different definition is drift: reported, and replaced ({@code CREATE OR
 * REPLACE}) only when allowed. The first failing statement stops the apply and is reported with
 * Snowflake's message. Secret references are resolved from the environment at the last moment and
 * never logged, stored or reported.
 *
 * <pre>{@code
 * try (Connection connection = account.open()) {
 *   ApplyReport report = SnowflakeApply.to(connection).allowReplace(false).apply(plan);
 *   log.info(report.summary());
 * }
 * }</pre>
 */
public final class SnowflakeApply {
  private static final Logger LOG = LoggerFactory.getLogger(SnowflakeApply.class);

  private final Connection connection;
  private final boolean allowReplace;
  private final String ledger;
  private final Function<String, String> environment;

  private SnowflakeApply(
      Connection connection,
      boolean allowReplace,
      String ledger,
      Function<String, String> environment) {
    this.connection = connection;
    this.allowReplace = allowReplace;
    this.ledger = ledger;
    this.environment = environment;
  }

  /**
   * Starts an apply over a connection; replacing is not allowed, the ledger is {@code
   * <database>.PUBLIC.MEDALLION_APPLIED} and secrets come from the process environment.
   *
   * @param connection an open connection, e.g. from {@link SnowflakeAccount#open()}
   * @return the apply
   */
  public static SnowflakeApply to(Connection connection) {
    return new SnowflakeApply(
        Objects.requireNonNull(connection, "connection"), false, null, System::getenv);
  }

  /**
   * Allows replacing objects that drifted from the plan.
   *
   * @param allowed true to run {@code CREATE OR REPLACE} for drifted objects
   * @return a changed copy
   */
  public SnowflakeApply allowReplace(boolean allowed) {
    return new SnowflakeApply(connection, allowed, ledger, environment);
  }

  /**
   * Names the ledger table, already quoted as the database expects.
   *
   * @param table e.g. {@code "ANALYTICS"."PUBLIC"."MEDALLION_APPLIED"}
   * @return a changed copy
   */
  public SnowflakeApply ledger(String table) {
    return new SnowflakeApply(
        connection, allowReplace, Objects.requireNonNull(table, "table"), environment);
  }

  /**
   * Reads secret references from another source than the process environment, e.g. in tests.
   *
   * @param variables a variable's value by name, null when unset
   * @return a changed copy
   */
  public SnowflakeApply environment(Function<String, String> variables) {
    return new SnowflakeApply(
        connection, allowReplace, ledger, Objects.requireNonNull(variables, "variables"));
  }

  /**
   * Applies the plan.
   *
   * @param plan the plan; it must hold no placeholder and no refused table
   * @return what happened to each statement reached
   * @throws IllegalArgumentException when a setting is still a placeholder or a secret's variable
   *     is unset, naming each
   * @throws SQLException when the ledger cannot be read or written
   */
  public ApplyReport apply(SnowflakePlan plan) throws SQLException {
    List<String> missing = new ArrayList<>(plan.missingSettings().keySet());
    Map<String, String> secrets = secrets(plan, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot apply the plan of pipeline "
              + plan.pipeline()
              + "; give these settings first: "
              + missing);
    }
    String table =
        ledger != null
            ? ledger
            : PlanContext.SQL.qualified(plan.database(), "PUBLIC", "MEDALLION_APPLIED");
    List<ApplyReport.Outcome> outcomes = new ArrayList<>();
    Map<String, String> applied = null;
    Map<String, Integer> ordinals = new HashMap<>();
    for (PlannedStatement statement : plan.statements()) {
      String object = statement.kind() + " " + statement.objectName();
      String key = object + " #" + ordinals.merge(object, 1, Integer::sum);
      String fingerprint = fingerprint(statement.sql());
      if (applied == null && statement.kind() == ObjectKind.DATABASE) {
        // The ledger lives in the database, so its CREATE ... IF NOT EXISTS (a no-op once the
        // database exists) runs first and is judged against the ledger afterwards.
        Optional<ApplyReport.Failure> failure = execute(statement, secrets);
        if (failure.isPresent()) {
          return new ApplyReport(outcomes, failure);
        }
        applied = readLedger(table);
        String before = applied.get(key);
        ApplyReport.Result result =
            before == null
                ? ApplyReport.Result.RAN
                : before.equals(fingerprint)
                    ? ApplyReport.Result.UNCHANGED
                    : ApplyReport.Result.DRIFTED;
        if (before == null) {
          record(table, key, fingerprint);
          applied.put(key, fingerprint);
        }
        outcomes.add(new ApplyReport.Outcome(statement, result));
        continue;
      }
      if (applied == null) {
        applied = readLedger(table);
      }
      String before = applied.get(key);
      ApplyReport.Result result;
      PlannedStatement toRun = statement;
      if (fingerprint.equals(before) && statement.kind() != ObjectKind.REFRESH) {
        outcomes.add(new ApplyReport.Outcome(statement, ApplyReport.Result.UNCHANGED));
        continue;
      } else if (before == null || !statement.createsObject()) {
        result = ApplyReport.Result.RAN;
      } else if (allowReplace && statement.kind() != ObjectKind.DATABASE) {
        toRun = statement.replacing();
        result = ApplyReport.Result.REPLACED;
      } else {
        LOG.warn(
            "{} {} differs from the one applied before; not replaced",
            statement.kind().label(),
            statement.objectName());
        outcomes.add(new ApplyReport.Outcome(statement, ApplyReport.Result.DRIFTED));
        continue;
      }
      Optional<ApplyReport.Failure> failure = execute(toRun, secrets);
      if (failure.isPresent()) {
        return new ApplyReport(outcomes, failure);
      }
      record(table, key, fingerprint);
      applied.put(key, fingerprint);
      outcomes.add(new ApplyReport.Outcome(statement, result));
    }
    return new ApplyReport(outcomes, Optional.empty());
  }

  /** Runs one statement with its secrets resolved; a failure carries Snowflake's message. */
  private Optional<ApplyReport.Failure> execute(
      PlannedStatement statement, Map<String, String> secrets) {
    try (Statement jdbc = connection.createStatement()) {
      LOG.info("Applying {} {}", statement.kind().label(), statement.objectName());
      jdbc.execute(resolve(statement.sql(), secrets));
      return Optional.empty();
    } catch (SQLException e) {
      String message = mask(String.valueOf(e.getMessage()), secrets);
      LOG.error("{} {} failed: {}", statement.kind().label(), statement.objectName(), message);
      return Optional.of(new ApplyReport.Failure(statement, message));
    }
  }

  /** The secrets a plan references, by reference; an unset variable is a missing setting. */
  private Map<String, String> secrets(SnowflakePlan plan, List<String> missing) {
    Map<String, String> secrets = new HashMap<>();
    for (PlannedStatement statement : plan.statements()) {
      for (String name : Placeholders.names(statement.sql())) {
        if (name.startsWith("secret env:")) {
          String variable = name.substring("secret env:".length());
          String value = environment.apply(variable);
          if (value == null || value.isEmpty()) {
            missing.add("environment variable " + variable);
          } else {
            secrets.put(Placeholders.of(name), value);
          }
        }
      }
    }
    return secrets;
  }

  /** Puts each secret's value in place of its reference, escaped as the literal it sits in. */
  private static String resolve(String sql, Map<String, String> secrets) {
    String resolved = sql;
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      String literal = PlanContext.SQL.literal(secret.getValue());
      resolved = resolved.replace("'" + secret.getKey() + "'", literal);
    }
    return resolved;
  }

  private static String mask(String message, Map<String, String> secrets) {
    String masked = message;
    for (String value : secrets.values()) {
      masked = masked.replace(value, "****");
    }
    return masked;
  }

  private Map<String, String> readLedger(String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (object_key VARCHAR(2000), fingerprint VARCHAR(64), applied_at VARCHAR(40))");
    }
    Map<String, String> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT object_key, fingerprint FROM " + table)) {
      while (rows.next()) {
        applied.put(rows.getString(1), rows.getString(2));
      }
    }
    return applied;
  }

  private void record(String table, String key, String fingerprint) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + table + " WHERE object_key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + " (object_key, fingerprint, applied_at) VALUES (?, ?, ?)")) {
      insert.setString(1, key);
      insert.setString(2, fingerprint);
      insert.setString(3, Instant.now().toString());
      insert.executeUpdate();
    }
  }

  /** The statement's fingerprint, taken with secrets as references: the ledger holds none. */
  private static String fingerprint(String sql) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(sql.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
