package io.medallion.samples.randomuser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RandomUserClientTest {

  private static final String BODY = "{\"results\":[],\"info\":{\"page\":1}}";
  private static final RandomUserRequest ONE_RESULT =
      RandomUserRequest.builder().results(1).build();

  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile List<Reply> replies = List.of(new Reply(200, BODY, Map.of()));
  private HttpServer server;
  private URI baseUri;

  /** What the fake API answers; the last reply repeats once the others are used up. */
  private record Reply(int status, String body, Map<String, String> headers) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void fetchBody_429ThenOk_returnsBodyAfterWaitingRetryAfter() {
    replies = List.of(new Reply(429, "slow down", Map.of("Retry-After", "2")), ok());

    String body = client().build().fetchBody(ONE_RESULT);

    assertThat(body).isEqualTo(BODY);
    assertThat(requests).hasSize(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void fetchBody_always503_failsNamingStatusAndAttempts() {
    replies = List.of(new Reply(503, "down", Map.of()));

    assertThatThrownBy(() -> client().build().fetchBody(ONE_RESULT))
        .isInstanceOfSatisfying(
            RandomUserException.class,
            e -> {
              assertThat(e.statusCode()).hasValue(503);
              assertThat(e.attempts()).isEqualTo(4);
            })
        .hasMessage("Cannot fetch " + baseUri + "?results=1: HTTP 503 after 4 attempts");
    assertThat(requests).hasSize(4);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void fetchBody_404_failsAtOnce() {
    replies = List.of(new Reply(404, "{\"error\":\"nope\"}", Map.of()));

    assertThatThrownBy(() -> client().build().fetchBody(ONE_RESULT))
        .isInstanceOf(RandomUserException.class)
        .hasMessage("Cannot fetch " + baseUri + "?results=1: HTTP 404 after 1 attempt");
    assertThat(requests).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void fetchBody_manyFailures_backoffDoublesUpToMaxBackoff() {
    replies =
        List.of(
            new Reply(500, "", Map.of()),
            new Reply(502, "", Map.of()),
            new Reply(503, "", Map.of()),
            new Reply(504, "", Map.of("Retry-After", "3600")),
            ok());

    String body =
        client().maxAttempts(5).maxBackoff(Duration.ofSeconds(1)).build().fetchBody(ONE_RESULT);

    assertThat(body).isEqualTo(BODY);
    assertThat(waits)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }

  @Test
  void fetch_fullRequest_sendsVersionPathAndEncodedQuery() throws IOException {
    RandomUserRequest request =
        RandomUserRequest.builder()
            .results(5)
            .seed("a b")
            .nat(List.of("us", "gb"))
            .inc(List.of("name", "email"))
            .version("1.4")
            .build();

    try (InputStream body = client().build().fetch(request)) {
      assertThat(new String(body.readAllBytes(), UTF_8)).isEqualTo(BODY);
    }
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getPath()).isEqualTo("/api/1.4/");
    assertThat(requests.get(0).getRawQuery())
        .isEqualTo("results=5&seed=a+b&nat=us,gb&inc=name,email");
  }

  @Test
  void fetchBody_serverGone_retriesIoErrorsThenFailsWithoutStatus() {
    RandomUserClient client = client().maxAttempts(2).build();
    server.stop(0);

    assertThatThrownBy(() -> client.fetchBody(ONE_RESULT))
        .isInstanceOfSatisfying(
            RandomUserException.class,
            e -> {
              assertThat(e.statusCode()).isEmpty();
              assertThat(e.attempts()).isEqualTo(2);
              assertThat(e.getCause()).isInstanceOf(IOException.class);
            })
        .hasMessageStartingWith("Cannot fetch " + baseUri + "?results=1: ")
        .hasMessageEndingWith(" after 2 attempts");
    assertThat(waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void builder_zeroAttempts_throwsNamingValue() {
    assertThatThrownBy(() -> RandomUserClient.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, got 0");
  }

  @Test
  void builder_nonHttpBaseUri_throws() {
    assertThatThrownBy(() -> RandomUserClient.builder().baseUri(URI.create("ftp://example.com/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUri must be an http or https URI, got ftp://example.com/");
  }

  @Test
  void build_maxBackoffBelowInitial_throws() {
    RandomUserClient.Builder builder =
        RandomUserClient.builder()
            .initialBackoff(Duration.ofSeconds(2))
            .maxBackoff(Duration.ofSeconds(1));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBackoff must be at least initialBackoff (PT2S), got PT1S");
  }

  @Test
  void fetchBody_baseUriWithoutSlash_stillResolvesUnderIt() {
    String withoutSlash = baseUri.toString().substring(0, baseUri.toString().length() - 1);

    client().baseUri(URI.create(withoutSlash)).build().fetchBody(ONE_RESULT);

    assertThat(requests.get(0).getPath()).isEqualTo("/api/");
  }

  private RandomUserClient.Builder client() {
    return RandomUserClient.builder()
        .baseUri(baseUri)
        .requestTimeout(Duration.ofSeconds(10))
        .sleeper(waits::add);
  }

  private static Reply ok() {
    return new Reply(200, BODY, Map.of("Content-Type", "application/json"));
  }

  private void answer(HttpExchange exchange) throws IOException {
    List<Reply> script = replies;
    Reply reply = script.get(Math.min(requests.size(), script.size() - 1));
    requests.add(exchange.getRequestURI());
    byte[] body = reply.body().getBytes(UTF_8);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
