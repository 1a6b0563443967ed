package io.medallion.core.iceberg;

import io.medallion.MedallionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The embedded default catalog: Iceberg's JDBC catalog on a SQLite file {@code <lake>/catalog.db}
 * with data under {@code <lake>/warehouse}. Both are created on first use; nothing to install.
 */
public final class EmbeddedCatalog {
  /** The SQLite catalog file name inside the lake folder. */
  public static final String CATALOG_FILE = "catalog.db";

  /** The warehouse folder name inside the lake folder. */
  public static final String WAREHOUSE_DIR = "warehouse";

  private EmbeddedCatalog() {}

  /**
   * Opens (creating if needed) the embedded catalog of a lake folder.
   *
   * @param lake the lake folder
   * @return the initialized catalog; close it when done
   */
  public static JdbcCatalog open(Path lake) {
    Path root = lake.toAbsolutePath().normalize();
    Path warehouse = root.resolve(WAREHOUSE_DIR);
    try {
      Files.createDirectories(warehouse);
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot create the lake folder " + warehouse + ": " + e.getMessage(), e);
    }
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + root.resolve(CATALOG_FILE));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toUri().toString());
    properties.put("jdbc.schema-version", "V1");
    // SQLite allows one writer at a time; one pooled connection avoids "database is locked".
    properties.put(CatalogProperties.CLIENT_POOL_SIZE, "1");
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("medallion", properties);
    return catalog;
  }
}
