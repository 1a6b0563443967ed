package io.medallion.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {
  @Test
  void embedded_lakeFolder_usesSqliteFileAndWarehouseInside() {
    EmbeddedCatalogConfig config = CatalogConfig.embedded(Path.of("/data/lake"));

    assertThat(config.type()).isEqualTo(CatalogType.JDBC);
    assertThat(config.url()).isEqualTo("jdbc:sqlite:/data/lake/catalog.db");
    assertThat(config.warehouse()).startsWith("file:///data/lake/warehouse");
    assertThat(config.lake()).isEqualTo(Path.of("/data/lake"));
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void toBuilder_changedSetting_leavesTheOriginalUnchanged() {
    GlueCatalogConfig glue = GlueCatalogConfig.builder("eu-west-1", "s3://lake/medallion").build();

    GlueCatalogConfig withId = glue.toBuilder().catalogId("123456789012").name("prod").build();

    assertThat(glue.catalogId()).isEmpty();
    assertThat(glue.name()).isEqualTo("medallion");
    assertThat(withId.catalogId()).contains("123456789012");
    assertThat(withId.warehouse()).isEqualTo("s3://lake/medallion");
    assertThat(withId.name()).isEqualTo("prod");
  }

  @Test
  void toBuilder_everyKind_buildsAnEqualConfiguration() {
    RestCatalogConfig rest =
        RestCatalogConfig.builder(URI.create("https://catalog"))
            .warehouse("analytics")
            .oauth("medallion", Secret.of("s"))
            .scope("PRINCIPAL_ROLE:ALL")
            .property("header.X-Trace", "on")
            .build();
    JdbcCatalogConfig jdbc =
        JdbcCatalogConfig.builder("jdbc:postgresql://db/c", "/lake")
            .credentials("medallion", Secret.of("pw"))
            .build();
    GlueCatalogConfig glue =
        GlueCatalogConfig.builder("eu-west-1", "s3://lake/w")
            .endpoint(URI.create("https://glue.vpce"))
            .build();
    HadoopCatalogConfig hadoop = HadoopCatalogConfig.builder("/lake").name("files").build();
    EmbeddedCatalogConfig embedded = CatalogConfig.embedded(Path.of("/lake"));

    assertThat(rest.toBuilder().build()).isEqualTo(rest);
    assertThat(jdbc.toBuilder().build()).isEqualTo(jdbc);
    assertThat(glue.toBuilder().build()).isEqualTo(glue);
    assertThat(hadoop.toBuilder().build()).isEqualTo(hadoop);
    assertThat(embedded.toBuilder().build()).isEqualTo(embedded);
  }

  @Test
  void build_settingGivenTwice_problemNamingEachSettingWithoutItsValue() {
    assertThatThrownBy(
            () ->
                RestCatalogConfig.builder(URI.create("https://catalog"))
                    .token(Secret.of("first-s3cret"))
                    .token(Secret.of("second-s3cret"))
                    .warehouse("a")
                    .warehouse("b")
                    .property("k", "1")
                    .property("k", "2")
                    .name("x")
                    .name("y")
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "rest.token is given twice; give each setting once",
                        "warehouse is given twice; give each setting once",
                        "iceberg.k is given twice; give each setting once",
                        "name is given twice; give each setting once"))
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void build_settingAgainAfterToBuilder_replacesIt() {
    JdbcCatalogConfig first =
        JdbcCatalogConfig.builder("jdbc:postgresql://db/c", "/lake").name("a").build();

    assertThat(first.toBuilder().name("b").build().name()).isEqualTo("b");
  }

  @Test
  void accept_eachKind_callsItsOwnVisitorMethod() {
    CatalogConfig.Visitor<String> kinds =
        new CatalogConfig.Visitor<>() {
          @Override
          public String embedded(EmbeddedCatalogConfig config) {
            return "embedded " + config.lake();
          }

          @Override
          public String jdbc(JdbcCatalogConfig config) {
            return "jdbc " + config.url();
          }

          @Override
          public String rest(RestCatalogConfig config) {
            return "rest " + config.uri();
          }

          @Override
          public String glue(GlueCatalogConfig config) {
            return "glue " + config.region();
          }

          @Override
          public String hadoop(HadoopCatalogConfig config) {
            return "hadoop " + config.warehouse();
          }
        };

    assertThat(
            List.of(
                    CatalogConfig.embedded(Path.of("/lake")),
                    JdbcCatalogConfig.builder("jdbc:sqlite:/c.db", "/w").build(),
                    RestCatalogConfig.builder(URI.create("http://r")).build(),
                    GlueCatalogConfig.builder("eu-west-1", "s3://b/w").build(),
                    HadoopCatalogConfig.builder("/h").build())
                .stream()
                .map(config -> config.accept(kinds)))
        .containsExactly(
            "embedded /lake",
            "jdbc jdbc:sqlite:/c.db",
            "rest http://r",
            "glue eu-west-1",
            "hadoop /h");
  }

  @Test
  void toString_everyKindOfSecret_neverShowsTheValue() {
    CatalogConfig rest =
        RestCatalogConfig.builder(URI.create("https://polaris.example.com/api/catalog"))
            .warehouse("analytics")
            .oauth("medallion", Secret.of("client-s3cret-1"))
            .scope("PRINCIPAL_ROLE:ALL")
            .property("header.X-Api-Token", "header-s3cret-2")
            .storage(StorageConfig.s3().credentials("AKIDEXAMPLE", Secret.of("s3-s3cret-3")))
            .build();
    CatalogConfig jdbc =
        JdbcCatalogConfig.builder("jdbc:postgresql://db:5432/catalog", "s3://lake/medallion")
            .credentials("medallion", Secret.of("db-s3cret-4"))
            .build();
    CatalogConfig token =
        RestCatalogConfig.builder(URI.create("http://127.0.0.1:8181"))
            .token(Secret.of("bearer-s3cret-5"))
            .build();

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
  void build_everyProblem_reportedTogetherNamingTheSetting() {
    RestCatalogConfig.Builder bad =
        RestCatalogConfig.builder(URI.create("ftp://catalog"))
            .name("my catalog")
            .token(Secret.of("t"))
            .oauth("id", Secret.of(""))
            .storage(StorageConfig.s3().endpoint(URI.create("s3.local:9000")));

    assertThatThrownBy(bad::build)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "name 'my catalog' must be letters, digits, '_' or '-'",
            "s3.endpoint 's3.local:9000' must be an http or https URL",
            "uri 'ftp://catalog' must be an http or https URL",
            "authentication: choose one of token, oauth and sigv4, not 2",
            "rest.oauth.client-secret is empty");
  }

  @Test
  void build_scopeWithoutOAuth_namesWhatItNeeds() {
    assertThatThrownBy(
            () -> RestCatalogConfig.builder(URI.create("https://catalog")).scope("ALL").build())
        .hasMessageContaining("rest.oauth.scope needs rest.oauth.client-id");
  }

  @Test
  void build_glueWithoutWarehouse_namesTheSettingWithAnExample() {
    assertThatThrownBy(() -> GlueCatalogConfig.builder("eu-west-1", "").build())
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "warehouse is required for a glue catalog, e.g. s3://bucket/prefix or /data/lake");
  }

  @Test
  void problems_hadoopCatalogOnS3_refusedBecauseS3HasNoAtomicRename() {
    HadoopCatalogConfig config =
        new HadoopCatalogConfig(
            "medallion", "s3://lake/warehouse", StorageConfig.defaults(), Map.of());

    assertThat(config.problems())
        .singleElement()
        .asString()
        .startsWith("warehouse 's3://lake/warehouse' cannot hold a hadoop catalog");
    assertThatThrownBy(config::validate).isInstanceOf(ValidationException.class);
  }

  @Test
  void build_relativeWarehouse_refused() {
    assertThatThrownBy(() -> JdbcCatalogConfig.builder("jdbc:sqlite:x.db", "lake").build())
        .hasMessageContaining(
            "warehouse 'lake' must be an absolute path or a URI such as s3://bucket/prefix or"
                + " file:/path");
  }

  @Test
  void build_secretFromUnsetEnvironmentVariable_namesTheVariable() {
    RestCatalogConfig.Builder builder =
        RestCatalogConfig.builder(URI.create("https://catalog"))
            .token(Secret.fromEnv("MEDALLION_TEST_VARIABLE_THAT_IS_NEVER_SET"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "rest.token from env:MEDALLION_TEST_VARIABLE_THAT_IS_NEVER_SET is not set");
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

    assertThat(config).isInstanceOf(GlueCatalogConfig.class);
    GlueCatalogConfig glue = (GlueCatalogConfig) config;
    assertThat(glue.region()).isEqualTo("eu-west-1");
    assertThat(glue.catalogId()).contains("123456789012");
    assertThat(glue.warehouse()).isEqualTo("s3://acme-lake/medallion");
    assertThat(glue.storage().accessKeyId()).contains("AKIDEXAMPLE");
    assertThat(glue.storage().secretAccessKey().flatMap(Secret::reveal)).contains("wJalrXUtnFEMI");
    assertThat(glue.properties()).containsEntry("glue.skip-archive", "true");
  }

  @Test
  void fromProperties_restWithOAuth_readsEnvironmentSecrets() {
    RestCatalogConfig.OAuth config =
        ((RestCatalogConfig)
                CatalogConfig.fromProperties(
                    Map.of(
                        "type",
                        "rest",
                        "uri",
                        "https://polaris.example.com/api/catalog",
                        "warehouse",
                        "analytics",
                        "rest.oauth.client-id",
                        "medallion",
                        "rest.oauth.client-secret",
                        "env:PATH",
                        "rest.oauth.scope",
                        "PRINCIPAL_ROLE:ALL")))
            .oauth()
            .orElseThrow();

    assertThat(config.clientId()).isEqualTo("medallion");
    assertThat(config.clientSecret().origin()).isEqualTo("env:PATH");
    assertThat(config.clientSecret().reveal()).contains(System.getenv("PATH"));
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
    assertThat(CatalogConfig.fromProperties(Map.of("type", "embedded", "lake", "/tmp/lake")))
        .isEqualTo(CatalogConfig.embedded(Path.of("/tmp/lake")));
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
  void fromProperties_settingOfAnotherKind_namesTheSettingAndTheKind() {
    assertThatThrownBy(
            () ->
                CatalogConfig.fromProperties(
                    Map.of(
                        "type", "rest",
                        "uri", "https://catalog",
                        "glue.catalog-id", "123",
                        "jdbc.user", "u")))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "glue.catalog-id does not apply to a rest catalog",
            "jdbc.user does not apply to a rest catalog");
  }

  @Test
  void validate_glueAndBucketInDifferentRegions_suggestsCrossRegionAccess() {
    GlueCatalogConfig.Builder config =
        GlueCatalogConfig.builder("eu-west-1", "s3://lake/medallion")
            .storage(StorageConfig.s3().region("us-east-1"));

    assertThatThrownBy(config::build)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .singleElement()
        .asString()
        .startsWith("s3.region 'us-east-1' differs from glue.region 'eu-west-1'")
        .endsWith("set iceberg.s3.cross-region-access-enabled=true instead");
  }

  @Test
  void toStringAndProblems_passwordsInTheUrl_masked() {
    JdbcCatalogConfig config =
        new JdbcCatalogConfig(
            "medallion",
            "postgresql://medallion:url-s3cret@db/c?password=param-s3cret",
            "/lake",
            Optional.empty(),
            Optional.empty(),
            StorageConfig.defaults(),
            Map.of());

    assertThat(config.toString()).doesNotContain("s3cret").contains("medallion:****@db");
    assertThat(config.problems())
        .allSatisfy(problem -> assertThat(problem).doesNotContain("s3cret"));
    assertThat(Secret.maskUrl("jdbc:postgresql://db/c?user=u&password=pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/c?user=u&password=****&ssl=true");
  }

  @Test
  void label_embeddedAndOthers_nameTheKind() {
    assertThat(CatalogConfig.embedded(Path.of("/lake")).label()).isEqualTo("medallion (embedded)");
    assertThat(GlueCatalogConfig.builder("eu-west-1", "s3://b/w").name("prod").build().label())
        .isEqualTo("prod (glue)");
  }
}
