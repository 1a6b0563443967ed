package io.medallion.core.internal.catalog;

import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy with its file-system back end, started as its own process
 * (the jar Maven copies to {@code target/test-servers}) on a free port of 127.0.0.1.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** The access key id S3Proxy accepts. */
  public static final String ACCESS_KEY = "medallion-test";

  /** The secret access key S3Proxy accepts. */
  public static final String SECRET_KEY = "medallion-test-secret";

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Path dir;
  private final int port;
  private Process process;

  private S3ProxyServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts S3Proxy storing buckets under a folder.
   *
   * @param dir the folder for buckets, configuration and the server log
   * @return the running server
   * @throws IOException when it cannot start or does not listen within a minute
   */
  public static S3ProxyServer start(Path dir) throws IOException {
    S3ProxyServer server = new S3ProxyServer(dir, freePort());
    server.launch();
    return server;
  }

  /**
   * Starts the server again on the same port and folder after {@link #stop()}: what it stored
   * before is served again, as an object store that comes back after an outage. Does nothing while
   * it runs.
   *
   * @throws IOException when it cannot start or does not listen within a minute
   */
  public void restart() throws IOException {
    if (!process.isAlive()) {
      launch();
    }
  }

  /** Stops the server, as an outage: requests are refused until {@link #restart()}. */
  public void stop() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void launch() throws IOException {
    String jar = System.getProperty("medallion.s3proxy.jar", "");
    if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "S3Proxy jar not found at '" + jar + "'; run the tests through Maven, which copies it");
    }
    Path data = Files.createDirectories(dir.resolve("buckets"));
    Path properties = dir.resolve("s3proxy.properties");
    Files.write(
        properties,
        List.of(
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process =
        new ProcessBuilder(
                java.toString(), "-Xmx256m", "-jar", jar, "--properties", properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
            .start();
    awaitListening(dir.resolve("s3proxy.log"));
  }

  /**
   * Returns the endpoint.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Returns storage settings that reach this server.
   *
   * @return path-style S3 settings with the server's static credentials
   */
  public StorageConfig storage() {
    return StorageConfig.s3()
        .endpoint(endpoint())
        .pathStyleAccess(true)
        .region("us-east-1")
        .credentials(ACCESS_KEY, Secret.of(SECRET_KEY));
  }

  /**
   * Creates a bucket.
   *
   * @param name the bucket name
   */
  public void createBucket(String name) {
    try (S3Client s3 = client()) {
      s3.createBucket(request -> request.bucket(name));
    }
  }

  /**
   * Counts the objects under a prefix of a bucket.
   *
   * @param bucket the bucket
   * @param prefix the key prefix
   * @return how many objects there are
   */
  public long countObjects(String bucket, String prefix) {
    try (S3Client s3 = client()) {
      return s3
          .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
          .contents()
          .stream()
          .count();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  private void awaitListening(Path log) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("S3Proxy exited: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    process.destroyForcibly();
    throw new IOException("S3Proxy did not listen on port " + port + " within " + STARTUP);
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while S3Proxy started", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
