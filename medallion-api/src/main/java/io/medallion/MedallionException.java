package io.medallion;

/**
 * The root of every exception medallion throws, so callers can catch one type.
 *
 * <pre>{@code
 * try {
 *   runtime.run(pipeline);
 * } catch (MedallionException e) {
 *   log.error("pipeline failed", e);
 * }
 * }</pre>
 */
public class MedallionException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the value involved
   */
  public MedallionException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong, naming the value involved
   * @param cause the underlying failure
   */
  public MedallionException(String message, Throwable cause) {
    super(message, cause);
  }
}
