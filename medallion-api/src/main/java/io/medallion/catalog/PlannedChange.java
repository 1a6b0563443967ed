package io.medallion.catalog;

import java.util.Objects;

/**
 * One change that registering a pipeline makes (or, in a dry run, would make) in a catalog.
 *
 * <pre>{@code
 * for (PlannedChange change : runtime.planRegistration(pipeline).changes()) {
 *   log.info("{} {}: {}", change.kind(), change.target(), change.detail());
 * }
 * }</pre>
 *
 * @param kind what kind of change
 * @param target the namespace or table changed, e.g. {@code silver.users}
 * @param detail what exactly, e.g. {@code add column 'phone_valid' boolean}
 */
public record PlannedChange(Kind kind, String target, String detail) {

  /** The kinds of change, from least to most invasive. */
  public enum Kind {
    /** Create a namespace (a Glue database) with its description. */
    CREATE_NAMESPACE,
    /** Create a table with its columns, partitioning and properties. */
    CREATE_TABLE,
    /** Add a column that the definition has and the table lacks. */
    ADD_COLUMN,
    /** Widen a column's type (int to long, float to double, wider decimal). */
    WIDEN_COLUMN,
    /** Move a column to its position in the definition. */
    MOVE_COLUMN,
    /** Set a column's description. */
    UPDATE_COLUMN_DOC,
    /**
     * Set table properties (layer, owner, description, quality policy, source) or a namespace's.
     */
    SET_PROPERTIES,
    /** Register an existing table's metadata in a catalog that does not know it yet. */
    REGISTER_TABLE,
    /** Point a catalog's registration at the table's newer metadata. */
    UPDATE_REGISTRATION
  }

  /**
   * Validates the change.
   *
   * @param kind what kind of change
   * @param target the namespace or table changed
   * @param detail what exactly
   */
  public PlannedChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + " " + target + ": " + detail;
  }
}
