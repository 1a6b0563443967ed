package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.kafka.KafkaOffsets;
import io.medallion.kafka.KafkaStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Shows and moves the Kafka offsets the streaming sample's bronze table records. */
@Command(
    name = "kafka-offsets",
    mixinStandardHelpOptions = true,
    description = {
      "Shows and moves the Kafka offsets recorded in the bronze table of randomuser-stream: where"
          + " the stream resumes, per topic and partition.",
      "Moving them (for a recreated or migrated topic) is a commit of its own; like Kafka's own"
          + " offset reset, it refuses while the consumer group has active members."
    },
    subcommands = {KafkaOffsetsCommand.Show.class, KafkaOffsetsCommand.Move.class})
final class KafkaOffsetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: show or move");
  }

  /** The lake and catalog options both subcommands take. */
  static final class LakeOptions {
    @Option(
        names = "--lake",
        defaultValue = "lakehouse-stream",
        description = "Lake folder of randomuser-stream (default: ${DEFAULT-VALUE}).")
    Path lake;

    @Mixin CatalogOptions catalog = new CatalogOptions();

    /** Opens the lake, refusing to create one. */
    MedallionRuntime open(CommandSpec spec) {
      CatalogConfig config = catalog.toConfig(spec, lake);
      Preflight.existingLake(lake, config, "it records no offsets");
      MedallionRuntime runtime =
          Preflight.open(MedallionRuntime.builder().lake(lake).catalog(config));
      if (!runtime.exists(RandomUserStreamPipeline.RAW.id())) {
        runtime.close();
        throw new CliFailure(
            ExitCode.LAKE,
            "--lake "
                + lake
                + ": there is no table "
                + RandomUserStreamPipeline.RAW.id()
                + "; run randomuser-stream into it first");
      }
      return runtime;
    }
  }

  /** Prints the recorded offsets. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints the next offset to read of every partition the bronze table records.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LakeOptions lake = new LakeOptions();

    @Override
    public Integer call() {
      try (MedallionRuntime runtime = lake.open(spec)) {
        print(
            spec.commandLine().getOut(),
            KafkaOffsets.recorded(runtime, RandomUserStreamPipeline.RAW));
      }
      return 0;
    }
  }

  /** Moves a topic's recorded offsets. */
  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description =
          "Moves a topic's recorded offsets to the earliest or latest the brokers hold, to a"
              + " time, or to explicit offsets, and prints the offsets recorded after the move.")
  static final class Move implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin LakeOptions lake = new LakeOptions();

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "The brokers.")
    String bootstrap;

    @Option(
        names = "--group",
        paramLabel = "GROUP",
        description = "The stream's consumer group, which must have no active member.")
    String group;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic whose offsets move.")
    String topic;

    @ArgGroup(multiplicity = "1")
    Target target;

    /** Where to move: exactly one. */
    static final class Target {
      @Option(names = "--to-earliest", required = true, description = "The oldest offsets held.")
      boolean earliest;

      @Option(
          names = "--to-latest",
          required = true,
          description = "The end: only messages produced from now on are read.")
      boolean latest;

      @Option(
          names = "--to-timestamp",
          required = true,
          paramLabel = "ISO",
          description = "The first offsets at or after an instant, e.g. 2026-12-01T00:00:00Z.")
      Instant timestamp;

      @Option(
          names = "--to-offsets",
          required = true,
          split = ",",
          paramLabel = "PARTITION=OFFSET",
          description = "Explicit next offsets, e.g. 0=12,1=40; partitions not named keep theirs.")
      Map<Integer, Long> offsets;

      KafkaOffsets.Target toTarget() {
        if (earliest) {
          return KafkaOffsets.Target.earliest();
        }
        if (latest) {
          return KafkaOffsets.Target.latest();
        }
        return timestamp != null
            ? KafkaOffsets.Target.at(timestamp)
            : KafkaOffsets.Target.offsets(offsets);
      }
    }

    @Override
    public Integer call() {
      KafkaArguments.bootstrap(spec, bootstrap, " (the brokers of the topic)");
      KafkaArguments.required(spec, "--group", group, " (the stream's consumer group)");
      KafkaArguments.required(spec, "--topic", topic, " (the topic whose offsets move)");
      KafkaStream stream = KafkaStream.builder(bootstrap, group).topics(topic).build();
      try (MedallionRuntime runtime = lake.open(spec)) {
        Map<KafkaOffsets.Partition, Long> now =
            KafkaOffsets.move(
                runtime, RandomUserStreamPipeline.RAW, stream, topic, target.toTarget());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Moved the offsets of " + topic + "; recorded now:");
        print(out, now);
      }
      return 0;
    }
  }

  private static void print(PrintWriter out, Map<KafkaOffsets.Partition, Long> offsets) {
    if (offsets.isEmpty()) {
      out.println("(no offsets recorded)");
    } else {
      out.printf("%-40s %15s%n", "topic/partition", "next offset");
      offsets.forEach((partition, offset) -> out.printf("%-40s %15d%n", partition, offset));
    }
    out.flush();
  }
}
