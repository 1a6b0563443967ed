package io.medallion.core.observe;

import io.medallion.Problems;
import io.medallion.catalog.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP endpoint that alerts or lineage events are posted to as JSON, with the limits that keep a
 * dead endpoint from holding a run: a timeout per attempt, a bounded number of attempts and a
 * backoff between them. One event waits at most {@link #longestWait()}. Header values are {@link
 * Secret}s, and {@code toString()} shows neither them nor the URI's path and query (a Slack webhook
 * carries its token in the path).
 *
 * <pre>{@code
 * HttpEndpoint hook =
 *     HttpEndpoint.builder(URI.create("https://alerts.example.com/medallion"))
 *         .header("Authorization", Secret.fromEnv("ALERTS_TOKEN"))
 *         .timeout(Duration.ofSeconds(2))
 *         .build();
 * }</pre>
 *
 * @param uri where to post
 * @param headers headers sent with every request, e.g. {@code Authorization}
 * @param timeout how long one attempt may take, connection included
 * @param attempts how many times an event is tried before it is given up (and logged)
 * @param backoff the wait before the second attempt; it doubles before each further one
 */
public record HttpEndpoint(
    URI uri, Map<String, Secret> headers, Duration timeout, int attempts, Duration backoff) {

  /** The timeout per attempt unless set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** The attempts per event unless set. */
  public static final int DEFAULT_ATTEMPTS = 3;

  /** The first backoff unless set. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);

  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final int MAX_ATTEMPTS = 10;
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Checks and copies the values; use {@link #builder(URI)} to have every problem listed at once.
   *
   * @param uri the URI
   * @param headers the headers
   * @param timeout the timeout per attempt
   * @param attempts the attempts
   * @param backoff the first backoff
   * @throws io.medallion.ValidationException listing every problem
   */
  public HttpEndpoint {
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Problems problems = new Problems();
    String scheme = uri.getScheme();
    problems.check(
        ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            && uri.getHost() != null,
        "uri must be an absolute http or https URI with a host, got " + masked(uri));
    headers.forEach(
        (name, value) -> {
          problems.check(
              HEADER_NAME.matcher(name).matches(),
              "header name '" + name + "' is not a valid HTTP header name");
          problems.check(
              value.isSet(), "header " + name + " has no value: " + value.origin() + " is unset");
        });
    problems.check(
        timeout.compareTo(Duration.ZERO) > 0 && timeout.compareTo(MAX_TIMEOUT) <= 0,
        "timeout must be more than 0 and at most " + MAX_TIMEOUT + ", got " + timeout);
    problems.check(
        attempts >= 1 && attempts <= MAX_ATTEMPTS,
        "attempts must be 1 to " + MAX_ATTEMPTS + ", got " + attempts);
    problems.check(
        !backoff.isNegative() && backoff.compareTo(MAX_BACKOFF) <= 0,
        "backoff must be 0 to " + MAX_BACKOFF + ", got " + backoff);
    problems.throwIfAny("HTTP endpoint " + masked(uri));
  }

  /**
   * Starts an endpoint with the default limits.
   *
   * <pre>{@code
   * HttpEndpoint.builder(URI.create("http://localhost:5000/api/v1/lineage")).build();
   * }</pre>
   *
   * @param uri where to post
   * @return the builder
   */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /**
   * Returns the longest an event can keep the run waiting: every attempt timing out, plus the
   * backoffs between them.
   *
   * <pre>{@code
   * HttpEndpoint.builder(uri).build().longestWait(); // PT9.75S: 3 x 3 s + 0.25 s + 0.5 s
   * }</pre>
   *
   * @return the bound
   */
  public Duration longestWait() {
    Duration total = timeout.multipliedBy(attempts);
    for (int retry = 1; retry < attempts; retry++) {
      total = total.plus(backoffBefore(retry + 1));
    }
    return total;
  }

  /**
   * Returns the wait before an attempt.
   *
   * <pre>{@code
   * endpoint.backoffBefore(3); // twice the backoff
   * }</pre>
   *
   * @param attempt the attempt, from 2
   * @return the backoff, doubled for each attempt after the second
   */
  public Duration backoffBefore(int attempt) {
    return backoff.multipliedBy(1L << Math.max(0, attempt - 2));
  }

  @Override
  public String toString() {
    return "HttpEndpoint[" + masked(uri) + ", headers " + headers + "]";
  }

  /** The URI without path, query and user info: any of them may carry a token. */
  private static String masked(URI uri) {
    String host = uri.getHost() == null ? "?" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    boolean hidden = uri.getRawPath() != null && uri.getRawPath().length() > 1;
    return uri.getScheme() + "://" + host + port + (hidden ? "/****" : "");
  }

  /**
   * Collects an endpoint's settings.
   *
   * <pre>{@code
   * HttpEndpoint.builder(uri).attempts(5).backoff(Duration.ofSeconds(1)).build();
   * }</pre>
   */
  public static final class Builder {
    private final URI uri;
    private final Map<String, Secret> headers = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int attempts = DEFAULT_ATTEMPTS;
    private Duration backoff = DEFAULT_BACKOFF;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * Adds a header sent with every request.
     *
     * @param name the header name, e.g. {@code Authorization}
     * @param value its value, e.g. {@code Secret.fromEnv("ALERTS_TOKEN")}
     * @return this builder
     */
    public Builder header(String name, Secret value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets how long one attempt may take; the default is {@link HttpEndpoint#DEFAULT_TIMEOUT}.
     *
     * @param perAttempt more than 0, at most 60 seconds
     * @return this builder
     */
    public Builder timeout(Duration perAttempt) {
      this.timeout = Objects.requireNonNull(perAttempt, "timeout");
      return this;
    }

    /**
     * Sets how many times an event is tried; the default is {@value HttpEndpoint#DEFAULT_ATTEMPTS}.
     *
     * @param count 1 to 10
     * @return this builder
     */
    public Builder attempts(int count) {
      this.attempts = count;
      return this;
    }

    /**
     * Sets the wait before the second attempt, doubled before each further one; the default is
     * {@link HttpEndpoint#DEFAULT_BACKOFF}.
     *
     * @param first 0 to 10 seconds
     * @return this builder
     */
    public Builder backoff(Duration first) {
      this.backoff = Objects.requireNonNull(first, "backoff");
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return the endpoint
     * @throws io.medallion.ValidationException listing every problem
     */
    public HttpEndpoint build() {
      return new HttpEndpoint(uri, headers, timeout, attempts, backoff);
    }
  }
}
