package io.medallion.samples;

import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks the Kafka options the streaming commands share, before anything connects. */
final class KafkaArguments {
  private static final Pattern BOOTSTRAP =
      Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

  private KafkaArguments() {}

  /**
   * Requires a given option.
   *
   * @throws ParameterException naming the option when it is missing
   */
  static String required(CommandSpec spec, String option, String value, String why) {
    if (value == null || value.isBlank()) {
      throw new ParameterException(spec.commandLine(), "Missing required option: " + option + why);
    }
    return value;
  }

  /**
   * Requires {@code --bootstrap HOST:PORT[,HOST:PORT...]}.
   *
   * @throws ParameterException when it is missing or not a list of host:port
   */
  static String bootstrap(CommandSpec spec, String value, String why) {
    required(spec, "--bootstrap", value, why);
    if (!BOOTSTRAP.matcher(value).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--bootstrap '"
              + value
              + "' is not a list of brokers; give HOST:PORT[,HOST:PORT...], e.g. 127.0.0.1:9092");
    }
    return value;
  }
}
