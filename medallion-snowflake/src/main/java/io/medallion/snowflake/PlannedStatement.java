package io.medallion.snowflake;

import java.util.Objects;

/**
 * One statement of a {@link SnowflakePlan}: what it creates or changes, the Snowflake object's
 * name, the SQL and whether running it can drop or replace something that exists.
 *
 * <p>The SQL holds secrets only as references such as {@code <<secret env:POLARIS_SECRET>>}, which
 * the apply resolves at the last moment, and missing settings as named placeholders such as {@code
 * <<AWS_ROLE_ARN>>}.
 *
 * <pre>{@code
 * PlannedStatement view = plan.statements().get(0);
 * log.info("{} {}: {}", view.kind().label(), view.objectName(), view.sql());
 * }</pre>
 *
 * @param kind what the statement creates or changes
 * @param objectName the Snowflake object, fully qualified where it lives in a schema
 * @param sql the statement, without a trailing semicolon
 * @param destructive true when it replaces an existing object ({@code CREATE OR REPLACE})
 */
public record PlannedStatement(
    ObjectKind kind, String objectName, String sql, boolean destructive) {

  /**
   * Checks for missing values.
   *
   * @param kind the kind
   * @param objectName the object name
   * @param sql the SQL
   * @param destructive whether it replaces
   */
  public PlannedStatement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(sql, "sql");
  }

  /**
   * Tells whether the statement creates an object that a changed definition would replace, as
   * opposed to one that changes or grants something (refresh, masking, metrics, grants, loads).
   *
   * @return true for {@code CREATE} statements
   */
  public boolean createsObject() {
    return sql.startsWith("CREATE ");
  }

  /**
   * Returns this statement as one that replaces the existing object.
   *
   * @return the {@code CREATE OR REPLACE} form, marked destructive; this statement itself when it
   *     creates no object
   */
  public PlannedStatement replacing() {
    if (!createsObject()) {
      return this;
    }
    String replaced =
        "CREATE OR REPLACE "
            + sql.substring("CREATE ".length()).replaceFirst(" IF NOT EXISTS ", " ");
    return new PlannedStatement(kind, objectName, replaced, true);
  }

  /**
   * Tells whether the statement still holds a placeholder for a missing setting.
   *
   * @return true when it cannot run as is
   */
  public boolean hasPlaceholder() {
    return Placeholders.names(sql).stream().anyMatch(name -> !name.startsWith("secret "));
  }
}
