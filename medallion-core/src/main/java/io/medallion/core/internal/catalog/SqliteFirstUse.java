package io.medallion.core.internal.catalog;

import io.medallion.MedallionException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets one opener at a time initialize a SQLite catalog. Iceberg's JDBC catalog creates and
 * migrates its tables when it initializes (check for a column, then add it), so two processes
 * opening a new lake at the same moment can both add the column, and one fails with {@code
 * duplicate column name: iceberg_type}. A file lock beside the database serializes other processes;
 * a JVM-wide monitor serializes threads, which a file lock does not separate.
 */
final class SqliteFirstUse {
  private static final String PREFIX = "jdbc:sqlite:";
  private static final Object IN_THIS_JVM = new Object();

  private SqliteFirstUse() {}

  /**
   * Finds the database file of a SQLite JDBC URL.
   *
   * @param uri a JDBC URL
   * @return the file, or empty for other databases and in-memory SQLite
   */
  static Optional<Path> databaseFile(String uri) {
    if (!uri.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String location = uri.substring(PREFIX.length());
    int options = location.indexOf('?');
    if (options >= 0) {
      location = location.substring(0, options);
    }
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    }
    return location.isEmpty() || location.contains(":memory:")
        ? Optional.empty()
        : Optional.of(Path.of(location).toAbsolutePath());
  }

  /**
   * Runs an action while holding the database's first-use lock.
   *
   * @param database the SQLite file; its folder must exist
   * @param action what initializes the catalog
   * @return the action's result
   */
  static <T> T holding(Path database, Supplier<T> action) {
    Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
    synchronized (IN_THIS_JVM) {
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return action.get();
      } catch (IOException e) {
        throw new MedallionException(
            "Cannot lock " + lockFile + " to open the catalog " + database + ": " + e, e);
      }
    }
  }
}
