package io.medallion.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.RecordValidator;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures the silver hot path on its own: mapping parsed RandomUser records to typed columns (with
 * E.164 phones) and scoring them with the sample's full rule set, single-threaded, without Iceberg.
 * Prints the median of several repetitions.
 */
@Command(
    name = "bench-quality",
    mixinStandardHelpOptions = true,
    description = {
      "Measures rows/s of the RandomUser mapping and full quality rule set (single thread, in"
          + " memory, after a warm-up), as the median of several repetitions."
    })
final class QualityBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--records", defaultValue = "200000", description = "Records per repetition.")
  int records;

  @Option(names = "--repetitions", defaultValue = "5", description = "Measured repetitions.")
  int repetitions;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed.")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (records < 1 || repetitions < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--records and --repetitions must be >= 1, got " + records + " and " + repetitions);
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> parsed = new ArrayList<>(records);
    Iterator<String> generated = RandomUserGenerator.withSeed(seed).records(records);
    while (generated.hasNext()) {
      parsed.add(json.readTree(generated.next()));
    }
    SilverTable users = RandomUserPipeline.USERS;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    double[] rates = new double[repetitions];
    long checksum = 0;
    for (int repetition = -1; repetition < repetitions; repetition++) {
      // A fresh validator (and phone cache) per repetition, so repetitions share no work.
      RecordValidator validator =
          RecordValidator.of(
              users,
              Clock.fixed(now.toInstant(), ZoneOffset.UTC),
              EmailValidator.builder().build());
      long start = System.nanoTime();
      for (JsonNode record : parsed) {
        checksum += validator.validate(record).failures().size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (repetition >= 0) {
        rates[repetition] = records / seconds;
        out.printf(Locale.ROOT, "repetition %d: %,.0f rows/s%n", repetition + 1, rates[repetition]);
      }
    }
    Arrays.sort(rates);
    double median =
        rates.length % 2 == 1
            ? rates[rates.length / 2]
            : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    out.printf(
        Locale.ROOT,
        "mapping + %d rules: median %,.0f rows/s over %d repetitions of %,d records"
            + " (min %,.0f, max %,.0f; %d failures seen)%n",
        users.rules().size(),
        median,
        repetitions,
        records,
        rates[0],
        rates[rates.length - 1],
        checksum);
    out.flush();
    return 0;
  }
}
