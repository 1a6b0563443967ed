package io.medallion.core.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that records every request it receives. Paths decide the answer:
 * {@code /fail...} answers 500, {@code /silent...} never answers (until the server closes), any
 * other path answers 200.
 */
public final class RecordingServer implements AutoCloseable {
  /** One recorded request. */
  public record Request(String path, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  /**
   * Starts a server on a free port.
   *
   * @return the running server
   * @throws IOException when it cannot listen
   */
  public static RecordingServer start() throws IOException {
    return new RecordingServer();
  }

  /**
   * Returns the URI of a path on this server.
   *
   * @param path e.g. {@code /hook}
   * @return the URI
   */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /**
   * Returns the requests received on a path, in order.
   *
   * @param path the path
   * @return the requests
   */
  public List<Request> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  /** Forgets the requests received so far. */
  public void clear() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new java.util.TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(path, headers, body));
    if (path.startsWith("/silent")) {
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(path.startsWith("/fail") ? 500 : 200, -1);
    exchange.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
