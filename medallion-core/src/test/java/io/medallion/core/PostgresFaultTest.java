package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.core.internal.catalog.PostgresServer;
import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's PostgreSQL connections are killed in the middle of a run ({@code
 * pg_terminate_backend} from another connection, on a real server on 127.0.0.1): the catalog client
 * reconnects and the run completes with every record exactly once. Skipped with a message where
 * PostgreSQL is not installed ({@code .ci/run} installs it).
 */
class PostgresFaultTest {
  @TempDir static Path pgDir;
  private static PostgresServer postgres;
  private static int databases;

  @TempDir Path dir;
  private String database;
  private JdbcCatalogConfig catalog;

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

  @BeforeEach
  void freshDatabase() throws SQLException {
    database = "faults_" + (++databases);
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    catalog =
        JdbcCatalogConfig.builder(
                postgres.jdbcUrl(database), dir.resolve("warehouse").toUri().toString())
            .build();
  }

  @Test
  void run_connectionsKilledBeforeTheBronzeCommit_reconnectsAndLoadsEveryRecordOnce()
      throws SQLException {
    try (MedallionRuntime runtime = runtime()) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      KillAtTheEnd source = new KillAtTheEnd("2.ndjson", "c", "d");

      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, source.json());

      assertThat(source.killed).isPositive();
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  @Test
  void run_connectionsKilledBetweenRuns_theNextRunReconnectsAndCatchesUpExactly()
      throws SQLException {
    try (MedallionRuntime runtime = runtime()) {
      runtime.run(
          TestPipelines.PIPELINE, TestPipelines.RAW, FaultData.people("1.ndjson", "a", "b"));
      runtime.ingest(TestPipelines.RAW, FaultData.people("2.ndjson", "c", "d"));

      assertThat(killCatalogConnections()).isPositive();
      RunResult caughtUp = runtime.run(TestPipelines.PIPELINE);

      assertThat(caughtUp.table(TestPipelines.PEOPLE.id()).read()).isEqualTo(2);
      FaultData.assertExactly(runtime, "a", "b", "c", "d");
    }
  }

  private MedallionRuntime runtime() {
    return MedallionRuntime.builder().lake(dir.resolve("lake")).catalog(catalog).build();
  }

  /**
   * Terminates every server process connected to this test's catalog database.
   *
   * @return how many were terminated
   */
  private int killCatalogConnections() throws SQLException {
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        PreparedStatement kill =
            connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      kill.setString(1, database);
      try (ResultSet killed = kill.executeQuery()) {
        killed.next();
        return killed.getInt(1);
      }
    }
  }

  /** People whose source kills the catalog's connections once it is read to the end. */
  private final class KillAtTheEnd {
    private final String name;
    private final String[] ids;
    private int killed;

    KillAtTheEnd(String name, String... ids) {
      this.name = name;
      this.ids = ids;
    }

    JsonSource json() {
      return JsonSource.stream(
          name,
          new FilterInputStream(new ByteArrayInputStream(FaultData.lines(ids))) {
            private boolean done;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
              int read = super.read(buffer, offset, length);
              if (read < 0 && !done) {
                done = true;
                try {
                  killed = killCatalogConnections();
                } catch (SQLException e) {
                  throw new IOException("Cannot kill the catalog's connections", e);
                }
              }
              return read;
            }
          });
    }
  }
}
