package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each object kind and option, rendered and compared exactly with its reviewed golden script. */
class SnowflakePlanGoldenTest {
  private static final String WAREHOUSE = "s3://acme-lake/medallion";
  private static final CatalogConfig GLUE =
      GlueCatalogConfig.builder("eu-west-1", WAREHOUSE).catalogId("123456789012").build();
  private static final String ROLE = "arn:aws:iam::123456789012:role/snowflake-lake";

  static LakeFacts facts() {
    return LakeFacts.of(
        List.of(
            table(
                TableId.of("bronze", "people_raw"),
                2,
                List.of("data/00000-0-a.parquet"),
                0,
                List.of()),
            table(
                TableId.of("silver", "people"),
                2,
                List.of("data/00000-1-b.parquet", "data/00001-1-c.parquet"),
                0,
                List.of()),
            table(
                TableId.of("gold", "dim_person"),
                2,
                List.of("data/00000-2-d.parquet"),
                0,
                List.of()),
            table(
                TableId.of("gold", "dim_date"), 2, List.of("data/00000-3-e.parquet"), 0, List.of()),
            table(
                TableId.of("gold", "fact_person"),
                2,
                List.of("data/00000-4-f.parquet"),
                0,
                List.of())));
  }

  static TableFacts table(
      TableId id, int version, List<String> files, int deletes, List<Long> equality) {
    String location = WAREHOUSE + "/" + id.namespace() + ".db/" + id.name();
    return new TableFacts(
        id,
        version,
        location,
        location + "/metadata/00003-5c1e.metadata.json",
        Optional.of(7001L),
        1_700_000_000_000L,
        files.stream().map(f -> location + "/" + f).toList(),
        deletes,
        equality,
        List.of());
  }

  private static SnowflakeLayer.Builder glue() {
    return SnowflakeLayer.builder(People.PIPELINE, GLUE, WAREHOUSE).awsRoleArn(ROLE).facts(facts());
  }

  @Test
  void plan_embeddedLakeWithoutSettings_listsEveryPlaceholderAtTheTop() {
    SnowflakePlan plan =
        SnowflakeLayer.builder(
                People.PIPELINE, CatalogConfig.embedded(Path.of("/lake")), "/lake/warehouse")
            .build()
            .plan();

    assertThat(plan.missingSettings())
        .containsOnlyKeys(
            "AWS_ROLE_ARN",
            "S3_STORAGE_BASE_URL",
            "METADATA_FILE_OF_BRONZE_PEOPLE_RAW",
            "METADATA_FILE_OF_SILVER_PEOPLE",
            "METADATA_FILE_OF_GOLD_DIM_PERSON",
            "METADATA_FILE_OF_GOLD_DIM_DATE",
            "METADATA_FILE_OF_GOLD_FACT_PERSON");
    assertThat(plan.incomplete()).isNotEmpty();
    Golden.assertMatches("embedded-object-store.sql", plan.script());
  }

  @Test
  void plan_glueIcebergRest_matchesGolden() {
    SnowflakePlan plan = glue().externalId("medallion-ext").build().plan();

    assertThat(plan.missingSettings()).isEmpty();
    assertThat(plan.incomplete()).isEmpty();
    Golden.assertMatches("glue-iceberg-rest.sql", plan.script());
  }

  @Test
  void plan_glueApiWithoutAutoRefresh_matchesGolden() {
    SnowflakePlan plan = glue().glueAccess(GlueAccess.GLUE_API).autoRefresh(false).build().plan();

    Golden.assertMatches("glue-api-refresh.sql", plan.script());
  }

  @Test
  void plan_restWithOauth_referencesTheSecretByItsVariable() {
    // Built directly: the builder would insist the variable is set, and planning needs no secret.
    CatalogConfig polaris =
        new RestCatalogConfig(
            "medallion",
            URI.create("https://polaris.acme.com/api/catalog"),
            Optional.of("analytics"),
            Optional.empty(),
            Optional.of(
                new RestCatalogConfig.OAuth(
                    "medallion",
                    Secret.fromEnv("POLARIS_SECRET"),
                    Optional.of("PRINCIPAL_ROLE:ALL"),
                    Optional.of(
                        URI.create("https://polaris.acme.com/api/catalog/v1/oauth/tokens")))),
            Optional.empty(),
            StorageConfig.defaults(),
            Map.of());
    SnowflakePlan plan =
        SnowflakeLayer.builder(People.PIPELINE, polaris, WAREHOUSE)
            .awsRoleArn(ROLE)
            .facts(facts())
            .build()
            .plan();

    assertThat(plan.script()).contains("OAUTH_CLIENT_SECRET = '<<secret env:POLARIS_SECRET>>'");
    Golden.assertMatches("rest-oauth.sql", plan.script());
  }

  @Test
  void plan_restWithLiteralToken_neverPrintsTheToken() {
    CatalogConfig rest =
        RestCatalogConfig.builder(URI.create("https://catalog.acme.com/api"))
            .token(Secret.of("s3cr3t-token-value"))
            .build();
    SnowflakePlan plan =
        SnowflakeLayer.builder(People.PIPELINE, rest, WAREHOUSE)
            .awsRoleArn(ROLE)
            .facts(facts())
            .build()
            .plan();

    assertThat(plan.script())
        .doesNotContain("s3cr3t-token-value")
        .contains("BEARER_TOKEN = '<<REST_BEARER_TOKEN>>'");
    assertThat(plan.missingSettings().get("REST_BEARER_TOKEN")).contains("give it as env:NAME");
    Golden.assertMatches("rest-bearer.sql", plan.script());
  }

  @Test
  void plan_restWithSigV4_matchesGolden() {
    CatalogConfig glueRest =
        RestCatalogConfig.builder(URI.create("https://glue.eu-west-1.amazonaws.com/iceberg"))
            .warehouse("123456789012")
            .sigv4("eu-west-1", "glue")
            .build();
    SnowflakePlan plan =
        SnowflakeLayer.builder(People.PIPELINE, glueRest, WAREHOUSE)
            .awsRoleArn(ROLE)
            .build()
            .plan();

    Golden.assertMatches("rest-sigv4.sql", plan.script());
  }

  @Test
  void plan_linkedDatabase_matchesGolden() {
    SnowflakePlan plan = glue().exposure(Exposure.LINKED_DATABASE).build().plan();

    Golden.assertMatches("linked-database.sql", plan.script());
  }

  @Test
  void plan_dimensionsAndFacts_areTheirOwnTablesGrantedToReadersAndNamedInTheNotes() {
    SnowflakePlan plan = glue().build().plan();

    assertThat(plan.statements())
        .filteredOn(s -> s.kind() == ObjectKind.ICEBERG_TABLE)
        .extracting(PlannedStatement::objectName)
        .contains(
            "\"MEDALLION\".\"GOLD\".\"DIM_PERSON\"",
            "\"MEDALLION\".\"GOLD\".\"DIM_DATE\"",
            "\"MEDALLION\".\"GOLD\".\"FACT_PERSON\"");
    assertThat(plan.statements())
        .extracting(PlannedStatement::sql)
        .contains(
            "GRANT SELECT ON ALL ICEBERG TABLES IN SCHEMA \"MEDALLION\".\"GOLD\" TO ROLE"
                + " \"MEDALLION_READER\"");
    assertThat(plan.notes())
        .contains(
            "The dimension gold.dim_person is exposed as its own table"
                + " \"MEDALLION\".\"GOLD\".\"DIM_PERSON\", not as a view over silver: its"
                + " history is kept only in that table.");
  }

  @Test
  void plan_linkedDatabase_readsDimensionsThroughPlainGoldViews() {
    SnowflakePlan plan = glue().exposure(Exposure.LINKED_DATABASE).build().plan();

    assertThat(plan.statements())
        .filteredOn(s -> s.objectName().equals("\"MEDALLION\".\"GOLD\".\"FACT_PERSON\""))
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.kind()).isEqualTo(ObjectKind.VIEW);
              assertThat(view.sql()).endsWith("FROM \"MEDALLION_LAKE\".\"gold\".\"fact_person\"");
            });
  }

  @Test
  void plan_classicCopy_namesExactlyTheSnapshotsDataFiles() {
    SnowflakePlan plan = glue().exposure(Exposure.CLASSIC_COPY).build().plan();

    List<PlannedStatement> copies =
        plan.statements().stream().filter(s -> s.kind() == ObjectKind.COPY).toList();
    assertThat(copies).hasSize(5);
    assertThat(copies.get(1).sql())
        .contains("'data/00000-1-b.parquet'", "'data/00001-1-c.parquet'");
    assertThat(copies.get(2).sql()).contains("'data/00000-2-d.parquet'");
    Golden.assertMatches("classic-copy.sql", plan.script());
  }

  @Test
  void plan_tableFailingTheWriteProfile_getsNoStatementAndIsNamedWithTheReason() {
    LakeFacts facts =
        LakeFacts.of(
            List.of(
                table(TableId.of("bronze", "people_raw"), 3, List.of(), 0, List.of()),
                table(TableId.of("silver", "people"), 2, List.of(), 0, List.of(41L, 42L))));
    SnowflakePlan plan =
        SnowflakeLayer.builder(People.PIPELINE, GLUE, WAREHOUSE)
            .awsRoleArn(ROLE)
            .facts(facts)
            .build()
            .plan();

    assertThat(plan.refusals().get(TableId.of("silver", "people")))
        .containsExactly(
            "snapshots [41, 42] added equality deletes, which stop Snowflake's refresh; rewrite the"
                + " table without them");
    assertThat(plan.refusals().get(TableId.of("bronze", "people_raw")))
        .containsExactly("format version 3 is not one Snowflake reads here (allowed: [1, 2])");
    assertThat(plan.statements()).noneMatch(s -> s.sql().contains("\"PEOPLE\""));
    Golden.assertMatches("write-profile-refusals.sql", plan.script());
  }

  @Test
  void plan_omittedKinds_areLeftOutAndNamedInTheNotes() {
    SnowflakePlan plan =
        glue()
            .omit(ObjectKind.EXTERNAL_VOLUME, ObjectKind.CATALOG_INTEGRATION, ObjectKind.GRANT)
            .build()
            .plan();

    assertThat(plan.statements())
        .extracting(PlannedStatement::kind)
        .doesNotContain(
            ObjectKind.EXTERNAL_VOLUME, ObjectKind.CATALOG_INTEGRATION, ObjectKind.GRANT)
        .contains(ObjectKind.ICEBERG_TABLE, ObjectKind.VIEW);
    assertThat(plan.notes())
        .contains(
            "Left out on request (they exist already or are managed elsewhere): [external volume,"
                + " catalog integration, grant].");
  }
}
