package io.medallion.core.internal.catalog;

import io.medallion.catalog.CatalogConfig;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.catalog.Catalog;

/**
 * A separate JVM for {@link CatalogFirstUseTest}: loads the catalog classes, waits for the start
 * signal so that every process opens the lake at the same moment, then opens its catalog. Exits 0
 * when the catalog opened; a failure's stack trace goes to standard error and the exit code is 1.
 */
public final class FirstUseProcess {
  private FirstUseProcess() {}

  /**
   * Opens the embedded catalog of a lake once the start file exists.
   *
   * @param args the lake folder, the file this process creates when ready, and the start file
   * @throws Exception when the catalog cannot be opened
   */
  public static void main(String[] args) throws Exception {
    Path lake = Path.of(args[0]);
    Path ready = Path.of(args[1]);
    Path start = Path.of(args[2]);
    CatalogConfig config = CatalogConfig.embedded(lake);
    IcebergCatalogs.properties(config);
    Class.forName("org.apache.iceberg.jdbc.JdbcCatalog");
    Files.createFile(ready);
    while (!Files.exists(start)) {
      Thread.sleep(1);
    }
    Catalog catalog = IcebergCatalogs.open(config);
    ((Closeable) catalog).close();
  }
}
