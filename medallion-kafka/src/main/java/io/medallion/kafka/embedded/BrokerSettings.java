package io.medallion.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration of one single-node KRaft broker: a combined broker and controller on 127.0.0.1,
 * one replica of everything, tuned to start fast and stay small on a test machine.
 */
final class BrokerSettings {
  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String CLIENT_LISTENER = "PLAINTEXT";
  private static final String HOST = "127.0.0.1";

  /** What the embedded broker decides itself: where it listens, its role and its storage. */
  static final Set<String> MANAGED =
      Set.of(
          "process.roles",
          "node.id",
          "broker.id",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "controller.listener.names",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "log.dir",
          "log.dirs",
          "metadata.log.dir");

  /** Defaults a caller may override: a single broker cannot hold Kafka's usual three replicas. */
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("offsets.topic.replication.factor", "1"),
          // One coordinator partition: the first consumer group does not wait for fifty logs.
          Map.entry("offsets.topic.num.partitions", "1"),
          Map.entry("transaction.state.log.replication.factor", "1"),
          Map.entry("transaction.state.log.min.isr", "1"),
          Map.entry("transaction.state.log.num.partitions", "1"),
          Map.entry("share.coordinator.state.topic.replication.factor", "1"),
          Map.entry("share.coordinator.state.topic.min.isr", "1"),
          Map.entry("share.coordinator.state.topic.num.partitions", "1"),
          Map.entry("group.initial.rebalance.delay.ms", "0"),
          // Topics exist only when created: a consumer's metadata request never brings back a
          // topic a test deleted.
          Map.entry("auto.create.topics.enable", "false"),
          // The cleaner allocates this buffer up front: Kafka's 128 MiB would be 150 MiB of heap
          // per broker instead of 30.
          Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
          // Sized for a test machine with few cores rather than a production server.
          Map.entry("num.network.threads", "2"),
          Map.entry("num.io.threads", "2"),
          Map.entry("background.threads", "2"),
          Map.entry("group.coordinator.threads", "1"));

  private final Path dataDir;
  private final int brokerPort;
  private final int controllerPort;
  private final Map<String, String> overrides;

  BrokerSettings(Path dataDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
    this.dataDir = dataDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.overrides = Map.copyOf(overrides);
  }

  Path dataDir() {
    return dataDir;
  }

  int brokerPort() {
    return brokerPort;
  }

  String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  /**
   * Returns the broker's configuration: the defaults, then the caller's overrides, then what the
   * embedded broker manages.
   *
   * @return a new properties object
   */
  Properties brokerProperties() {
    Properties properties = new Properties();
    properties.putAll(DEFAULTS);
    properties.putAll(overrides);
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", String.valueOf(NODE_ID));
    properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    properties.put("controller.listener.names", CONTROLLER_LISTENER);
    properties.put(
        "listeners",
        CLIENT_LISTENER
            + "://"
            + bootstrapServers()
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    properties.put("advertised.listeners", CLIENT_LISTENER + "://" + bootstrapServers());
    properties.put(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    properties.put("inter.broker.listener.name", CLIENT_LISTENER);
    properties.put("log.dirs", dataDir.toString());
    return properties;
  }
}
