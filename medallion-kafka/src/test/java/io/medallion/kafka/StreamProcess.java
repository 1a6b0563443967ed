package io.medallion.kafka;

import io.medallion.core.MedallionRuntime;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM running a stream until it is killed or terminated, as a service embedding
 * medallion would: the crash and rebalance tests kill it with SIGKILL at random moments.
 */
public final class StreamProcess {
  private StreamProcess() {}

  /**
   * Streams a topic into the events pipeline.
   *
   * @param args bootstrap servers, topic, group, lake folder, and a static member id or "-"
   */
  public static void main(String[] args) {
    KafkaStream.Builder stream =
        KafkaStream.builder(args[0], args[2])
            .topics(args[1])
            .commitEvery(40, 1 << 20, Duration.ofMillis(300))
            .property("session.timeout.ms", "6000")
            .property("heartbeat.interval.ms", "1000");
    if (!args[4].equals("-")) {
      stream.property("group.instance.id", args[4]);
    }
    MedallionRuntime runtime = MedallionRuntime.builder().lake(Path.of(args[3])).build();
    KafkaIngestion ingestion =
        KafkaIngestion.open(
            runtime,
            StreamPipelines.over(StreamPipelines.KAFKA_RAW),
            StreamPipelines.KAFKA_RAW,
            stream.build());
    Thread stopper =
        new Thread(
            () -> {
              ingestion.close();
              runtime.close();
            });
    Runtime.getRuntime().addShutdownHook(stopper);
    ingestion.run();
  }
}
