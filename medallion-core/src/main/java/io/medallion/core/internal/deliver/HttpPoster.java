package io.medallion.core.internal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.observe.HttpEndpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON to an {@link HttpEndpoint} within its limits: each attempt is cut off at the timeout
 * (the whole exchange, not only the connection), a 2xx answer succeeds, anything else is retried
 * after the backoff until the attempts run out. Every failed attempt is logged. Shared by the
 * webhook alert sink and HTTP lineage.
 *
 * <pre>{@code
 * HttpPoster poster = new HttpPoster(endpoint);
 * poster.post(document, "alert quality-gate of run 20261203T174900Z-3f2a9c1d");
 * }</pre>
 */
public final class HttpPoster {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPoster.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpEndpoint endpoint;
  private final HttpClient client;

  /**
   * Creates a poster with a client of its own.
   *
   * @param endpoint where to post, and the limits
   */
  public HttpPoster(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
    this.client = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
  }

  /**
   * Posts one JSON document, trying again on failure as the endpoint allows.
   *
   * @param document the request body
   * @param what names the document in log lines, e.g. {@code "lineage START of run ..."}
   * @throws IOException after the last attempt failed, naming the endpoint, attempts and cause
   */
  public void post(JsonNode document, String what) throws IOException {
    byte[] json = JSON.writeValueAsBytes(document);
    String lastProblem = null;
    for (int attempt = 1; attempt <= endpoint.attempts(); attempt++) {
      if (attempt > 1 && !pause(attempt)) {
        break;
      }
      lastProblem = attempt(json);
      if (lastProblem == null) {
        return;
      }
      LOG.warn(
          "Posting {} to {} failed (attempt {} of {}): {}",
          what,
          endpoint,
          attempt,
          endpoint.attempts(),
          lastProblem);
    }
    throw new IOException(
        "Could not post "
            + what
            + " to "
            + endpoint
            + " in "
            + endpoint.attempts()
            + " attempt(s): "
            + lastProblem);
  }

  /** One attempt; returns the problem, or null on a 2xx answer. */
  private String attempt(byte[] json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.uri())
            .timeout(endpoint.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    endpoint.headers().forEach((name, value) -> request.header(name, value.reveal().orElse("")));
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      int status = exchange.get(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
      return status / 100 == 2 ? null : "answered HTTP " + status;
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return "no answer within " + endpoint.timeout();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Waits before an attempt; false when the thread was interrupted, so no attempt follows. */
  private boolean pause(int attempt) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    try {
      Thread.sleep(endpoint.backoffBefore(attempt).toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
