package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.core.internal.catalog.RestCatalogServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract on a real Iceberg REST catalog server (Iceberg's servlet on Jetty, 127.0.0.1) that
 * demands a bearer token on every request.
 */
class RestCatalogContractTest extends CatalogContractTest {
  private RestCatalogServer server;

  @Override
  CatalogConfig freshCatalog(Path dir) throws Exception {
    server = RestCatalogServer.withToken(dir.resolve("rest"), "contract-token");
    return RestCatalogConfig.builder(server.uri()).token(Secret.of("contract-token")).build();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }
}
