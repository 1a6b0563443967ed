package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import java.nio.file.Path;

/** The contract on Iceberg's JDBC catalog (SQLite by URL), data on the local file system. */
class JdbcCatalogContractTest extends CatalogContractTest {
  @Override
  CatalogConfig freshCatalog(Path dir) {
    return CatalogConfig.jdbc("jdbc:sqlite:" + dir.resolve("catalog.db"))
        .warehouse(dir.resolve("warehouse").toUri().toString());
  }
}
