package io.medallion.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Publishes RandomUser records to a Kafka topic, one user per message. */
@Command(
    name = "randomuser-produce",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes RandomUser records to a Kafka topic, one JSON user object per message, keyed by"
          + " the user's login.uuid when it has one. Creates nothing else: the topic must exist"
          + " (or the brokers create topics on first use).",
      "Records come from RandomUser JSON files (--input) or from the offline generator (--users,"
          + " --seed), the same users randomuser --users N --seed S ingests."
    })
final class ProduceCommand implements Callable<Integer> {
  private static final String NO_BROKER = " (the brokers, e.g. 127.0.0.1:9092)";

  @Spec CommandSpec spec;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "The brokers.")
  String bootstrap;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to publish to.")
  String topic;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "RandomUser JSON files (API envelope, JSON array or newline-delimited JSON) whose users"
              + " are sent; the list ends at the next option.")
  List<Path> inputs;

  @Option(names = "--users", paramLabel = "N", description = "Users to generate and send.")
  Integer users;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the generated users (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rate",
      paramLabel = "N",
      description = "Messages per second; as fast as possible when not given.")
  Integer rate;

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    long sent;
    try (RandomUserProducer producer =
        new RandomUserProducer(bootstrap, topic, rate == null ? 0 : rate)) {
      if (inputs != null) {
        for (Path file : inputs) {
          sendFile(producer, file);
        }
      } else {
        producer.sendGenerated(seed, users);
      }
      sent = producer.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Sent " + sent + " messages to topic " + topic + " at " + bootstrap);
    out.flush();
    return 0;
  }

  private void validate() {
    KafkaArguments.bootstrap(spec, bootstrap, NO_BROKER);
    KafkaArguments.required(spec, "--topic", topic, " (the topic to publish to)");
    if ((inputs == null) == (users == null)) {
      throw new ParameterException(
          spec.commandLine(), "give either --input FILE... or --users N (with --seed S)");
    }
    if (users != null && users < 1) {
      throw new ParameterException(spec.commandLine(), "--users must be >= 1, got " + users);
    }
    if (rate != null && rate < 1) {
      throw new ParameterException(spec.commandLine(), "--rate must be >= 1, got " + rate);
    }
    if (inputs != null) {
      inputs.forEach(file -> Preflight.inputFile(file, "--input"));
    }
  }

  private static void sendFile(RandomUserProducer producer, Path file)
      throws IOException, InterruptedException {
    try {
      producer.sendFile(file);
    } catch (JsonProcessingException e) {
      throw new CliFailure(
          ExitCode.INPUT,
          "--input " + file + ": not RandomUser JSON: " + e.getOriginalMessage() + location(e),
          e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
