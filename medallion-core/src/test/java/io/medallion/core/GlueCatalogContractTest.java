package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import io.medallion.core.internal.catalog.GlueTestDouble;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on Iceberg's real {@code GlueCatalog}, talking to {@link GlueTestDouble} on
 * 127.0.0.1 (no Glue emulator can be had here), data on the local file system.
 */
class GlueCatalogContractTest extends CatalogContractTest {
  private GlueTestDouble glue;

  @Override
  CatalogConfig freshCatalog(Path dir) {
    glue = GlueTestDouble.start();
    return GlueCatalogConfig.builder("us-east-1", dir.resolve("glue-warehouse").toUri().toString())
        .endpoint(glue.endpoint())
        .storage(StorageConfig.s3().credentials("test-key", Secret.of("test-secret")))
        .build();
  }

  @AfterEach
  void stopGlue() {
    glue.close();
  }

  @Test
  void registerAll_secondCall_writesNothingToGlue() {
    try (MedallionRuntime runtime = open()) {
      runtime.registerAll(PEOPLE);
      int creates = glue.requestCount("CreateTable");
      int updates = glue.requestCount("UpdateTable");

      runtime.registerAll(PEOPLE);

      assertThat(creates).isEqualTo(7);
      assertThat(glue.requestCount("CreateTable")).isEqualTo(creates);
      assertThat(glue.requestCount("UpdateTable")).isEqualTo(updates);
      assertThat(glue.requestCount("CreateDatabase")).isEqualTo(3);
    }
  }
}
