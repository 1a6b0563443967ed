package io.medallion.samples.randomuser;

import java.net.URI;
import java.util.OptionalInt;

/**
 * Thrown when the RandomUser API cannot deliver a response, after any retries. The message names
 * the request, the last status or error and the number of attempts, for example {@code "Cannot
 * fetch https://randomuser.me/api/?results=10: HTTP 503 after 4 attempts"}.
 *
 * <pre>{@code
 * try {
 *   client.fetchBody(request);
 * } catch (RandomUserException e) {
 *   if (e.statusCode().orElse(0) == 429) {
 *     // come back later
 *   }
 * }
 * }</pre>
 */
public final class RandomUserException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The request that failed. */
  private final URI uri;

  /** The status of the last response, or 0 if the last attempt got none. */
  private final int statusCode;

  /** How many requests were sent. */
  private final int attempts;

  RandomUserException(URI uri, int statusCode, int attempts) {
    super(message(uri, "HTTP " + statusCode, attempts));
    this.uri = uri;
    this.statusCode = statusCode;
    this.attempts = attempts;
  }

  RandomUserException(URI uri, String reason, int attempts, Throwable cause) {
    super(message(uri, reason, attempts), cause);
    this.uri = uri;
    this.statusCode = 0;
    this.attempts = attempts;
  }

  /**
   * The request that failed, for example {@code https://randomuser.me/api/1.4/?results=10}.
   *
   * @return the full request URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * The HTTP status of the last response, for example {@code 503}; empty if the last attempt got no
   * response (a connection error or a timeout).
   *
   * @return the last status, if any
   */
  public OptionalInt statusCode() {
    return statusCode == 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /**
   * How many requests were sent before giving up, for example {@code 4}.
   *
   * @return the number of attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  private static String message(URI uri, String reason, int attempts) {
    return "Cannot fetch "
        + uri
        + ": "
        + reason
        + " after "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts");
  }
}
