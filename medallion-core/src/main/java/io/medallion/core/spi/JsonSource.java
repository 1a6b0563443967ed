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

/**
 * Where bronze records come from: JSON files, an input stream, or HTTP responses. Each part is a
 * RandomUser response envelope ({@code {"results": [...], "info": {...}}}), a JSON array of
 * records, or newline-delimited JSON; the format is detected per part.
 *
 * <pre>{@code
 * JsonSource files = JsonSource.files(List.of(Path.of("page1.json"), Path.of("page2.json")));
 * JsonSource api = JsonSource.http(URI.create("https://randomuser.me/api/?results=50&seed=x"));
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
  }

  private final List<Part> parts;

  private JsonSource(List<Part> parts) {
    this.parts = List.copyOf(parts);
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
      Objects.requireNonNull(file, "file");
      parts.add(new NamedPart(file.toString(), () -> Files.newInputStream(file)));
    }
    return new JsonSource(parts);
  }

  /**
   * A source of custom parts, e.g. pages fetched by an API client with its own retries.
   *
   * @param parts the parts, read in order
   * @return the source
   */
  public static JsonSource of(List<? extends Part> parts) {
    return new JsonSource(List.copyOf(parts));
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
    return new JsonSource(List.of(new NamedPart(name, () -> stream)));
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
    return new JsonSource(parts);
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

  private record NamedPart(String name, Opener opener) implements Part {
    @Override
    public InputStream open() throws IOException {
      return opener.open();
    }
  }
}
