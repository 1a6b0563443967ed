package io.medallion.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting to catalogs: authentication works, and bad settings fail fast, naming the setting. */
class CatalogConnectionTest {
  private static final Pipeline RAW_ONLY =
      Pipeline.builder("raw")
          .tables(BronzeTable.builder(TableId.of("bronze", "raw")).build())
          .build();

  @TempDir Path dir;

  @Test
  void build_restEndpointNotListening_failsNamingUri() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());

    assertThatThrownBy(() -> runtime(RestCatalogConfig.builder(closed).build()))
        .isInstanceOf(MedallionException.class)
        .hasMessageStartingWith(
            "Cannot open catalog 'medallion' (rest at " + closed + "): check uri (");
  }

  @Test
  void build_restWrongToken_failsNamingTheSettingWithoutTheSecret() throws Exception {
    try (RestCatalogServer server = RestCatalogServer.withToken(dir, "right-token")) {
      CatalogConfig config =
          RestCatalogConfig.builder(server.uri()).token(Secret.of("Wr0ng-t0ken-77")).build();

      assertThatThrownBy(() -> runtime(config))
          .isInstanceOf(MedallionException.class)
          .hasMessageStartingWith(
              "catalog 'medallion' (rest at "
                  + server.uri()
                  + ") refused the credentials: check rest.token")
          .hasMessageNotContaining("Wr0ng-t0ken-77")
          .hasNoCause();
    }
  }

  @Test
  void build_restWrongClientSecret_failsNamingTheOAuthSettings() throws Exception {
    try (RestCatalogServer server = RestCatalogServer.withClient(dir, "medallion", "right")) {
      CatalogConfig config =
          RestCatalogConfig.builder(server.uri())
              .oauth("medallion", Secret.of("Wr0ng-s3cret-88"))
              .build();

      assertThatThrownBy(() -> runtime(config))
          .isInstanceOf(MedallionException.class)
          .hasMessageContaining(
              "refused the credentials: check rest.oauth.client-id and rest.oauth.client-secret")
          .hasMessageNotContaining("Wr0ng-s3cret-88");
    }
  }

  @Test
  void registerAll_restWithClientCredentials_exchangesThemForABearerToken() throws Exception {
    try (RestCatalogServer server = RestCatalogServer.withClient(dir, "medallion", "right");
        MedallionRuntime runtime =
            runtime(
                RestCatalogConfig.builder(server.uri())
                    .oauth("medallion", Secret.of("right"))
                    .build())) {
      runtime.registerAll(RAW_ONLY);

      assertThat(runtime.exists(TableId.of("bronze", "raw"))).isTrue();
      assertThat(server.authorizationSchemes()).contains("Bearer");
    }
  }

  @Test
  void registerAll_restWithSigV4_signsEveryCatalogRequest() throws Exception {
    try (RestCatalogServer server = RestCatalogServer.open(dir);
        MedallionRuntime runtime =
            runtime(
                RestCatalogConfig.builder(server.uri())
                    .sigv4("us-east-1", "glue")
                    .storage(StorageConfig.s3().credentials("AKIDTEST", Secret.of("sigv4-key")))
                    .build())) {
      runtime.registerAll(RAW_ONLY);

      assertThat(server.authorizationSchemes()).isNotEmpty().containsOnly("AWS4-HMAC-SHA256");
      assertThat(server.authorizations())
          .allSatisfy(
              header ->
                  assertThat(header).contains("Credential=AKIDTEST/").contains("/us-east-1/glue/"));
    }
  }

  @Test
  void build_glueEndpointNotListening_failsNamingTheEndpoint() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    CatalogConfig config =
        GlueCatalogConfig.builder("us-east-1", dir.toUri().toString())
            .endpoint(closed)
            .storage(StorageConfig.s3().credentials("AKIDTEST", Secret.of("glue-s3cret-99")))
            .build();

    assertThatThrownBy(() -> runtime(config))
        .isInstanceOf(MedallionException.class)
        .hasMessageStartingWith(
            "Cannot reach catalog 'medallion' (glue in us-east-1 via "
                + closed
                + "): check glue.endpoint")
        .hasMessageNotContaining("glue-s3cret-99");
  }

  @Test
  void build_s3WarehouseWithWrongKey_failsAtStartNamingTheS3Settings() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
      s3.createBucket("lake");
      CatalogConfig config =
          JdbcCatalogConfig.builder(
                  "jdbc:sqlite:" + dir.resolve("catalog.db"), "s3://lake/medallion")
              .storage(
                  StorageConfig.s3()
                      .endpoint(s3.endpoint())
                      .pathStyleAccess(true)
                      .region("us-east-1")
                      .credentials(S3ProxyServer.ACCESS_KEY, Secret.of("Wr0ng-s3-key-66")))
              .build();

      assertThatThrownBy(() -> runtime(config))
          .isInstanceOf(MedallionException.class)
          .hasMessageStartingWith(
              "storage of catalog 'medallion' (s3://lake/medallion via "
                  + s3.endpoint()
                  + ") refused the credentials: check s3.access-key-id and s3.secret-access-key")
          .hasMessageNotContaining("Wr0ng-s3-key-66");
    }
  }

  @Test
  void scrub_secretLongerThanTheCut_maskedBeforeCutting() {
    String secret = "x".repeat(280) + "TAIL-OF-THE-SECRET";
    CatalogConfig config =
        RestCatalogConfig.builder(URI.create("http://127.0.0.1:1"))
            .token(Secret.of(secret))
            .build();

    MedallionException failure =
        CatalogFailures.describe(
            config, "open", new IllegalStateException("header Authorization: Bearer " + secret));

    assertThat(failure.getMessage()).doesNotContain("xxxx").doesNotContain("TAIL-OF-THE-SECRET");
  }

  @Test
  void build_missingWarehouse_failsBeforeConnecting() {
    assertThatThrownBy(
            () ->
                runtime(
                    JdbcCatalogConfig.builder("jdbc:sqlite:" + dir.resolve("c.db"), "").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "warehouse is required for a jdbc catalog, e.g. s3://bucket/prefix or /data/lake");
  }

  @Test
  void scrub_urlsAndEchoedSecrets_masked() {
    CatalogConfig config =
        JdbcCatalogConfig.builder("jdbc:postgresql://db/catalog", "/lake")
            .credentials("medallion", Secret.of("hunter2"))
            .build();

    assertThat(
            CatalogFailures.scrub(
                "failed: jdbc:postgresql://u:pa55@db/c?password=pa55&ssl=true said hunter2",
                config))
        .isEqualTo("failed: jdbc:postgresql://u:****@db/c?password=****&ssl=true said ****");
  }

  private MedallionRuntime runtime(CatalogConfig config) {
    return MedallionRuntime.builder().lake(dir.resolve("local")).catalog(config).build();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
