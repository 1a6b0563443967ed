package io.medallion.core.internal.catalog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on a free
 * port of 127.0.0.1 only, trusting local connections. It uses the machine's PostgreSQL binaries
 * ({@code initdb}, {@code pg_ctl}); under root it runs them as the {@code postgres} user, since
 * PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {
  /** The database user, which owns everything. */
  public static final String USER = "medallion";

  private final Path bin;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path data, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /**
   * Finds the PostgreSQL binaries.
   *
   * @return their folder, or empty when PostgreSQL is not installed
   */
  public static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates a cluster under a folder and starts it.
   *
   * @param bin the PostgreSQL binaries
   * @param dir the folder for the cluster and its log
   * @return the running server
   * @throws IOException when a PostgreSQL command fails; the message holds its output
   */
  public static PostgresServer start(Path bin, Path dir) throws IOException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path data = dir.resolve("pgdata");
    Files.createDirectories(data);
    if (root) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
      Files.setOwner(data, postgres);
    }
    PostgresServer server = new PostgresServer(bin, data, freePort(), root);
    server.run("initdb", "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8");
    server.run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-p " + server.port + " -c listen_addresses=127.0.0.1 -k " + data,
        "-w",
        "start");
    return server;
  }

  /**
   * Returns the JDBC URL of a database.
   *
   * @param database the database, e.g. {@code postgres}
   * @return the URL, with the user
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  @Override
  public void close() throws IOException {
    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  private void run(String program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted: " + String.join(" ", command), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
