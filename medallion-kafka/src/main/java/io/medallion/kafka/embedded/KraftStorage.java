package io.medallion.kafka.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a broker's log folder for KRaft, as {@code kafka-storage.sh format} does, unless it holds
 * a formatted broker already (then its data is kept).
 */
final class KraftStorage {
  private KraftStorage() {}

  static void formatIfNew(BrokerSettings settings) {
    // Kafka's formatter would compare a formatted folder's cluster id with a new one and refuse.
    if (Files.exists(settings.dataDir().resolve("meta.properties"))) {
      return;
    }
    String dir = settings.dataDir().toString();
    // The formatter reports to a console; a library prints nothing there.
    PrintStream silent =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    try {
      new Formatter()
          .setPrintStream(silent)
          .setNodeId(BrokerSettings.NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dir)
          .addDirectory(dir)
          // A controller starts from a bootstrap snapshot; the voters are static configuration.
          .setWriteBootstrapSnapshot(true)
          .setHasDynamicQuorum(false)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not format Kafka storage in " + dir + ": " + e.getMessage(), e);
    }
  }
}
