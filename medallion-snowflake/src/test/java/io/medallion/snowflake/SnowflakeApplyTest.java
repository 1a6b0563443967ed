package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import io.medallion.table.GoldTable;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordering, idempotence, drift and stop-on-failure of an apply, over SQLite with a recorder. */
class SnowflakeApplyTest {
  private static final String WAREHOUSE = "s3://acme-lake/medallion";

  @TempDir Path folder;
  private Connection sqlite;
  private RecordingConnection recorder;

  @BeforeEach
  void open() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("snowflake.db"));
    recorder = new RecordingConnection(sqlite);
  }

  @AfterEach
  void close() throws SQLException {
    sqlite.close();
  }

  private static SnowflakePlan plan(Pipeline pipeline) {
    return SnowflakeLayer.builder(
            pipeline,
            GlueCatalogConfig.builder("eu-west-1", WAREHOUSE).catalogId("123456789012").build(),
            WAREHOUSE)
        .awsRoleArn("arn:aws:iam::123456789012:role/snowflake-lake")
        .facts(SnowflakePlanGoldenTest.facts())
        .build()
        .plan();
  }

  private SnowflakeApply apply() {
    return SnowflakeApply.to(recorder.connection()).ledger(RecordingConnection.LEDGER);
  }

  @Test
  void apply_newPlan_runsEveryStatementInPlanOrder() throws SQLException {
    SnowflakePlan plan = plan(People.PIPELINE);

    ApplyReport report = apply().apply(plan);

    assertThat(report.failure()).isEmpty();
    assertThat(report.count(ApplyReport.Result.RAN)).isEqualTo(plan.statements().size());
    assertThat(recorder.statements)
        .containsExactlyElementsOf(plan.statements().stream().map(PlannedStatement::sql).toList());
  }

  @Test
  void apply_twice_secondChangesNothingAndSaysSo() throws SQLException {
    SnowflakePlan plan = plan(People.PIPELINE);
    apply().apply(plan);
    recorder.statements.clear();

    ApplyReport second = apply().apply(plan);

    assertThat(second.summary())
        .isEqualTo(
            "nothing changed: " + plan.statements().size() + " statements were applied before");
    // Only the database's CREATE ... IF NOT EXISTS runs again, a no-op, before the ledger is read.
    assertThat(recorder.statements).containsExactly(plan.statements().get(0).sql());
  }

  @Test
  void apply_changedGoldView_reportsDriftAndLeavesTheViewAlone() throws SQLException {
    apply().apply(plan(People.PIPELINE));
    recorder.statements.clear();

    SnowflakePlan changed = plan(withCountryDescription("Headcount per country"));
    ApplyReport report = apply().apply(changed);

    assertThat(report.outcomes())
        .filteredOn(o -> o.result() == ApplyReport.Result.DRIFTED)
        .extracting(o -> o.statement().objectName())
        .containsExactly("\"MEDALLION\".\"GOLD\".\"PEOPLE_BY_COUNTRY\"");
    assertThat(report.summary())
        .isEqualTo(
            "0 ran, "
                + (changed.statements().size() - 1)
                + " unchanged, 1 drifted (not replaced), 0 replaced");
    assertThat(recorder.statements).noneMatch(sql -> sql.contains("PEOPLE_BY_COUNTRY"));
  }

  @Test
  void apply_changedGoldViewWithReplaceAllowed_replacesItOnly() throws SQLException {
    apply().apply(plan(People.PIPELINE));
    recorder.statements.clear();

    ApplyReport report =
        apply().allowReplace(true).apply(plan(withCountryDescription("Headcount per country")));

    assertThat(report.count(ApplyReport.Result.REPLACED)).isEqualTo(1);
    assertThat(recorder.statements).hasSize(2);
    assertThat(recorder.statements.get(1))
        .startsWith(
            "CREATE OR REPLACE VIEW \"MEDALLION\".\"GOLD\".\"PEOPLE_BY_COUNTRY\"\n  COMMENT = 'Headcount per country'");
    // Replaced once, the view is in step again.
    assertThat(apply().apply(plan(withCountryDescription("Headcount per country"))).summary())
        .startsWith("nothing changed");
  }

  @Test
  void apply_failingStatement_stopsThereWithSnowflakesMessageAndResumesLater() throws SQLException {
    SnowflakePlan plan = plan(People.PIPELINE);
    recorder.failOn = "CREATE CATALOG INTEGRATION";

    ApplyReport report = apply().apply(plan);

    assertThat(report.failure()).isPresent();
    assertThat(report.failure().get().statement().kind()).isEqualTo(ObjectKind.CATALOG_INTEGRATION);
    assertThat(report.summary())
        .endsWith(
            "stopped at catalog integration MEDALLION_CATALOG: SQL compilation error: Object does not exist or not authorized.");
    assertThat(recorder.statements).hasSize(3);

    recorder.failOn = null;
    recorder.statements.clear();
    ApplyReport resumed = apply().apply(plan);

    assertThat(resumed.count(ApplyReport.Result.UNCHANGED)).isEqualTo(2);
    assertThat(resumed.count(ApplyReport.Result.RAN)).isEqualTo(plan.statements().size() - 2);
  }

  @Test
  void apply_secretReference_isResolvedFromTheEnvironmentAndMaskedInMessages() throws SQLException {
    RestCatalogConfig polaris =
        new RestCatalogConfig(
            "medallion",
            URI.create("https://polaris.acme.com/api/catalog"),
            Optional.of("analytics"),
            Optional.empty(),
            Optional.of(
                new RestCatalogConfig.OAuth(
                    "medallion",
                    Secret.fromEnv("POLARIS_SECRET"),
                    Optional.empty(),
                    Optional.empty())),
            Optional.empty(),
            StorageConfig.defaults(),
            Map.of());
    SnowflakePlan plan =
        SnowflakeLayer.builder(People.PIPELINE, polaris, WAREHOUSE)
            .awsRoleArn("arn:aws:iam::123456789012:role/snowflake-lake")
            .facts(SnowflakePlanGoldenTest.facts())
            .build()
            .plan();
    recorder.failOn = "OAUTH_CLIENT_SECRET";
    recorder.failureMessage = "Invalid client secret 'o'hare\\top'";

    ApplyReport report =
        apply().environment(Map.of("POLARIS_SECRET", "o'hare\\top")::get).apply(plan);

    assertThat(recorder.statements.get(2)).contains("OAUTH_CLIENT_SECRET = 'o\\'hare\\\\top'");
    assertThat(report.failure().orElseThrow().message()).isEqualTo("Invalid client secret '****'");
    assertThat(report.failure().get().statement().sql())
        .contains("'<<secret env:POLARIS_SECRET>>'");
  }

  @Test
  void apply_placeholdersOrUnsetSecrets_refusesNamingEach() {
    SnowflakePlan plan =
        SnowflakeLayer.builder(
                People.PIPELINE,
                io.medallion.catalog.CatalogConfig.embedded(folder),
                folder.toString())
            .build()
            .plan();

    assertThatThrownBy(() -> apply().apply(plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot apply the plan of pipeline people; give these settings first: [AWS_ROLE_ARN,"
                + " S3_STORAGE_BASE_URL, METADATA_FILE_OF_BRONZE_PEOPLE_RAW, METADATA_FILE_OF_SILVER_PEOPLE,"
                + " METADATA_FILE_OF_GOLD_DIM_PERSON, METADATA_FILE_OF_GOLD_DIM_DATE,"
                + " METADATA_FILE_OF_GOLD_FACT_PERSON]");
    assertThat(recorder.statements).isEmpty();
  }

  private static Pipeline withCountryDescription(String description) {
    GoldTable byCountry = People.BY_COUNTRY.toBuilder().description(description).build();
    return Pipeline.builder("people")
        .tables(
            People.RAW,
            People.PEOPLE,
            byCountry,
            People.BY_YEAR,
            People.MONTHLY_BY_COUNTRY,
            People.DAILY)
        .build();
  }
}
