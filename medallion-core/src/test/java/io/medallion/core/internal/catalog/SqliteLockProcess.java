package io.medallion.core.internal.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A separate JVM that locks a SQLite catalog the way another program would: it holds an exclusive
 * transaction on the database file until the release file exists, then rolls it back and exits. It
 * creates the ready file once the lock is held, and the released file just before it lets go.
 */
public final class SqliteLockProcess {
  private SqliteLockProcess() {}

  /**
   * Locks a SQLite database until told to let go.
   *
   * @param args the database file, the ready file, the release file and the released file
   * @throws Exception when the database cannot be locked
   */
  public static void main(String[] args) throws Exception {
    Path database = Path.of(args[0]);
    Path ready = Path.of(args[1]);
    Path release = Path.of(args[2]);
    Path released = Path.of(args[3]);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      Files.createFile(ready);
      while (!Files.exists(release)) {
        Thread.sleep(10);
      }
      Files.createFile(released);
      statement.execute("ROLLBACK");
    }
  }
}
