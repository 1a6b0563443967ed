package io.medallion.core.spi;

import io.medallion.MedallionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where bronze records come from: JSON files, an input stream, or HTTP responses. Each part is
 * newline-delimited JSON, a JSON array of records, or one JSON document (whose records may sit in
 * an envelope, see {@link io.medallion.table.BronzeTable#recordsAt()}); the format is detected per
 * part.
 *
 * <p>Loading is idempotent per part: a file already loaded into the bronze table (same path, size
 * and content hash), or a custom part with the same {@link Part#identity() identity}, is skipped
 * and reported, unless the source is {@link #forced()}. One-off streams and HTTP responses have no
 * identity and are always loaded.
 *
 * <pre>{@code
 * JsonSource files = JsonSource.files(List.of(Path.of("page1.json"), Path.of("page2.json")));
 * JsonSource api = JsonSource.http(URI.create("https://randomuser.me/api/?results=50&seed=x"));
 * JsonSource again = files.forced(); // loads the files even if loaded before
 * }</pre>
 */
public final class JsonSource {

  /** One input of a source: a file, a stream or an HTTP response. */
  public interface Part {
    /**
     * Returns the part's name, stored as the bronze {@code source_name}.
     *
     * @return e.g. a file path or a URI
     */
    String name();

    /**
     * Opens the part's bytes.
     *
     * @return a stream the caller closes
     * @throws IOException when the input cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * Returns what makes this part the same input when it comes again, such as a request URI with
     * its page and seed: a part whose name and identity an earlier batch loaded is skipped. Only
     * give one when the same identity always means the same content.
     *
     * <pre>{@code
     * public Optional<String> identity() {
     *   return Optional.of("seed=abc&page=" + page);
     * }
     * }</pre>
     *
     * @return the identity, or empty (the default) when the part is loaded every time
     */
    default Optional<String> identity() {
      return Optional.empty();
    }

    /**
     * Returns the local file this part reads, if it is one: a file is recognised on a later load by
     * its path, size and content hash, without an identity of its own.
     *
     * <pre>{@code
     * JsonSource.file(Path.of("users.json")).parts().get(0).file(); // Optional[users.json]
     * }</pre>
     *
     * @return the file, or empty for a stream or an HTTP response
     */
    default Optional<Path> file() {
      return Optional.empty();
    }
  }

  private final List<Part> parts;
  private final boolean forced;

  private JsonSource(List<Part> parts, boolean forced) {
    this.parts = List.copyOf(parts);
    this.forced = forced;
  }

  /**
   * A source of one file.
   *
   * @param file the file
   * @return the source
   */
  public static JsonSource file(Path file) {
    return files(List.of(file));
  }

  /**
   * A source of several files, read in order.
   *
   * @param files the files
   * @return the source
   */
  public static JsonSource files(List<Path> files) {
    List<Part> parts = new ArrayList<>();
    for (Path file : files) {
      parts.add(new FilePart(Objects.requireNonNull(file, "file")));
    }
    return new JsonSource(parts, false);
  }

  /**
   * A source of custom parts, e.g. pages fetched by an API client with its own retries.
   *
   * @param parts the parts, read in order
   * @return the source
   */
  public static JsonSource of(List<? extends Part> parts) {
    return new JsonSource(List.copyOf(parts), false);
  }

  /**
   * A source of one stream, read once.
   *
   * @param name the name stored as {@code source_name}
   * @param stream the bytes; closed after reading
   * @return the source
   */
  public static JsonSource stream(String name, InputStream stream) {
    Objects.requireNonNull(stream, "stream");
    return new JsonSource(List.of(new NamedPart(name, () -> stream)), false);
  }

  /**
   * A source of HTTP GET responses, one part per URI, fetched when read. A status other than 200
   * fails the ingestion with the URI and the status; retries belong to the caller's client.
   *
   * @param uris the request URIs
   * @return the source
   */
  public static JsonSource http(URI... uris) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    List<Part> parts = new ArrayList<>();
    for (URI uri : uris) {
      parts.add(new NamedPart(uri.toString(), () -> get(client, uri)));
    }
    return new JsonSource(parts, false);
  }

  /**
   * Returns this source loading every part, even those an earlier batch loaded; like the {@code
   * FORCE} option of Snowflake's COPY, it may load the same records twice.
   *
   * @return the forced source
   */
  public JsonSource forced() {
    return new JsonSource(parts, true);
  }

  /**
   * Tells whether parts are loaded even when an earlier batch loaded them.
   *
   * @return true for a {@link #forced()} source
   */
  public boolean isForced() {
    return forced;
  }

  /**
   * Returns the parts, in reading order.
   *
   * @return the parts
   */
  public List<Part> parts() {
    return parts;
  }

  private static InputStream get(HttpClient client, URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new MedallionException(
            "Cannot read " + uri + ": HTTP " + response.statusCode() + ", expected 200");
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MedallionException("Interrupted while reading " + uri, e);
    }
  }

  /** An input stream opener that may fail with an I/O error. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  /** A file: the same path with the same size and content hash is the same input. */
  private record FilePart(Path path) implements Part {
    @Override
    public String name() {
      return path.toString();
    }

    @Override
    public Optional<Path> file() {
      return Optional.of(path);
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }
  }

  private record NamedPart(String name, Opener opener) implements Part {
    @Override
    public InputStream open() throws IOException {
      return opener.open();
    }
  }
}
