package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import io.medallion.core.catalog.GlueTestDouble;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract on Iceberg's real {@code GlueCatalog}, talking to {@link GlueTestDouble} on
 * 127.0.0.1 (no Glue emulator can be had here), data on the local file system.
 */
class GlueCatalogContractTest extends CatalogContractTest {
  private GlueTestDouble glue;

  @Override
  CatalogConfig freshCatalog(Path dir) {
    glue = GlueTestDouble.start();
    return CatalogConfig.glue("us-east-1")
        .endpoint(glue.endpoint())
        .warehouse(dir.resolve("glue-warehouse").toUri().toString())
        .storage(StorageConfig.s3().credentials("test-key", Secret.of("test-secret")));
  }

  @AfterEach
  void stopGlue() {
    glue.close();
  }
}
