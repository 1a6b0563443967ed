package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.HadoopCatalogConfig;
import java.nio.file.Path;

/** The contract on Iceberg's file-system catalog. */
class HadoopCatalogContractTest extends CatalogContractTest {
  @Override
  CatalogConfig freshCatalog(Path dir) {
    return HadoopCatalogConfig.builder(dir.resolve("hadoop-warehouse").toString()).build();
  }

  @Override
  boolean keepsNamespaceDescriptions() {
    return false;
  }

  @Override
  boolean registersExistingTables() {
    return false;
  }
}
