package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.internal.catalog.RestCatalogServer;
import io.medallion.core.internal.catalog.S3ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample on other catalogs: data on S3, publishing to a REST catalog, bad settings. */
class CatalogCommandsTest {
  @TempDir Path dir;

  @Test
  void randomuser_warehouseOnS3_buildsEveryLayerThereAndReconciles() throws IOException {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
      s3.createBucket("acme-lake");
      Path summaryFile = dir.resolve("summary.json");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "randomuser",
                  "--users",
                  "400",
                  "--lake",
                  dir.resolve("local").toString(),
                  "--catalog",
                  "jdbc",
                  "--catalog-uri",
                  "jdbc:sqlite:" + dir.resolve("catalog.db"),
                  "--warehouse",
                  "s3://acme-lake/medallion",
                  "--summary-json",
                  summaryFile.toString()));
      for (String setting :
          List.of(
              "s3.endpoint=" + s3.endpoint(),
              "s3.path-style-access=true",
              "s3.region=us-east-1",
              "s3.access-key-id=" + S3ProxyServer.ACCESS_KEY,
              "s3.secret-access-key=" + S3ProxyServer.SECRET_KEY)) {
        args.add("-C");
        args.add(setting);
      }

      Cli.Result result = Cli.run(args.toArray(String[]::new));

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out())
          .contains("Warehouse: s3://acme-lake/medallion")
          .doesNotContain(S3ProxyServer.SECRET_KEY);
      JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
      JsonNode silver = summary.get("run").get(1);
      assertThat(silver.get("read").asLong())
          .isEqualTo(
              silver.get("written").asLong()
                  + silver.get("rejected").asLong()
                  + silver.get("duplicates").asLong());
      assertThat(s3.countObjects("acme-lake", "medallion/silver/users/data/")).isPositive();
      assertThat(s3.countObjects("acme-lake", "medallion/gold/")).isPositive();
      assertThat(Files.exists(dir.resolve("local").resolve("warehouse"))).isFalse();
    }
  }

  @Test
  void register_embeddedLakeToRestCatalog_dryRunThenPublishesThenNothingToChange()
      throws Exception {
    Path lake = dir.resolve("lake");
    assertThat(
            Cli.run("randomuser", "--users", "200", "--lake", lake.toString(), "--no-report")
                .exitCode())
        .isZero();
    try (RestCatalogServer server = RestCatalogServer.open(dir.resolve("rest"))) {
      String[] register = {
        "register", "--lake", lake.toString(), "--to", "rest", "--to-uri", server.uri().toString()
      };

      Cli.Result dryRun = Cli.run(Cli.append(register, "--dry-run"));
      Cli.Result published = Cli.run(register);
      Cli.Result again = Cli.run(register);

      assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
      assertThat(dryRun.out())
          .startsWith("Dry run. Registration in medallion (rest):")
          .contains("REGISTER_TABLE silver.users: ");
      assertThat(published.out()).contains("REGISTER_TABLE gold.users_by_country_generation: ");
      assertThat(again.out()).contains("nothing to change");
      try (MedallionRuntime remote =
              MedallionRuntime.builder()
                  .lake(dir.resolve("reader"))
                  .catalog(RestCatalogConfig.builder(server.uri()).build())
                  .build();
          MedallionRuntime local = MedallionRuntime.builder().lake(lake).build()) {
        assertThat(Lakes.rows(remote.table(RandomUserPipeline.USERS.id())))
            .hasSameSizeAs(Lakes.rows(local.table(RandomUserPipeline.USERS.id())));
      }
    }
  }

  @Test
  void randomuser_unknownCatalogType_exitsWithUsageNamingTheAllowedTypes() {
    Cli.Result result =
        Cli.run("randomuser", "--lake", dir.resolve("lake").toString(), "--catalog", "hive");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .contains("type 'hive' is not a catalog type; allowed: embedded, jdbc, rest, glue, hadoop");
  }

  @Test
  void randomuser_unreachableRestCatalog_failsWithoutPrintingTheToken() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Cli.Result result =
        Cli.run(
            "randomuser",
            "--lake",
            dir.resolve("lake").toString(),
            "--catalog",
            "rest",
            "--catalog-uri",
            "http://127.0.0.1:" + closed,
            "-C",
            "rest.token=Sup3r-s3cret-t0ken");

    assertThat(result.exitCode()).isEqualTo(ExitCode.LAKE.code());
    assertThat(result.err())
        .contains("Cannot open catalog 'medallion' (rest at http://127.0.0.1:" + closed + ")")
        .contains("check uri")
        .doesNotContain("Sup3r-s3cret-t0ken");
  }
}
