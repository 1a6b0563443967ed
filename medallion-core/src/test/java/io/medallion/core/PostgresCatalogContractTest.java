package io.medallion.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.core.internal.catalog.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on Iceberg's JDBC catalog in a real PostgreSQL server started on 127.0.0.1 (one
 * database per test); skipped with a message where PostgreSQL is not installed ({@code .ci/run}
 * installs it).
 */
class PostgresCatalogContractTest extends CatalogContractTest {
  @TempDir static Path pgDir;
  private static PostgresServer postgres;
  private static int databases;

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> bin = PostgresServer.binaries();
    assumeTrue(bin.isPresent(), "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)");
    postgres = PostgresServer.start(bin.get(), pgDir);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  CatalogConfig freshCatalog(Path dir) throws Exception {
    String database = "catalog_" + (++databases);
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    return JdbcCatalogConfig.builder(
            postgres.jdbcUrl(database), dir.resolve("warehouse").toUri().toString())
        .build();
  }
}
