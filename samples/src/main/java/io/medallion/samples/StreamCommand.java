package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.kafka.KafkaIngestion;
import io.medallion.kafka.KafkaStream;
import io.medallion.kafka.StreamProgress;
import io.medallion.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Streams RandomUser records from Kafka into bronze, silver and gold. */
@Command(
    name = "randomuser-stream",
    mixinStandardHelpOptions = true,
    description = {
      "Streams RandomUser records from a Kafka topic into the RandomUser lakehouse: bronze with"
          + " the Kafka columns, then the same silver and gold tables as randomuser, kept current"
          + " as messages arrive. Exactly once across restarts: the offsets live in the bronze"
          + " table. Shows its progress (records, records/s, lag per table); Ctrl-C commits and"
          + " stops.",
      "--embedded-kafka starts a broker inside this program and a generator that produces"
          + " --users users into it, so nothing needs to be installed."
    })
final class StreamCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);
  private static final String EMBEDDED = "--embedded-kafka";
  private static final String EMBEDDED_TOPIC = "randomuser";
  private static final String EMBEDDED_GROUP = "medallion-randomuser";
  private static final int EMBEDDED_PARTITIONS = 2;

  @Spec CommandSpec spec;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "The brokers.")
  String bootstrap;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "The topic to read; with " + EMBEDDED + " default " + EMBEDDED_TOPIC + ".")
  String topic;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description =
          "The consumer group; instances of one group share the partitions. With "
              + EMBEDDED
              + " default "
              + EMBEDDED_GROUP
              + ".")
  String group;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse-stream",
      description = "Lake folder, kept apart from the batch sample's (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Option(
      names = "--until-caught-up",
      description =
          "Stop once every partition reached the end it had at start (with "
              + EMBEDDED
              + ": once the generated users are in), instead of running until Ctrl-C.")
  boolean untilCaughtUp;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the summary as JSON, in the shape randomuser writes it.")
  Path summaryJson;

  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(
      names = EMBEDDED,
      description =
          "Start a Kafka broker on 127.0.0.1 inside this program (data in a temporary"
              + " folder, deleted at exit), create the topic and produce generated users into it.")
  boolean embedded;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "1000",
      description = "With " + EMBEDDED + ": users to generate (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "With " + EMBEDDED + ": seed of the generated users (default: ${DEFAULT-VALUE}).")
  long seed;

  private volatile KafkaIngestion running;
  private volatile boolean stopRequested;

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    CatalogConfig config = catalog.toConfig(spec, lake);
    // Ctrl-C: the stream commits what it holds, runs silver and gold, and the command prints its
    // summary and closes the embedded broker (deleting its data) before it returns.
    StopSignals signals = new StopSignals(this::requestStop);
    try {
      if (embedded) {
        streamEmbedded(config);
      } else {
        stream(config, bootstrap, null);
      }
    } finally {
      signals.close();
    }
    return 0;
  }

  private void streamEmbedded(CatalogConfig config) throws IOException, InterruptedException {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(topic, EMBEDDED_PARTITIONS);
      progress("embedded Kafka broker at " + kafka.bootstrapServers() + ", topic " + topic);
      BackgroundUsers generator = new BackgroundUsers(kafka.bootstrapServers());
      try {
        stream(config, kafka.bootstrapServers(), generator);
      } finally {
        generator.stop();
      }
    }
  }

  private void validate() {
    if (embedded) {
      if (bootstrap != null) {
        throw new ParameterException(
            spec.commandLine(), EMBEDDED + " starts its own broker; leave out --bootstrap");
      }
      if (users < 1) {
        throw new ParameterException(spec.commandLine(), "--users must be >= 1, got " + users);
      }
      topic = topic == null ? EMBEDDED_TOPIC : topic;
      group = group == null ? EMBEDDED_GROUP : group;
    } else {
      String why = " (or " + EMBEDDED + " for a broker inside this program)";
      KafkaArguments.bootstrap(spec, bootstrap, why);
      KafkaArguments.required(spec, "--topic", topic, why);
      KafkaArguments.required(spec, "--group", group, " (the consumer group)");
    }
    Preflight.writableLake(lake);
  }

  private void stream(CatalogConfig config, String servers, BackgroundUsers generator)
      throws IOException, InterruptedException {
    KafkaStream stream = KafkaStream.builder(servers, group).topics(topic).build();
    try (MedallionRuntime runtime =
            Preflight.open(MedallionRuntime.builder().lake(lake).catalog(config));
        KafkaIngestion ingestion =
            KafkaIngestion.open(
                runtime, RandomUserStreamPipeline.PIPELINE, RandomUserStreamPipeline.RAW, stream)) {
      running = ingestion;
      if (stopRequested) {
        ingestion.stop();
      }
      progress(
          "streaming " + topic + " at " + servers + " into " + lake + " (group " + group + ")");
      StreamProgress done = consume(ingestion, generator);
      progress(done.toString());
      LakeSummary summary = LakeSummary.of(runtime, RandomUserStreamPipeline.PIPELINE);
      PrintWriter out = spec.commandLine().getOut();
      SummaryOutput.print(out, summary);
      if (summaryJson != null) {
        SummaryOutput.writeJson(summaryJson, null, "succeeded", summary, done.tables(), null);
        out.println("Summary JSON: " + summaryJson.toAbsolutePath());
      }
      out.flush();
    } finally {
      running = null;
    }
  }

  private StreamProgress consume(KafkaIngestion ingestion, BackgroundUsers generator)
      throws InterruptedException {
    try (ProgressLine line =
        ProgressLine.start(
            spec.commandLine().getOut(),
            progressOptions.mode(),
            () -> ingestion.progress().toString())) {
      if (generator != null) {
        generator.start();
        if (untilCaughtUp) {
          // Caught up means "reached the end seen at start": the end must hold every user first.
          progress("produced " + generator.await() + " generated users into " + topic);
        }
      }
      if (untilCaughtUp) {
        return ingestion.runUntilCaughtUp();
      }
      ingestion.run();
      return ingestion.progress();
    }
  }

  /** Asks the stream to commit and stop; from the signal handler, so it returns at once. */
  private void requestStop() {
    stopRequested = true;
    KafkaIngestion ingestion = running;
    if (ingestion != null) {
      ingestion.stop();
    }
  }

  private void progress(String message) {
    progressOptions.step(spec.commandLine().getOut(), message);
  }

  /** Produces the generated users into the embedded broker on a thread of its own. */
  private final class BackgroundUsers {
    private final String servers;
    private Thread thread;
    private volatile long sent;
    private volatile Exception failure;

    BackgroundUsers(String servers) {
      this.servers = servers;
    }

    void start() {
      thread = new Thread(this::produce, "randomuser-stream-generator");
      thread.setDaemon(true);
      thread.start();
    }

    private void produce() {
      try (RandomUserProducer producer = new RandomUserProducer(servers, topic, 0)) {
        producer.sendGenerated(seed, users);
        sent = producer.flush();
      } catch (InterruptedException | InterruptException e) {
        // Stopped with the command: nothing to report.
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        failure = e;
        LOG.error("The generator stopped: {}", e.getMessage(), e);
      }
    }

    /** Waits until every user is sent; returns how many. */
    long await() throws InterruptedException {
      thread.join();
      if (failure != null) {
        throw new CliFailure(
            ExitCode.RUN_FAILED, "the generator failed: " + failure.getMessage(), failure);
      }
      return sent;
    }

    void stop() throws InterruptedException {
      if (thread != null) {
        thread.interrupt();
        thread.join();
      }
    }
  }
}
