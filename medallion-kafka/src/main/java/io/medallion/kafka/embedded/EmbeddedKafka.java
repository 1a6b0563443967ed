package io.medallion.kafka.embedded;

import io.medallion.Problems;
import io.medallion.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker inside this JVM: Kafka's own KRaft server, broker and controller
 * combined, listening on 127.0.0.1 on free ports. Tests and demos use it to stream through Kafka
 * with nothing installed.
 *
 * <p>It keeps one replica of everything, creates no topic by itself ({@link #createTopic} does) and
 * starts consumer groups without Kafka's usual rebalance delay. {@link #stop()} and {@link
 * #restart()} take it down and bring it back on the same port with the same data, so clients see a
 * broker outage; {@link #close()} stops it for good and deletes its data folder if it made one.
 *
 * <p>One broker takes about 30 MiB of heap and 60 threads. The first in a JVM starts in about 2.5
 * s, most of it loading classes; later ones, and restarts, in well under a second.
 *
 * <p>The server is an optional dependency of medallion-kafka: an application that starts this
 * broker adds {@code org.apache.kafka:kafka_2.13} (the version of its {@code kafka-clients}), and
 * {@code org.apache.logging.log4j:log4j-to-slf4j} in place of the server's {@code log4j-core} so
 * that its logging goes through SLF4J like the rest. As in a standalone broker, a fatal storage
 * fault halts the JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopic("users", 4);
 *   try (Producer<String, String> producer = new KafkaProducer<>(Map.of(
 *       "bootstrap.servers", kafka.bootstrapServers()),
 *       new StringSerializer(), new StringSerializer())) {
 *     producer.send(new ProducerRecord<>("users", "{\"name\":\"Ada\"}"));
 *   }
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 50;

  private final BrokerSettings settings;
  private final boolean ownsDataDir;
  private KafkaRaftServer server;
  private Admin admin;
  private boolean closed;

  private EmbeddedKafka(BrokerSettings settings, boolean ownsDataDir) {
    this.settings = settings;
    this.ownsDataDir = ownsDataDir;
  }

  /**
   * Starts a broker with its data in a new temporary folder, deleted on {@link #close()}.
   *
   * <pre>{@code
   * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
   *   String servers = kafka.bootstrapServers();
   * }
   * }</pre>
   *
   * @return the running broker
   */
  public static EmbeddedKafka start() {
    return builder().start();
  }

  /**
   * Starts a broker with its data in the given folder, which is kept on {@link #close()}. A folder
   * that already holds a broker's data is started as it is, with its topics and records.
   *
   * <pre>{@code
   * EmbeddedKafka kafka = EmbeddedKafka.start(Path.of("target/kafka"));
   * }</pre>
   *
   * @param dataDir the broker's log folder; created if missing
   * @return the running broker
   */
  public static EmbeddedKafka start(Path dataDir) {
    return builder().dataDir(dataDir).start();
  }

  /**
   * Starts configuring a broker, for a data folder or broker settings of its own.
   *
   * <pre>{@code
   * EmbeddedKafka kafka = EmbeddedKafka.builder()
   *     .brokerProperty("message.max.bytes", "2097152")
   *     .start();
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the address clients connect to.
   *
   * @return {@code 127.0.0.1:port}, the same across {@link #restart()}
   */
  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  /**
   * Returns the port clients connect to.
   *
   * @return the port on 127.0.0.1, the same across {@link #restart()}
   */
  public int port() {
    return settings.brokerPort();
  }

  /**
   * Returns the folder that holds the broker's logs.
   *
   * @return the data folder
   */
  public Path dataDir() {
    return settings.dataDir();
  }

  /**
   * Tells whether the broker is up.
   *
   * @return true between a start and {@link #stop()} or {@link #close()}
   */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Creates a topic with one replica per partition and waits until every partition has a leader, so
   * producers and consumers can use it at once.
   *
   * @param name the topic
   * @param partitions how many partitions, at least 1
   * @throws IllegalStateException if the broker is not running, the topic exists, or it is not
   *     ready within a minute
   */
  public synchronized void createTopic(String name, int partitions) {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "Topic " + name + " needs at least 1 partition; got " + partitions);
    }
    Admin client = runningAdmin("create topic " + name);
    await(
        "creating topic " + name,
        client.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
    awaitCondition(
        "every partition of topic " + name + " to have a leader",
        () -> hasLeaders(client, name, partitions));
  }

  /**
   * Deletes a topic and waits until the broker no longer lists it, so a topic of the same name can
   * be created right after.
   *
   * @param name the topic
   * @throws IllegalStateException if the broker is not running, the topic does not exist, or it is
   *     still listed after a minute
   */
  public synchronized void deleteTopic(String name) {
    Objects.requireNonNull(name, "name");
    Admin client = runningAdmin("delete topic " + name);
    await("deleting topic " + name, client.deleteTopics(List.of(name)).all());
    awaitCondition(
        "topic " + name + " to disappear",
        () -> !await("listing topics", client.listTopics().names()).contains(name));
  }

  /**
   * Stops the broker, keeping its port and data for {@link #restart()}. Clients connected to it see
   * the broker unavailable. Does nothing if it is stopped already.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long began = System.nanoTime();
    admin.close(Duration.ZERO);
    admin = null;
    shutDown(server);
    server = null;
    LOG.debug("Embedded Kafka broker {} stopped in {} ms", bootstrapServers(), millisSince(began));
  }

  /**
   * Starts the broker again on the same port with the data it had; a running broker is stopped
   * first.
   *
   * @throws IllegalStateException if it was closed, or does not come up
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException(
          "Embedded Kafka broker " + bootstrapServers() + " is closed; start a new one");
    }
    stop();
    startServer();
  }

  /**
   * Stops the broker, frees its ports and deletes its data folder if {@link #start()} made it.
   * Closing twice does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    if (ownsDataDir) {
      deleteRecursively(settings.dataDir());
    }
  }

  private void startServer() {
    long began = System.nanoTime();
    KafkaRaftServer starting = new KafkaRaftServer(brokerConfig(), Time.SYSTEM);
    try {
      starting.startup();
    } catch (RuntimeException e) {
      shutDown(starting);
      throw new IllegalStateException(
          "Embedded Kafka broker " + bootstrapServers() + " did not start: " + e.getMessage(), e);
    }
    server = starting;
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "medallion-embedded-kafka-" + port()));
    LOG.debug("Embedded Kafka broker {} started in {} ms", bootstrapServers(), millisSince(began));
  }

  private KafkaConfig brokerConfig() {
    try {
      return KafkaConfig.fromProps(settings.brokerProperties());
    } catch (ConfigException e) {
      throw new ValidationException("embedded Kafka broker", List.of(e.getMessage()));
    }
  }

  private static void shutDown(KafkaRaftServer target) {
    target.shutdown();
    target.awaitShutdown();
  }

  private Admin runningAdmin(String action) {
    if (admin == null) {
      throw new IllegalStateException(
          "Cannot " + action + ": embedded Kafka broker " + bootstrapServers() + " is not running");
    }
    return admin;
  }

  /** Whether every partition has a leader; a topic the broker does not know yet is not ready. */
  private boolean hasLeaders(Admin client, String topic, int partitions) {
    Map<String, TopicDescription> described;
    try {
      described = client.describeTopics(Set.of(topic)).allTopicNames().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        // Created, but the broker's metadata has not caught up with the controller yet.
        return false;
      }
      throw new IllegalStateException(
          failure("describing topic " + topic) + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure("describing topic " + topic) + ": interrupted", e);
    }
    List<TopicPartitionInfo> infos = described.get(topic).partitions();
    return infos.size() == partitions && infos.stream().allMatch(info -> info.leader() != null);
  }

  private <T> T await(String what, KafkaFuture<T> future) {
    try {
      return future.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          failure(what) + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(failure(what) + ": no answer within " + READY_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure(what) + ": interrupted", e);
    }
  }

  private void awaitCondition(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Embedded Kafka broker "
                + bootstrapServers()
                + " timed out after "
                + READY_TIMEOUT
                + " waiting for "
                + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for " + what, e);
      }
    }
  }

  private String failure(String what) {
    return "Embedded Kafka broker " + bootstrapServers() + " failed " + what;
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete embedded Kafka data in " + root, e);
    }
  }

  /**
   * Configures a broker before it starts.
   *
   * <pre>{@code
   * EmbeddedKafka kafka = EmbeddedKafka.builder()
   *     .dataDir(Path.of("target/kafka"))
   *     .brokerProperty("log.retention.ms", "-1")
   *     .start();
   * }</pre>
   */
  public static final class Builder {
    private Path dataDir;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Keeps the broker's data in the given folder instead of a temporary one; it is kept on {@link
     * EmbeddedKafka#close()}.
     *
     * @param folder the log folder; created if missing
     * @return this builder
     */
    public Builder dataDir(Path folder) {
      this.dataDir = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * Sets a broker configuration property, as in {@code server.properties}. Listeners, roles, node
     * id, quorum and log folders are the embedded broker's own and cannot be set.
     *
     * @param name the property, e.g. {@code message.max.bytes}
     * @param value its value
     * @return this builder
     */
    public Builder brokerProperty(String name, String value) {
      brokerProperties.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Formats the data folder if it is new, starts the broker and waits until it accepts clients.
     *
     * @return the running broker
     * @throws ValidationException if a property is managed by the embedded broker or has a value
     *     Kafka rejects, or the data folder is a file
     * @throws IllegalStateException if the broker does not come up
     */
    public EmbeddedKafka start() {
      validate();
      boolean temporary = dataDir == null;
      Path folder = temporary ? createTempFolder() : createFolder(dataDir);
      int[] ports = FreePorts.pick(2);
      EmbeddedKafka kafka =
          new EmbeddedKafka(
              new BrokerSettings(folder, ports[0], ports[1], brokerProperties), temporary);
      try {
        KraftStorage.formatIfNew(kafka.settings);
        kafka.startServer();
      } catch (RuntimeException e) {
        kafka.close();
        throw e;
      }
      return kafka;
    }

    private void validate() {
      Problems problems = new Problems();
      for (String name : brokerProperties.keySet()) {
        problems.check(
            !BrokerSettings.MANAGED.contains(name),
            "broker property '"
                + name
                + "' is set by the embedded broker itself; allowed: any property but "
                + String.join(", ", BrokerSettings.MANAGED.stream().sorted().toList()));
      }
      problems.check(
          dataDir == null || !Files.isRegularFile(dataDir),
          "data folder " + dataDir + " is a file; expected a folder (created if missing)");
      problems.throwIfAny("embedded Kafka broker");
    }

    private static Path createTempFolder() {
      try {
        return Files.createTempDirectory("medallion-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create a temporary folder for Kafka data", e);
      }
    }

    private static Path createFolder(Path folder) {
      try {
        return Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create Kafka data folder " + folder, e);
      }
    }
  }
}
