package io.medallion.core;

import io.medallion.MedallionException;

/**
 * A commit lost to another writer and could not be retried safely: the table changed in a way this
 * commit depended on, or the retries ran out. Nothing of this commit is in the table; running again
 * processes what is still new.
 *
 * <pre>{@code
 * try {
 *   runtime.run(pipeline);
 * } catch (CommitConflictException e) {
 *   log.warn("{} changed meanwhile, running again", e.table());
 *   runtime.run(pipeline);
 * }
 * }</pre>
 */
public final class CommitConflictException extends MedallionException {
  private static final long serialVersionUID = 1L;

  /** The qualified name of the table the commit was for. */
  private final String table;

  /**
   * Describes a conflict.
   *
   * @param table the table's qualified name
   * @param reason what the other writer changed, and what to do
   * @param cause Iceberg's exception
   */
  public CommitConflictException(String table, String reason, Throwable cause) {
    super("Cannot commit to " + table + ": " + reason, cause);
    this.table = table;
  }

  /**
   * Returns the table the commit was for.
   *
   * @return its qualified name, e.g. {@code silver.users}
   */
  public String table() {
    return table;
  }
}
