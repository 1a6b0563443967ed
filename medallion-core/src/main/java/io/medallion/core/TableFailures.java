package io.medallion.core;

import io.medallion.MedallionException;

/**
 * Turns a failure that escaped a table's processing (an object store that went away, a catalog that
 * timed out) into one that names the table, the root cause and what to do, instead of a raw client
 * exception. Medallion's own exceptions already say what and where and pass through.
 */
final class TableFailures {
  /** Enough of a client's message to tell the cause, without pages of retry history. */
  private static final int MAX_CAUSE = 300;

  private TableFailures() {}

  /**
   * Returns the failure itself when it already names what failed (or is one of the specific
   * exceptions callers catch by type), else one that says what failed, why and what to do.
   *
   * @param subject the table or pipeline, as the message names it
   * @param what what did not happen, e.g. "silver.users was not updated"
   * @param failure what escaped
   */
  static RuntimeException naming(String subject, String what, RuntimeException failure) {
    boolean specific =
        failure instanceof MedallionException && failure.getClass() != MedallionException.class;
    String message = failure.getMessage();
    if (specific
        || (failure instanceof MedallionException
            && message != null
            && message.contains(subject))) {
      return failure;
    }
    return new MedallionException(
        what
            + ": "
            + rootCause(failure)
            + ". Run again once the cause is fixed: what was committed before is not repeated.",
        failure);
  }

  /** The innermost message: wrappers repeat their cause's class and message in their own. */
  private static String rootCause(Throwable failure) {
    Throwable described = failure;
    while (described.getMessage() == null && described.getCause() != null) {
      described = described.getCause();
    }
    String message = described.getMessage() != null ? described.getMessage() : described.toString();
    int nested = message.lastIndexOf("Exception: ");
    if (nested >= 0) {
      message = message.substring(nested + "Exception: ".length());
    }
    return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE) + "...";
  }
}
