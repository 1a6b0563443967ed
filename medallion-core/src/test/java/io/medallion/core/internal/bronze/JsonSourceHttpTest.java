package io.medallion.core.internal.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.medallion.MedallionException;
import io.medallion.core.spi.JsonSource;
import io.medallion.table.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonSourceHttpTest {
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ok", exchange -> respond(exchange, 200, "{\"results\":[{\"a\":1},{\"b\":2}]}"));
    server.createContext("/busy", exchange -> respond(exchange, 503, "try later"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void http_ok_streamsTheEnvelopeRecords() throws IOException {
    JsonSource source = JsonSource.http(uri("/ok?page=1"));
    List<String> records = new ArrayList<>();

    try (InputStream in = source.parts().get(0).open()) {
      new JsonRecordReader(1024, JsonPath.parse("results"), List.of())
          .read(
              in,
              new RecordSink() {
                @Override
                public void record(String coordinate, CharSequence payload) {
                  records.add(coordinate + " " + payload);
                }

                @Override
                public void deadLetter(String coordinate, String error, String payload) {
                  records.add("dead " + error);
                }
              });
    }

    assertThat(source.parts().get(0).name()).isEqualTo(uri("/ok?page=1").toString());
    assertThat(records)
        .containsExactly("line 1, results[0] {\"a\":1}", "line 1, results[1] {\"b\":2}");
  }

  @Test
  void http_errorStatus_failsNamingUriAndStatus() {
    JsonSource source = JsonSource.http(uri("/busy"));

    assertThatThrownBy(() -> source.parts().get(0).open())
        .isInstanceOf(MedallionException.class)
        .hasMessage("Cannot read " + uri("/busy") + ": HTTP 503, expected 200");
  }
}
