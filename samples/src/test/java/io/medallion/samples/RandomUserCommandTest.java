package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomUserCommandTest {
  @TempDir Path dir;

  private static Map<String, Long> rowsByTable(JsonNode summary) {
    Map<String, Long> rows = new HashMap<>();
    summary.get("tables").forEach(t -> rows.put(t.get("name").asText(), t.get("rows").asLong()));
    return rows;
  }

  @Test
  void randomuser_generatedUsers_writesSummaryJsonThatReconciles() throws IOException {
    Path lake = dir.resolve("lake");
    Path summaryFile = dir.resolve("summary.json");

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--users",
            "800",
            "--seed",
            "5",
            "--lake",
            lake.toString(),
            "--summary-json",
            summaryFile.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("silver.users")
        .contains("Quarantined rows by failed rule:")
        .contains("Average quality score: ")
        .contains("gold.monthly_registrations (first rows):")
        .contains("Catalog:   " + lake.toAbsolutePath().resolve("catalog.db"));
    JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
    Map<String, Long> rows = rowsByTable(summary);
    assertThat(rows.get("bronze.randomuser_raw")).isEqualTo(800);
    JsonNode silverRun = summary.get("run").get(1);
    assertThat(silverRun.get("table").asText()).isEqualTo("silver.users");
    assertThat(
            rows.get("silver.users")
                + rows.get("silver.users_quarantine")
                + silverRun.get("duplicates").asLong())
        .isEqualTo(800);
    List<String> layers = new ArrayList<>();
    summary.get("tables").forEach(t -> layers.add(t.get("layer").asText()));
    assertThat(layers)
        .containsExactly(
            "bronze",
            "dead_letter",
            "silver",
            "quarantine",
            "gold",
            "gold",
            "gold",
            "gold",
            "gold",
            "gold",
            "gold",
            "gold",
            "gold");
    assertThat(summary.get("quarantine_reasons").size()).isPositive();
    Path html = Path.of(summary.get("report_html").asText());
    assertThat(html).exists().startsWith(lake.toAbsolutePath());
    assertThat(Path.of(summary.get("report_json").asText())).exists();
    assertThat(java.nio.file.Files.readString(html))
        .contains("silver.users")
        .contains("email_valid");
    assertThat(result.out()).contains("Quality report: " + html);
  }

  @Test
  void randomuser_sameLakeTwice_secondRunAddsOnlyTheNewBatch() throws IOException {
    Path lake = dir.resolve("lake");
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Cli.run(
        "randomuser",
        "--users",
        "300",
        "--seed",
        "1",
        "--lake",
        lake.toString(),
        "--summary-json",
        first.toString());
    Cli.Result again =
        Cli.run(
            "randomuser",
            "--users",
            "200",
            "--seed",
            "2",
            "--lake",
            lake.toString(),
            "--summary-json",
            second.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(second.toFile());
    String firstRun = new ObjectMapper().readTree(first.toFile()).get("run_id").asText();
    assertThat(summary.get("run_id").asText())
        .matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}")
        .isNotEqualTo(firstRun);
    assertThat(rowsByTable(summary).get("bronze.randomuser_raw")).isEqualTo(500);
    assertThat(summary.get("run").get(1).get("read").asLong()).isEqualTo(200);
  }

  @Test
  void randomuser_sameInputTwice_secondRunSaysItWasLoadedAndAddsNothing() throws IOException {
    Path lake = dir.resolve("lake");
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Cli.run(
        "randomuser",
        "--users",
        "300",
        "--lake",
        lake.toString(),
        "--summary-json",
        first.toString());

    Cli.Result again =
        Cli.run(
            "randomuser",
            "--users",
            "300",
            "--lake",
            lake.toString(),
            "--summary-json",
            second.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("bronze: 0 records, 0 dead letters")
        .containsPattern(
            "bronze: skipped .*randomuser-seed42-300\\.ndjson: already loaded in snapshot");
    assertThat(rowsByTable(new ObjectMapper().readTree(second.toFile())))
        .isEqualTo(rowsByTable(new ObjectMapper().readTree(first.toFile())));
  }

  @Test
  void randomuser_apiPages_fetchedThroughTheClientFromALoopbackServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> queries = new ArrayList<>();
    server.createContext(
        "/api/",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(exchange.getRequestURI().getPath() + "?" + query);
          int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
          StringWriter body = new StringWriter();
          RandomUserGenerator.withSeed(9).writeResponse(body, 50, page);
          byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
      Path summaryFile = dir.resolve("summary.json");

      Cli.Result result =
          Cli.run(
              "randomuser",
              "--api",
              "--api-url",
              url,
              "--users",
              "120",
              "--page-size",
              "50",
              "--seed",
              "9",
              "--lake",
              dir.resolve("lake").toString(),
              "--summary-json",
              summaryFile.toString());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(queries).hasSize(3);
      assertThat(queries.get(0)).startsWith("/api/1.4/?results=50&page=1&seed=9");
      JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
      assertThat(rowsByTable(summary).get("bronze.randomuser_raw")).isEqualTo(150);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void randomuser_inputAndApiTogether_rejectedWithUsageError() {
    Cli.Result result =
        Cli.run("randomuser", "--api", "--input", "x.json", "--lake", dir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--input and --api cannot be combined");
  }

  @Test
  void help_documentsSummaryJson() {
    Cli.Result result = Cli.run("randomuser", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--summary-json=FILE").contains("--users").contains("--lake");
  }

  @Test
  void randomuser_disposableDomainList_failsAddressesAtThoseDomains() throws IOException {
    Path list = dir.resolve("disposable.txt");
    java.nio.file.Files.writeString(list, "# test list\nexample.com\n");
    Path summaryFile = dir.resolve("summary.json");

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--users",
            "200",
            "--lake",
            dir.resolve("lake").toString(),
            "--disposable-domains",
            list.toString(),
            "--summary-json",
            summaryFile.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode report =
        new ObjectMapper()
            .readTree(
                Path.of(
                        new ObjectMapper()
                            .readTree(summaryFile.toFile())
                            .get("report_json")
                            .asText())
                    .toFile());
    JsonNode emailRule = null;
    for (JsonNode rule : report.get("rules")) {
      if (rule.get("name").asText().equals("email_valid")) {
        emailRule = rule;
      }
    }
    assertThat(emailRule).isNotNull();
    assertThat(emailRule.get("passed").asLong()).isZero();
    assertThat(emailRule.get("failed").asLong()).isPositive();
    assertThat(report.get("reference_lists").get("disposable email domains").asText())
        .startsWith("disposable-email-domains of ")
        .endsWith(" + disposable.txt (1 domain)");
  }

  @Test
  void randomuser_disposableDomainReplacement_usesOnlyThatList() throws IOException {
    Path list = dir.resolve("only.txt");
    java.nio.file.Files.writeString(list, "example.com\nexample.org\n");
    Path summaryFile = dir.resolve("summary.json");

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--users",
            "50",
            "--lake",
            dir.resolve("lake").toString(),
            "--disposable-domains-replace",
            list.toString(),
            "--summary-json",
            summaryFile.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
    JsonNode report =
        new ObjectMapper().readTree(Path.of(summary.get("report_json").asText()).toFile());
    assertThat(report.get("reference_lists").get("disposable email domains").asText())
        .isEqualTo("only.txt (2 domains)");
  }
}
