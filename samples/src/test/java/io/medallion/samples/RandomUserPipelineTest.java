package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.TableRun;
import io.medallion.core.spi.JsonSource;
import io.medallion.samples.randomuser.Dirt;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomUserPipelineTest {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path lake;
  private MedallionRuntime runtime;

  @BeforeEach
  void open() {
    runtime = MedallionRuntime.builder().lake(lake).build();
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void run_realApiResponses_everyVersionLoadsAndCountsReconcile() throws IOException {
    List<Path> files = SharedData.randomUserDevFiles();
    long expected = 0;
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      expected += root.isArray() ? root.size() : root.get("results").size();
    }

    TableRun bronze = runtime.ingest(RandomUserPipeline.RAW, JsonSource.files(files));
    RunResult run = runtime.run(RandomUserPipeline.PIPELINE);

    assertThat(bronze.written()).isEqualTo(expected);
    assertThat(bronze.quarantined()).isZero();
    TableRun silver = run.table(RandomUserPipeline.USERS.id());
    assertThat(silver.read()).isEqualTo(expected);
    assertThat(silver.read())
        .isEqualTo(silver.written() + silver.quarantined() + silver.duplicates());
    List<Record> users = Lakes.rows(runtime.table(RandomUserPipeline.USERS.id()));
    List<Record> quarantine = Lakes.rows(runtime.table(RandomUserPipeline.USERS.quarantineId()));
    assertThat(users).hasSize((int) silver.written());
    assertThat(quarantine).hasSize((int) silver.quarantined());
    assertThat(Lakes.rows(runtime.table(RandomUserPipeline.RAW.id()))).hasSize((int) expected);
    Set<String> versions =
        users.stream()
            .map(
                r ->
                    ((String) r.getField("_source_coordinate")).replaceAll(".*/v(1\\.\\d).*", "$1"))
            .collect(Collectors.toSet());
    assertThat(versions).containsExactlyInAnyOrder("1.0", "1.2", "1.3", "1.4");
  }

  @Test
  void run_realApiResponses_validPhonesAreE164AndLettersAreRejected() {
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.files(SharedData.randomUserDevFiles()));
    runtime.run(RandomUserPipeline.PIPELINE);

    List<Record> users = Lakes.rows(runtime.table(RandomUserPipeline.USERS.id()));
    for (Record user : users) {
      String phone = (String) user.getField("phone");
      boolean valid = Boolean.TRUE.equals(user.getField("phone_valid"));
      if (valid) {
        assertThat(phone).matches(E164);
      } else if (phone != null) {
        assertThat(phone).doesNotMatch(E164);
        assertThat((List<?>) user.getField("failed_rules"))
            .anySatisfy(r -> assertThat(((Record) r).getField("rule")).isEqualTo("phone_valid"));
      }
      if (phone != null && phone.chars().anyMatch(Character::isLetter)) {
        assertThat((List<?>) user.getField("failed_rules"))
            .anySatisfy(
                r ->
                    assertThat((String) ((Record) r).getField("reason"))
                        .contains("contains letters"));
      }
    }
    assertThat(users).filteredOn(u -> Boolean.TRUE.equals(u.getField("phone_valid"))).isNotEmpty();
  }

  @Test
  void run_realApiResponses_noSecretReachesSilverOrQuarantine() throws IOException {
    List<Path> files = SharedData.randomUserDevFiles();
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.files(files));
    runtime.run(RandomUserPipeline.PIPELINE);
    Set<String> secrets = new java.util.HashSet<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      for (JsonNode user : root.isArray() ? root : root.get("results")) {
        // Salts and hashes are random text that can only come from the login block; passwords
        // are dictionary words that may legitimately occur in names or streets.
        for (String field : List.of("salt", "md5", "sha1", "sha256")) {
          JsonNode value = user.path("login").path(field);
          if (value.isTextual()) {
            secrets.add(value.textValue());
          }
        }
      }
    }
    assertThat(secrets).isNotEmpty();

    for (Table table :
        List.of(
            runtime.table(RandomUserPipeline.USERS.id()),
            runtime.table(RandomUserPipeline.USERS.quarantineId()))) {
      for (Record row : Lakes.rows(table)) {
        String text = row.toString();
        for (String secret : secrets) {
          assertThat(text).as("a secret in %s", table.name()).doesNotContain(secret);
        }
      }
    }
    assertThat(RandomUserPipeline.USERS.columns())
        .noneMatch(c -> Set.of("password", "salt", "md5", "sha1", "sha256").contains(c.name()));
  }

  @Test
  void run_generatedUsers_deduplicatesAndQuarantinesWithReasons() throws IOException {
    Path input = lake.resolve("users.ndjson");
    StringWriter text = new StringWriter();
    RandomUserGenerator.withSeed(7).writeNdjson(text, 3000);
    Files.writeString(input, text.toString(), StandardCharsets.UTF_8);

    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(input));
    TableRun silver = runtime.run(RandomUserPipeline.PIPELINE).table(RandomUserPipeline.USERS.id());

    assertThat(silver.read()).isEqualTo(3000);
    assertThat(silver.duplicates()).isPositive();
    assertThat(silver.quarantined()).isPositive();
    assertThat(silver.read())
        .isEqualTo(silver.written() + silver.quarantined() + silver.duplicates());
    List<Record> users = Lakes.rows(runtime.table(RandomUserPipeline.USERS.id()));
    assertThat(users.stream().map(u -> u.getField("user_id")).distinct().count())
        .isEqualTo(users.size());
    List<Record> quarantine = Lakes.rows(runtime.table(RandomUserPipeline.USERS.quarantineId()));
    assertThat(quarantine)
        .allSatisfy(
            q -> {
              assertThat((List<?>) q.getField("reasons")).isNotEmpty();
              assertThat((String) q.getField("_source_coordinate")).contains("users.ndjson line ");
              assertThat((Double) q.getField("quality_score")).isLessThan(0.9);
            });
  }

  @Test
  void run_secondBatchOfNewUsers_appendsOnlyNewRowsDownstream() throws IOException {
    Path first = lake.resolve("first.ndjson");
    Path second = lake.resolve("second.ndjson");
    write(first, RandomUserGenerator.withSeed(1).dirt(Dirt.none()), 500);
    write(second, RandomUserGenerator.withSeed(2).dirt(Dirt.none()), 300);
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(first));
    TableRun firstRun =
        runtime.run(RandomUserPipeline.PIPELINE).table(RandomUserPipeline.USERS.id());

    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(second));
    TableRun secondRun =
        runtime.run(RandomUserPipeline.PIPELINE).table(RandomUserPipeline.USERS.id());

    assertThat(firstRun.read()).isEqualTo(500);
    assertThat(secondRun.read()).isEqualTo(300);
    assertThat(Lakes.rows(runtime.table(RandomUserPipeline.USERS.id())))
        .hasSize((int) (firstRun.written() + secondRun.written()));
    RunResult third = runtime.run(RandomUserPipeline.PIPELINE);
    assertThat(third.tables()).noneMatch(TableRun::committed);
  }

  @Test
  void run_realApiResponses_registrationsDailyHasEveryDayAndReconcilesWithSilver() {
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.files(SharedData.randomUserDevFiles()));
    runtime.run(RandomUserPipeline.PIPELINE);

    List<Record> users = Lakes.rows(runtime.table(RandomUserPipeline.USERS.id()));
    List<Record> rows = Lakes.rows(runtime.table(RandomUserPipeline.REGISTRATIONS_DAILY.id()));
    List<Record> days =
        rows.stream()
            .filter(r -> r.getField("day") != null)
            .sorted(Comparator.comparing(r -> (LocalDate) r.getField("day")))
            .toList();
    List<Record> undated = rows.stream().filter(r -> r.getField("day") == null).toList();
    long dated = users.stream().filter(u -> u.getField("registered_at") != null).count();

    for (int i = 1; i < days.size(); i++) {
      assertThat((LocalDate) days.get(i).getField("day"))
          .isEqualTo(((LocalDate) days.get(i - 1).getField("day")).plusDays(1));
    }
    assertThat(days.stream().mapToLong(d -> (Long) d.getField("registrations")).sum())
        .isEqualTo(dated);
    assertThat(days.get(days.size() - 1).getField("registrations_to_date")).isEqualTo(dated);
    assertThat(days).anySatisfy(d -> assertThat(d.getField("registrations")).isEqualTo(0L));
    // Users without a registration date are one row without a day, never dropped.
    assertThat(undated)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.getField("registrations")).isEqualTo(users.size() - dated);
              assertThat(u.getField("registrations_to_date")).isNull();
            });
    Record first = days.get(0);
    assertThat((Double) first.getField("registrations_7d_avg"))
        .isEqualTo(((Long) first.getField("registrations")).doubleValue());
    List<Record> cohorts =
        Lakes.rows(runtime.table(RandomUserPipeline.COHORT_BY_REGISTRATION_MONTH.id()));
    assertThat(cohorts.stream().mapToLong(c -> (Long) c.getField("users")).sum())
        .isEqualTo(users.size());
    assertThat(cohorts)
        .filteredOn(c -> c.getField("registration_month") != null)
        .allSatisfy(c -> assertThat((Integer) c.getField("months_since")).isPositive());
    assertThat(cohorts)
        .filteredOn(c -> c.getField("registration_month") == null)
        .singleElement()
        .satisfies(c -> assertThat(c.getField("users")).isEqualTo(users.size() - dated));
  }

  private static void write(Path file, RandomUserGenerator generator, int count)
      throws IOException {
    StringWriter text = new StringWriter();
    generator.writeNdjson(text, count);
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
  }
}
