package io.medallion.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.table.BronzeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration against the real AWS Glue Data Catalog. Runs only when {@code
 * MEDALLION_IT_GLUE_DATABASE} (an existing database it may create tables in), {@code
 * MEDALLION_IT_GLUE_WAREHOUSE} (an {@code s3://} location) and {@code AWS_REGION} are set and AWS
 * credentials are configured (environment keys, a profile, or a web-identity or container role);
 * skipped otherwise. It drops every table it creates.
 */
@EnabledIfEnvironmentVariable(named = "MEDALLION_IT_GLUE_DATABASE", matches = ".+")
@EnabledIfEnvironmentVariable(named = "MEDALLION_IT_GLUE_WAREHOUSE", matches = "s3://.+")
@EnabledIfEnvironmentVariable(named = "AWS_REGION", matches = ".+")
class GlueLiveTest {
  @TempDir Path dir;

  @Test
  void registerAll_realGlue_createsTheTablesThenChangesNothing() {
    assumeTrue(awsCredentialsConfigured(), "no AWS credentials configured");
    String database = System.getenv("MEDALLION_IT_GLUE_DATABASE");
    TableId id =
        TableId.of(database, "medallion_it_" + UUID.randomUUID().toString().substring(0, 8));
    BronzeTable raw = BronzeTable.builder(id).build();
    Pipeline pipeline = Pipeline.builder("live").tables(raw).build();
    CatalogConfig glue =
        GlueCatalogConfig.builder(
                System.getenv("AWS_REGION"), System.getenv("MEDALLION_IT_GLUE_WAREHOUSE"))
            .build();

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir).catalog(glue).build()) {
      try {
        RegistrationPlan first = runtime.registerAll(pipeline);
        RegistrationPlan second = runtime.registerAll(pipeline);

        assertThat(first.changes()).extracting(PlannedChange::kind).contains(Kind.CREATE_TABLE);
        assertThat(second.isEmpty()).as(second.describe()).isTrue();
        assertThat(runtime.exists(id)).isTrue();
      } finally {
        dropQuietly(glue, List.of(id, raw.deadLetterId()));
      }
    }
  }

  /** Clean-up only: a failure here must not hide the test's own outcome. */
  private static void dropQuietly(CatalogConfig glue, List<TableId> tables) {
    Catalog catalog = IcebergCatalogs.open(glue);
    try {
      tables.forEach(table -> catalog.dropTable(TableStore.identifier(table), true));
    } catch (RuntimeException ignored) {
      // Left for the next run's operator to see in Glue; nothing more can be done here.
    } finally {
      CatalogFailures.closeQuietly(catalog);
    }
  }

  private static boolean awsCredentialsConfigured() {
    return System.getenv("AWS_ACCESS_KEY_ID") != null
        || System.getenv("AWS_PROFILE") != null
        || System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != null
        || System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null
        || Files.exists(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
  }
}
