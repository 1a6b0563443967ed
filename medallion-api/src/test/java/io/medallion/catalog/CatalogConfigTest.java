package io.medallion.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {
  @Test
  void embedded_lakeFolder_usesSqliteFileAndWarehouseInside() {
    CatalogConfig config = CatalogConfig.embedded(Path.of("/data/lake"));

    assertThat(config.type()).isEqualTo(CatalogType.JDBC);
    assertThat(config.uri()).contains("jdbc:sqlite:/data/lake/catalog.db");
    assertThat(config.warehouse().orElseThrow()).startsWith("file:///data/lake/warehouse");
    assertThat(config.embeddedLake()).contains(Path.of("/data/lake"));
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void setters_returnNewConfigurations_leavingTheOriginalUnchanged() {
    CatalogConfig glue = CatalogConfig.glue("eu-west-1");

    CatalogConfig withWarehouse = glue.warehouse("s3://lake/medallion").catalogId("123456789012");

    assertThat(glue.warehouse()).isEmpty();
    assertThat(glue.catalogId()).isEmpty();
    assertThat(withWarehouse.warehouse()).contains("s3://lake/medallion");
    assertThat(withWarehouse.catalogId()).contains("123456789012");
  }

  @Test
  void toString_everyKindOfSecret_neverShowsTheValue() {
    CatalogConfig rest =
        CatalogConfig.rest(URI.create("https://polaris.example.com/api/catalog"))
            .warehouse("analytics")
            .oauth("medallion", Secret.of("client-s3cret-1"))
            .scope("PRINCIPAL_ROLE:ALL")
            .property("header.X-Api-Token", "header-s3cret-2")
            .storage(StorageConfig.s3().credentials("AKIDEXAMPLE", Secret.of("s3-s3cret-3")));
    CatalogConfig jdbc =
        CatalogConfig.jdbc("jdbc:postgresql://db:5432/catalog")
            .warehouse("s3://lake/medallion")
            .credentials("medallion", Secret.of("db-s3cret-4"));
    CatalogConfig token =
        CatalogConfig.rest(URI.create("http://127.0.0.1:8181")).token(Secret.of("bearer-s3cret-5"));

    String shown = rest + " " + jdbc + " " + token;

    assertThat(shown)
        .doesNotContain("s3cret")
        .contains("oauthClient=medallion/****")
        .contains("header.X-Api-Token=****")
        .contains("credentials=AKIDEXAMPLE/****")
        .contains("password=****")
        .contains("token=****");
  }

  @Test
  void validate_everyProblem_reportedTogetherNamingTheSetting() {
    CatalogConfig bad =
        CatalogConfig.rest(URI.create("ftp://catalog"))
            .name("my catalog")
            .token(Secret.of("t"))
            .oauth("id", Secret.of(""))
            .catalogId("123")
            .storage(StorageConfig.s3().endpoint(URI.create("s3.local:9000")));

    assertThatThrownBy(bad::validate)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "name 'my catalog' must be letters, digits, '_' or '-'",
            "uri 'ftp://catalog' must be an http or https URL",
            "authentication: choose one of token, oauth and sigv4, not 2",
            "glue.catalog-id does not apply to a rest catalog",
            "rest.oauth.client-secret is empty",
            "s3.endpoint 's3.local:9000' must be an http or https URL");
  }

  @Test
  void validate_glueWithoutWarehouse_namesTheSettingWithAnExample() {
    assertThat(CatalogConfig.glue("eu-west-1").problems())
        .containsExactly(
            "warehouse is required for a glue catalog, e.g. s3://bucket/prefix or /data/lake");
  }

  @Test
  void validate_hadoopCatalogOnS3_refusedBecauseS3HasNoAtomicRename() {
    assertThat(CatalogConfig.hadoop("s3://lake/warehouse").problems())
        .singleElement()
        .asString()
        .startsWith("warehouse 's3://lake/warehouse' cannot hold a hadoop catalog");
  }

  @Test
  void validate_relativeWarehouse_refused() {
    assertThat(CatalogConfig.jdbc("jdbc:sqlite:x.db").warehouse("lake").problems())
        .containsExactly(
            "warehouse 'lake' must be an absolute path or a URI such as s3://bucket/prefix or"
                + " file:/path");
  }

  @Test
  void validate_secretFromUnsetEnvironmentVariable_namesTheVariable() {
    CatalogConfig config =
        CatalogConfig.rest(URI.create("https://catalog"))
            .token(Secret.fromEnv("MEDALLION_TEST_VARIABLE_THAT_IS_NEVER_SET"));

    assertThat(config.problems())
        .containsExactly(
            "rest.token from env:MEDALLION_TEST_VARIABLE_THAT_IS_NEVER_SET is not set");
    assertThat(config.toString())
        .contains("token=env:MEDALLION_TEST_VARIABLE_THAT_IS_NEVER_SET (****)");
  }

  @Test
  void fromProperties_glueOnS3_readsEverySetting() {
    CatalogConfig config =
        CatalogConfig.fromProperties(
            Map.of(
                "type", "glue",
                "glue.region", "eu-west-1",
                "glue.catalog-id", "123456789012",
                "warehouse", "s3://acme-lake/medallion",
                "s3.region", "eu-west-1",
                "s3.access-key-id", "AKIDEXAMPLE",
                "s3.secret-access-key", "wJalrXUtnFEMI",
                "iceberg.glue.skip-archive", "true"));

    assertThat(config.type()).isEqualTo(CatalogType.GLUE);
    assertThat(config.region()).contains("eu-west-1");
    assertThat(config.catalogId()).contains("123456789012");
    assertThat(config.warehouse()).contains("s3://acme-lake/medallion");
    assertThat(config.storage().accessKeyId()).contains("AKIDEXAMPLE");
    assertThat(config.storage().secretAccessKey().flatMap(Secret::reveal))
        .contains("wJalrXUtnFEMI");
    assertThat(config.properties()).containsEntry("glue.skip-archive", "true");
  }

  @Test
  void fromProperties_restWithOAuth_readsEnvironmentSecrets() {
    CatalogConfig config =
        CatalogConfig.fromProperties(
            Map.of(
                "type", "rest",
                "uri", "https://polaris.example.com/api/catalog",
                "warehouse", "analytics",
                "rest.oauth.client-id", "medallion",
                "rest.oauth.client-secret", "env:PATH",
                "rest.oauth.scope", "PRINCIPAL_ROLE:ALL"));

    assertThat(config.clientId()).contains("medallion");
    assertThat(config.clientSecret().map(Secret::origin)).contains("env:PATH");
    assertThat(config.clientSecret().flatMap(Secret::reveal)).contains(System.getenv("PATH"));
    assertThat(config.scope()).contains("PRINCIPAL_ROLE:ALL");
  }

  @Test
  void fromProperties_unknownTypeAndSettings_reportsEachWithWhatIsAllowed() {
    assertThatThrownBy(() -> CatalogConfig.fromProperties(Map.of("type", "hive", "rest.tokn", "x")))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .hasSize(2)
        .satisfies(
            problems -> {
              assertThat(problems.get(0).toString())
                  .startsWith("unknown setting 'rest.tokn'; known: type, lake, name, uri");
              assertThat(problems.get(1))
                  .isEqualTo(
                      "type 'hive' is not a catalog type; allowed: embedded, jdbc, rest, glue,"
                          + " hadoop");
            });
  }

  @Test
  void fromProperties_missingType_namesTheAllowedTypes() {
    assertThatThrownBy(() -> CatalogConfig.fromProperties(Map.of("warehouse", "/lake")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("type is required; allowed: embedded, jdbc, rest, glue, hadoop");
  }

  @Test
  void fromProperties_badValues_reportedTogetherWithoutEchoingSecrets() {
    assertThatThrownBy(
            () ->
                CatalogConfig.fromProperties(
                    Map.of(
                        "type", "jdbc",
                        "uri", "postgresql://db/catalog",
                        "jdbc.user", "medallion",
                        "jdbc.password", "pw-s3cret",
                        "s3.path-style-access", "yes",
                        "s3.endpoint", "http://[bad")))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .contains(
                        "s3.endpoint 'http://[bad' is not a URI: Expected closing bracket for"
                            + " IPv6 address",
                        "s3.path-style-access 'yes' must be true or false",
                        "uri 'postgresql://db/catalog' must be a JDBC URL (jdbc:...)",
                        "warehouse is required for a jdbc catalog, e.g. s3://bucket/prefix or"
                            + " /data/lake"))
        .message()
        .doesNotContain("pw-s3cret");
  }

  @Test
  void fromProperties_embedded_needsTheLakeFolder() {
    assertThat(
            CatalogConfig.fromProperties(Map.of("type", "embedded", "lake", "/tmp/lake"))
                .embeddedLake())
        .contains(Path.of("/tmp/lake"));
    assertThatThrownBy(() -> CatalogConfig.fromProperties(Map.of("type", "embedded")))
        .hasMessageContaining("lake is required for the embedded catalog (a folder)");
  }

  @Test
  void fromProperties_settingsThatWouldBeIgnored_reportedEach() {
    assertThatThrownBy(
            () ->
                CatalogConfig.fromProperties(
                    Map.of(
                        "type", "embedded",
                        "lake", "/tmp/lake",
                        "warehouse", "s3://lake/medallion",
                        "rest.oauth.client-secret", "x",
                        "jdbc.password", "y")))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .contains(
                        "warehouse does not apply to the embedded catalog (SQLite and data in the"
                            + " lake folder); choose type jdbc, rest, glue or hadoop for another"
                            + " warehouse",
                        "rest.oauth.client-secret needs rest.oauth.client-id",
                        "jdbc.password needs jdbc.user"));
    assertThatThrownBy(
            () ->
                CatalogConfig.fromProperties(
                    Map.of(
                        "type",
                        "glue",
                        "glue.region",
                        "eu-west-1",
                        "uri",
                        "http://x",
                        "lake",
                        "/tmp",
                        "warehouse",
                        "s3://lake/w")))
        .hasMessageContaining("uri does not apply to a glue catalog")
        .hasMessageContaining("lake applies to the embedded catalog only");
  }

  @Test
  void validate_glueAndBucketInDifferentRegions_suggestsCrossRegionAccess() {
    CatalogConfig config =
        CatalogConfig.glue("eu-west-1")
            .warehouse("s3://lake/medallion")
            .storage(StorageConfig.s3().region("us-east-1"));

    assertThat(config.problems())
        .singleElement()
        .asString()
        .startsWith("s3.region 'us-east-1' differs from glue.region 'eu-west-1'")
        .endsWith("set iceberg.s3.cross-region-access-enabled=true instead");
  }

  @Test
  void toStringAndProblems_passwordsInTheUrl_masked() {
    CatalogConfig config =
        CatalogConfig.jdbc("postgresql://medallion:url-s3cret@db/c?password=param-s3cret");

    assertThat(config.toString()).doesNotContain("s3cret").contains("medallion:****@db");
    assertThat(config.problems())
        .allSatisfy(problem -> assertThat(problem).doesNotContain("s3cret"));
    assertThat(Secret.maskUrl("jdbc:postgresql://db/c?user=u&password=pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/c?user=u&password=****&ssl=true");
  }

  @Test
  void label_embeddedAndOthers_nameTheKind() {
    assertThat(CatalogConfig.embedded(Path.of("/lake")).label()).isEqualTo("medallion (embedded)");
    assertThat(CatalogConfig.glue("eu-west-1").name("prod").label()).isEqualTo("prod (glue)");
  }
}
