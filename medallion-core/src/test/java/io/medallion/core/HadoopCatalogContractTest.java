package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import java.nio.file.Path;

/** The contract on Iceberg's file-system catalog. */
class HadoopCatalogContractTest extends CatalogContractTest {
  @Override
  CatalogConfig freshCatalog(Path dir) {
    return CatalogConfig.hadoop(dir.resolve("hadoop-warehouse").toString());
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
