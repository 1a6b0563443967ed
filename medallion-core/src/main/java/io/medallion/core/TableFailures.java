package io.medallion.core;

import io.medallion.MedallionException;
import java.sql.SQLException;
import org.apache.iceberg.exceptions.RESTException;
import org.apache.iceberg.exceptions.ServiceFailureException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.apache.iceberg.jdbc.UncheckedSQLException;

/**
 * Turns a failure that escaped a table's processing (an object store that went away, a catalog that
 * timed out or was locked) into one that names the table, the catalog when the failure came from
 * it, the root cause and what to do, instead of a raw client exception. Medallion's own exceptions
 * already say what and where and pass through.
 */
final class TableFailures {
  /** Enough of a client's message to tell the cause, without pages of retry history. */
  private static final int MAX_CAUSE = 300;

  private final String catalog;

  /**
   * Names failures of one runtime's tables.
   *
   * @param catalog the runtime's catalog as messages name it, e.g. {@code medallion (embedded)}
   */
  TableFailures(String catalog) {
    this.catalog = catalog;
  }

  /**
   * Returns the failure itself when it already names what failed (or is one of the specific
   * exceptions callers catch by type), else one that says what failed, why and what to do.
   *
   * @param subject the table or pipeline, as the message names it
   * @param what what did not happen, e.g. "silver.users was not updated"
   * @param failure what escaped
   */
  RuntimeException naming(String subject, String what, RuntimeException failure) {
    boolean specific =
        failure instanceof MedallionException && failure.getClass() != MedallionException.class;
    String message = failure.getMessage();
    if (specific
        || (failure instanceof MedallionException
            && message != null
            && message.contains(subject))) {
      return failure;
    }
    boolean fromCatalog = fromCatalog(failure);
    return new MedallionException(
        what
            + ": "
            + (fromCatalog ? "catalog " + catalog + " failed: " : "")
            + cut(fromCatalog ? innermost(failure) : outermost(failure))
            + ". Run again once the cause is fixed: what was committed before is not repeated.",
        failure);
  }

  /** Whether a database or REST catalog client raised the failure, whatever wraps it. */
  private static boolean fromCatalog(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException
          || t instanceof UncheckedSQLException
          || t instanceof RESTException
          || t instanceof ServiceFailureException
          || t instanceof ServiceUnavailableException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first message along the causes: wrappers without their own message repeat their cause's
   * class and message, and a source's own message says which source it was.
   */
  private static String outermost(Throwable failure) {
    Throwable described = failure;
    while (described.getMessage() == null && described.getCause() != null) {
      described = described.getCause();
    }
    return described.getMessage() != null ? described.getMessage() : described.toString();
  }

  /**
   * The last message along the causes: a catalog client's wrappers only say which query or request
   * failed, the driver or socket below says why (locked, timed out, terminated).
   */
  private static String innermost(Throwable failure) {
    String message = failure.toString();
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static String cut(String message) {
    int nested = message.lastIndexOf("Exception: ");
    if (nested >= 0) {
      message = message.substring(nested + "Exception: ".length());
    }
    return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE) + "...";
  }
}
