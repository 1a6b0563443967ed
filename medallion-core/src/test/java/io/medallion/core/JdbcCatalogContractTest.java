package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import java.nio.file.Path;

/** The contract on Iceberg's JDBC catalog (SQLite by URL), data on the local file system. */
class JdbcCatalogContractTest extends CatalogContractTest {
  @Override
  CatalogConfig freshCatalog(Path dir) {
    return JdbcCatalogConfig.builder(
            "jdbc:sqlite:" + dir.resolve("catalog.db"), dir.resolve("warehouse").toUri().toString())
        .build();
  }
}
