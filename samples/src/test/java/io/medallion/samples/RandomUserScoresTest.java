package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.MedallionRuntime;
import io.medallion.core.TableRun;
import io.medallion.core.spi.JsonSource;
import io.medallion.core.spi.contact.DisposableDomains;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the RandomUser sample's scores and routing, so that moving its checks onto general tools
 * (lookup tables, derived-value comparisons) is proven to change nothing. The figures were taken
 * with the RandomUser-specific checks the api had before, on the same data, clock and validator.
 */
class RandomUserScoresTest {
  private static final Clock RUN_TIME =
      Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path lake;

  @Test
  void run_realApiResponses_scoresAndQuarantineAsBefore() {
    assertThat(fingerprint(JsonSource.files(SharedData.randomUserDevFiles())))
        .isEqualTo(
            "written 1492 quarantined 55 duplicates 0; silver score 1428.286472"
                + " consistency 1412.266667; quarantine score 47.779185");
  }

  @Test
  void run_generatedUsers_scoresAndQuarantineAsBefore() throws IOException {
    Path input = lake.resolve("users.ndjson");
    StringWriter text = new StringWriter();
    RandomUserGenerator.withSeed(7).writeNdjson(text, 3000);
    Files.writeString(input, text.toString(), StandardCharsets.UTF_8);

    assertThat(fingerprint(JsonSource.file(input)))
        .isEqualTo(
            "written 2939 quarantined 36 duplicates 25; silver score 2903.363636"
                + " consistency 2768.857143; quarantine score 31.561364");
  }

  /** Row counts per route and the sums of the scores, in silver and in quarantine. */
  private String fingerprint(JsonSource source) {
    try (MedallionRuntime runtime =
        MedallionRuntime.builder()
            .lake(lake.resolve("lake"))
            .clock(RUN_TIME)
            .emailValidator(
                EmailValidator.builder().disposableDomains(DisposableDomains.none()).build())
            .build()) {
      runtime.ingest(RandomUserPipeline.RAW, source);
      TableRun silver =
          runtime.run(RandomUserPipeline.PIPELINE).table(RandomUserPipeline.USERS.id());
      List<Record> users = Lakes.rows(runtime.table(RandomUserPipeline.USERS.id()));
      List<Record> quarantine = Lakes.rows(runtime.table(RandomUserPipeline.USERS.quarantineId()));
      return String.format(
          Locale.ROOT,
          "written %d quarantined %d duplicates %d; silver score %.6f consistency %.6f;"
              + " quarantine score %.6f",
          silver.written(),
          silver.quarantined(),
          silver.duplicates(),
          sum(users, "quality_score"),
          sum(users, "consistency_score"),
          sum(quarantine, "quality_score"));
    }
  }

  private static double sum(List<Record> rows, String column) {
    return rows.stream().mapToDouble(r -> (Double) r.getField(column)).sum();
  }
}
