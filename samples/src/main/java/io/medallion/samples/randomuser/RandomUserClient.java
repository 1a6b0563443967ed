package io.medallion.samples.randomuser;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the RandomUser API that retries what is worth retrying: HTTP 429 and 5xx answers and
 * I/O errors, waiting {@code initialBackoff}, then twice as long each time up to {@code
 * maxBackoff}, or as long as a {@code Retry-After} header asks (again up to {@code maxBackoff}).
 * Any other 4xx fails at once. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * RandomUserClient client = RandomUserClient.builder().maxAttempts(5).build();
 * String json =
 *     client.fetchBody(RandomUserRequest.builder().results(5000).seed("abc").page(1).build());
 * }</pre>
 */
public final class RandomUserClient {

  /** The public API, {@code https://randomuser.me/api/}. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://randomuser.me/api/");

  private static final Logger LOG = LoggerFactory.getLogger(RandomUserClient.class);

  private final HttpClient http;
  private final URI baseUri;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;

  private RandomUserClient(Builder builder) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(builder.connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.baseUri = builder.baseUri;
    this.requestTimeout = builder.requestTimeout;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.sleeper = builder.sleeper;
  }

  /**
   * Returns the API root requests are made under.
   *
   * <pre>{@code
   * RandomUserClient.builder().build().baseUri(); // https://randomuser.me/api/
   * }</pre>
   *
   * @return the base URI, ending with a slash
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * A builder with the defaults: the public API, 10 s to connect, 30 s per request, 4 attempts, 500
   * ms initial backoff and at most 30 s between attempts.
   *
   * <pre>{@code
   * RandomUserClient client = RandomUserClient.builder().build();
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the request, retrying as described above, and returns the body of the first successful
   * (2xx) response. The caller must close the stream.
   *
   * <pre>{@code
   * try (InputStream body = client.fetch(request)) {
   *   JsonNode page = mapper.readTree(body);
   * }
   * }</pre>
   *
   * @param request what to ask for
   * @return the response body
   * @throws RandomUserException if no attempt succeeds, or the thread is interrupted
   */
  public InputStream fetch(RandomUserRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /**
   * Like {@link #fetch(RandomUserRequest)}, but reads the whole body as UTF-8 text; an error while
   * reading it is retried like any I/O error.
   *
   * <pre>{@code
   * String json = client.fetchBody(RandomUserRequest.builder().results(10).build());
   * }</pre>
   *
   * @param request what to ask for
   * @return the response body
   * @throws RandomUserException if no attempt succeeds, or the thread is interrupted
   */
  public String fetchBody(RandomUserRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private <T> T send(RandomUserRequest request, HttpResponse.BodyHandler<T> bodyHandler) {
    URI uri = request.toUri(baseUri);
    HttpRequest httpRequest =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    // Error bodies are discarded unread: only the status decides what happens next.
    HttpResponse.BodyHandler<T> handler =
        info ->
            isSuccess(info.statusCode())
                ? bodyHandler.apply(info)
                : HttpResponse.BodySubscribers.replacing(null);
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      try {
        LOG.debug("Fetching {} (attempt {} of {})", uri, attempt, maxAttempts);
        HttpResponse<T> response = http.send(httpRequest, handler);
        int status = response.statusCode();
        if (isSuccess(status)) {
          return response.body();
        }
        if (!isRetryable(status) || attempt >= maxAttempts) {
          throw new RandomUserException(uri, status, attempt);
        }
        wait = retryAfter(response).orElse(backoff(attempt));
        LOG.warn(
            "{} answered HTTP {} on attempt {} of {}; retrying in {} ms",
            uri,
            status,
            attempt,
            maxAttempts,
            wait.toMillis());
      } catch (IOException e) {
        if (attempt >= maxAttempts) {
          throw new RandomUserException(uri, e.toString(), attempt, e);
        }
        wait = backoff(attempt);
        LOG.warn(
            "{} failed on attempt {} of {} ({}); retrying in {} ms",
            uri,
            attempt,
            maxAttempts,
            e.toString(),
            wait.toMillis());
      } catch (InterruptedException e) {
        throw interrupted(uri, attempt, e);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        throw interrupted(uri, attempt, e);
      }
    }
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static boolean isRetryable(int status) {
    return status == 429 || (status >= 500 && status < 600);
  }

  /** The server's own wait in whole seconds, capped so that it cannot stall a run. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::trim)
        .filter(value -> !value.isEmpty() && value.chars().allMatch(Character::isDigit))
        .map(value -> value.length() > 9 ? maxBackoff : Duration.ofSeconds(Long.parseLong(value)))
        .map(wait -> wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
  }

  private Duration backoff(int attempt) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private static RandomUserException interrupted(URI uri, int attempt, InterruptedException e) {
    // Keep the interrupt visible to the caller's thread, which is what asked to stop.
    Thread.currentThread().interrupt();
    return new RandomUserException(uri, "interrupted", attempt, e);
  }

  /**
   * Waits between attempts; tests replace it to record the waits instead of sleeping.
   *
   * <pre>{@code
   * List<Duration> waits = new ArrayList<>();
   * RandomUserClient client = RandomUserClient.builder().sleeper(waits::add).build();
   * }</pre>
   */
  @FunctionalInterface
  public interface Sleeper {

    /**
     * Waits for {@code duration}, for example {@code Thread.sleep(duration.toMillis())}.
     *
     * @param duration how long to wait, not negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Builds a {@link RandomUserClient}; each setter checks its value at once, and {@link #build()}
   * checks the values together. The builder can be reused.
   *
   * <pre>{@code
   * RandomUserClient client =
   *     RandomUserClient.builder()
   *         .requestTimeout(Duration.ofSeconds(60))
   *         .initialBackoff(Duration.ofSeconds(1))
   *         .build();
   * }</pre>
   */
  public static final class Builder {
    private URI baseUri = DEFAULT_BASE_URI;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder() {}

    /**
     * Sets where the API lives, for example {@code
     * baseUri(URI.create("http://127.0.0.1:8080/api/"))}; a missing final slash is added.
     *
     * @param baseUri an absolute http or https URI
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUri} is not an absolute http or https URI
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      String scheme = baseUri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("baseUri must be an http or https URI, got " + baseUri);
      }
      this.baseUri =
          baseUri.getPath().endsWith("/") ? baseUri : URI.create(baseUri.toString() + "/");
      return this;
    }

    /**
     * Sets how long to wait for a connection, for example {@code
     * connectTimeout(Duration.ofSeconds(5))}.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code connectTimeout} is not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets how long to wait for each response, for example {@code
     * requestTimeout(Duration.ofSeconds(60))}.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code requestTimeout} is not positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("requestTimeout", requestTimeout);
      return this;
    }

    /**
     * Sets how many requests to send at most, the first included, for example {@code
     * maxAttempts(1)} to never retry.
     *
     * @param maxAttempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait before the first retry, which doubles for each further retry, for example
     * {@code initialBackoff(Duration.ofSeconds(1))}.
     *
     * @param initialBackoff zero or a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code initialBackoff} is negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = notNegative("initialBackoff", initialBackoff);
      return this;
    }

    /**
     * Sets the longest wait between two attempts, which also caps {@code Retry-After}, for example
     * {@code maxBackoff(Duration.ofMinutes(1))}.
     *
     * @param maxBackoff zero or a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBackoff} is negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = notNegative("maxBackoff", maxBackoff);
      return this;
    }

    /**
     * Sets how to wait between attempts, for example {@code sleeper(waits::add)} in a test.
     *
     * @param sleeper the way to wait
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client
     * @throws IllegalArgumentException if {@code maxBackoff} is shorter than {@code initialBackoff}
     */
    public RandomUserClient build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff must be at least initialBackoff ("
                + initialBackoff
                + "), got "
                + maxBackoff);
      }
      return new RandomUserClient(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static Duration notNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
