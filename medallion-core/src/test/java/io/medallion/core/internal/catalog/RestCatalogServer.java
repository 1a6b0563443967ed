package io.medallion.core.internal.catalog;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Iceberg REST catalog server for tests: Iceberg's own {@code RESTCatalogAdapter} and {@code
 * RESTCatalogServlet} over a JDBC catalog, served by Jetty on 127.0.0.1 only. It can demand a
 * bearer token or OAuth2 client credentials, and records the authorization scheme of every request
 * so tests can see SigV4 signatures arrive. Its fault switch makes it answer 503 to reads, answer
 * 500 to commits it applied, or hold reads past a client's timeout, as a struggling catalog does.
 */
public final class RestCatalogServer implements AutoCloseable {
  private static final String TOKEN_ROUTE = "/v1/oauth/tokens";

  private final Server server;
  private final JdbcCatalog backing;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Faults faults = new Faults();

  private RestCatalogServer(Path dir, String token, String clientId, String clientSecret)
      throws Exception {
    Files.createDirectories(dir);
    backing = new JdbcCatalog();
    backing.setConf(new Configuration());
    backing.initialize(
        "rest-backing",
        Map.of(
            CatalogProperties.URI,
            "jdbc:sqlite:" + dir.resolve("rest-catalog.db"),
            CatalogProperties.WAREHOUSE_LOCATION,
            dir.resolve("warehouse").toUri().toString(),
            CatalogProperties.CLIENT_POOL_SIZE,
            "1",
            "jdbc.busy_timeout",
            "30000",
            "jdbc.schema-version",
            "V1"));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(new FilterHolder(faults), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(
        new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backing))), "/*");
    context.addFilter(
        new FilterHolder(new Guard(token, clientId, clientSecret)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
  }

  /**
   * Starts a server that lets every request in.
   *
   * @param dir where the backing catalog keeps its files
   * @return the running server
   * @throws Exception when Jetty cannot start
   */
  public static RestCatalogServer open(Path dir) throws Exception {
    return new RestCatalogServer(dir, null, null, null);
  }

  /**
   * Starts a server that demands one bearer token.
   *
   * @param dir where the backing catalog keeps its files
   * @param token the only token accepted
   * @return the running server
   * @throws Exception when Jetty cannot start
   */
  public static RestCatalogServer withToken(Path dir, String token) throws Exception {
    return new RestCatalogServer(dir, token, null, null);
  }

  /**
   * Starts a server that issues tokens only for one OAuth2 client.
   *
   * @param dir where the backing catalog keeps its files
   * @param clientId the client id accepted
   * @param clientSecret the client secret accepted
   * @return the running server
   * @throws Exception when Jetty cannot start
   */
  public static RestCatalogServer withClient(Path dir, String clientId, String clientSecret)
      throws Exception {
    return new RestCatalogServer(dir, null, clientId, clientSecret);
  }

  /**
   * Returns the catalog's base URI.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI uri() {
    return URI.create(
        "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  /**
   * Returns the authorization scheme of every request so far, e.g. {@code Bearer} or {@code
   * AWS4-HMAC-SHA256}; {@code none} when a request carried none.
   *
   * @return the schemes, in arrival order
   */
  public List<String> authorizationSchemes() {
    return authorizations.stream().map(header -> header.split(" ", 2)[0]).toList();
  }

  /**
   * Returns the {@code Authorization} header of every request so far.
   *
   * @return the headers, {@code none} for requests without one, in arrival order
   */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /**
   * Answers 503 to the next reads (GET requests) without serving them, as an overloaded catalog
   * does.
   *
   * @param reads how many reads to refuse
   */
  public void refuseNextReads(int reads) {
    faults.refusedReads.set(reads);
  }

  /**
   * Applies the next table commits, then answers 500 as if they had failed: the client cannot tell
   * whether they landed.
   *
   * @param commits how many commits to answer so
   */
  public void failAfterApplyingNextCommits(int commits) {
    faults.failedCommits.set(commits);
  }

  /**
   * Holds every read this long before serving it, until {@link #clearFaults()}.
   *
   * @param delay how long; past the client's socket timeout, the client gives up first
   */
  public void delayReads(Duration delay) {
    faults.readDelayMillis.set(delay.toMillis());
  }

  /** Serves every request normally again. */
  public void clearFaults() {
    faults.refusedReads.set(0);
    faults.failedCommits.set(0);
    faults.readDelayMillis.set(0);
  }

  /**
   * Returns how many requests the fault switch refused, failed or delayed so far.
   *
   * @return the count
   */
  public int faultsInjected() {
    return faults.injected.get();
  }

  /** Drops every table, with its files, and every namespace, so the next test starts empty. */
  public void dropEverything() {
    for (Namespace namespace : backing.listNamespaces()) {
      for (TableIdentifier table : backing.listTables(namespace)) {
        backing.dropTable(table, true);
      }
      backing.dropNamespace(namespace);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("Cannot stop the REST catalog server", e);
    } finally {
      backing.close();
    }
  }

  /** A request whose body, already read, can be read again. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public int read() {
          return bytes.read();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  /** The fault switch: refuses, fails or delays requests while a fault is set. */
  private static final class Faults implements Filter {
    /** A table commit: POST to a table's own path (not its metrics). */
    private static final Pattern COMMIT = Pattern.compile("/v1/namespaces/[^/]+/tables/[^/]+");

    private final AtomicInteger refusedReads = new AtomicInteger();
    private final AtomicInteger failedCommits = new AtomicInteger();
    private final AtomicLong readDelayMillis = new AtomicLong();
    private final AtomicInteger injected = new AtomicInteger();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      HttpServletResponse answer = (HttpServletResponse) response;
      boolean read = "GET".equals(http.getMethod());
      if (read && refusedReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        injected.incrementAndGet();
        error(answer, 503, "ServiceUnavailableException", "catalog overloaded");
        return;
      }
      if (read && readDelayMillis.get() > 0) {
        injected.incrementAndGet();
        pause(readDelayMillis.get());
      }
      boolean commit =
          "POST".equals(http.getMethod()) && COMMIT.matcher(http.getRequestURI()).matches();
      if (commit && failedCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        injected.incrementAndGet();
        // The commit is applied; only its answer is lost.
        chain.doFilter(request, new Discarded(answer));
        answer.reset();
        error(answer, 500, "ServerError", "failed after applying the commit");
        return;
      }
      chain.doFilter(request, response);
    }

    private static void pause(long millis) throws IOException {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while delaying a read");
      }
    }

    private static void error(HttpServletResponse response, int code, String type, String message)
        throws IOException {
      response.setStatus(code);
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              ("{\"error\":{\"message\":\""
                      + message
                      + "\",\"type\":\""
                      + type
                      + "\",\"code\":"
                      + code
                      + "}}")
                  .getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A response whose body and status go nowhere, for a commit whose answer is replaced. */
  private static final class Discarded extends HttpServletResponseWrapper {
    private final PrintWriter writer = new PrintWriter(Writer.nullWriter());

    Discarded(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() {
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      throw new UnsupportedOperationException("Iceberg's servlet writes through getWriter");
    }

    @Override
    public void setStatus(int status) {
      // The real status is set after the commit applied.
    }
  }

  /** Checks credentials the way a secured catalog would, answering 401 in Iceberg's format. */
  private final class Guard implements Filter {
    private final String token;
    private final String clientId;
    private final String clientSecret;

    Guard(String token, String clientId, String clientSecret) {
      this.token = token;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String authorization = http.getHeader("Authorization");
      authorizations.add(authorization == null ? "none" : authorization);
      if (http.getRequestURI().endsWith(TOKEN_ROUTE)) {
        // Jetty parses the form for getParameter; Iceberg's servlet wants the raw body, rebuilt.
        Map<String, String> form = new LinkedHashMap<>();
        http.getParameterMap().forEach((key, values) -> form.put(key, values[0]));
        if (clientId != null
            && !(clientId.equals(form.get("client_id"))
                && clientSecret.equals(form.get("client_secret")))) {
          refuse(
              response, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
          return;
        }
        chain.doFilter(new Replayed(http, encode(form).getBytes(StandardCharsets.UTF_8)), response);
        return;
      } else if (!accepted(authorization)) {
        refuse(
            response,
            "{\"error\":{\"message\":\"Not authorized\",\"type\":\"NotAuthorizedException\","
                + "\"code\":401}}");
        return;
      }
      chain.doFilter(request, response);
    }

    private static String encode(Map<String, String> form) {
      StringJoiner body = new StringJoiner("&");
      form.forEach(
          (key, value) ->
              body.add(
                  URLEncoder.encode(key, StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(value, StandardCharsets.UTF_8)));
      return body.toString();
    }

    private boolean accepted(String authorization) {
      if (token != null) {
        return ("Bearer " + token).equals(authorization);
      }
      if (clientId != null) {
        return authorization != null
            && authorization.startsWith("Bearer ")
            && authorization.endsWith("sub=" + clientId);
      }
      return true;
    }

    private void refuse(ServletResponse response, String body) throws IOException {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(401);
      http.setContentType("application/json");
      http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
