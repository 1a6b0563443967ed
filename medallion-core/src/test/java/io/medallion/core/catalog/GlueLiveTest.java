package io.medallion.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.iceberg.TableStore;
import io.medallion.table.BronzeTable;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration against the real AWS Glue Data Catalog. Runs only when {@code
 * MEDALLION_IT_GLUE_DATABASE} (an existing database it may create tables in), {@code
 * MEDALLION_IT_GLUE_WAREHOUSE} (an {@code s3://} location) and {@code AWS_REGION} are set, with
 * credentials from the default chain; skipped otherwise. It removes every table it creates.
 */
@EnabledIfEnvironmentVariable(named = "MEDALLION_IT_GLUE_DATABASE", matches = ".+")
@EnabledIfEnvironmentVariable(named = "MEDALLION_IT_GLUE_WAREHOUSE", matches = "s3://.+")
@EnabledIfEnvironmentVariable(named = "AWS_REGION", matches = ".+")
class GlueLiveTest {
  @TempDir Path dir;

  @Test
  void registerAll_realGlue_createsTheTablesThenChangesNothing() throws IOException {
    String database = System.getenv("MEDALLION_IT_GLUE_DATABASE");
    TableId id =
        TableId.of(database, "medallion_it_" + UUID.randomUUID().toString().substring(0, 8));
    Pipeline pipeline = Pipeline.builder("live").add(BronzeTable.builder(id).build()).build();
    CatalogConfig glue =
        CatalogConfig.glue(System.getenv("AWS_REGION"))
            .warehouse(System.getenv("MEDALLION_IT_GLUE_WAREHOUSE"));

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir).catalog(glue).build()) {
      RegistrationPlan first = runtime.registerAll(pipeline);
      RegistrationPlan second = runtime.registerAll(pipeline);

      assertThat(first.changes()).extracting(change -> change.kind()).contains(Kind.CREATE_TABLE);
      assertThat(second.isEmpty()).as(second.describe()).isTrue();
      assertThat(runtime.exists(id)).isTrue();
    } finally {
      Catalog catalog = IcebergCatalogs.open(glue);
      catalog.dropTable(TableStore.identifier(id), true);
      catalog.dropTable(
          TableStore.identifier(TableId.of(database, id.name() + "_dead_letter")), true);
      if (catalog instanceof Closeable closeable) {
        closeable.close();
      }
    }
  }
}
