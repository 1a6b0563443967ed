package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomUserDimensionsTest {
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
  void run_secondBatchWithChangedEmailsAndCities_addsDimUserVersions() throws IOException {
    StringWriter text = new StringWriter();
    RandomUserGenerator.withSeed(11).dirt(Dirt.none()).writeNdjson(text, 300);
    List<String> lines = text.toString().lines().toList();
    Path first = lake.resolve("first.ndjson");
    Files.writeString(first, text.toString(), StandardCharsets.UTF_8);
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(first));
    RunResult firstRun = runtime.run(RandomUserPipeline.PIPELINE);
    Map<Object, Record> before = byUser(rows(RandomUserPipeline.USERS));

    // Every 10th user moved and took a new address: same account, new email and city.
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 10) {
      ObjectNode user = (ObjectNode) JSON.readTree(lines.get(i));
      user.put("email", "moved." + user.get("email").asText());
      ((ObjectNode) user.get("location")).put("city", "Newtown");
      moved.add(JSON.writeValueAsString(user));
    }
    Path second = lake.resolve("second.ndjson");
    Files.writeString(second, String.join("\n", moved) + "\n", StandardCharsets.UTF_8);
    runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(second));
    RunResult secondRun = runtime.run(RandomUserPipeline.PIPELINE);

    List<Record> users = rows(RandomUserPipeline.USERS);
    Set<Object> changed =
        users.stream()
            .filter(u -> "Newtown".equals(u.getField("city")))
            .map(u -> u.getField("user_id"))
            .filter(before::containsKey)
            .collect(Collectors.toSet());
    assertThat(changed).hasSizeGreaterThan(20);
    Map<Object, List<Record>> versions =
        rows(RandomUserPipeline.DIM_USER).stream()
            .filter(v -> v.getField("user_id") != null)
            .sorted(Comparator.comparing(v -> v.getField("valid_from").toString()))
            .collect(Collectors.groupingBy(v -> v.getField("user_id")));
    assertThat(versions.keySet()).containsExactlyInAnyOrderElementsOf(byUser(users).keySet());
    for (Object userId : changed) {
      List<Record> history = versions.get(userId);
      assertThat(history).as("versions of %s", userId).hasSize(2);
      Record old = history.get(0);
      Record current = history.get(1);
      assertThat(old.getField("email")).isEqualTo(before.get(userId).getField("email"));
      assertThat(old.getField("city")).isEqualTo(before.get(userId).getField("city"));
      assertThat(old.getField("is_current")).isEqualTo(false);
      assertThat(old.getField("valid_to")).isEqualTo(current.getField("valid_from"));
      assertThat((String) current.getField("email")).startsWith("moved.");
      assertThat(current.getField("city")).isEqualTo("Newtown");
      assertThat(current.getField("is_current")).isEqualTo(true);
      assertThat(current.getField("valid_to")).isNull();
    }
    versions.forEach(
        (userId, history) -> {
          if (!changed.contains(userId)) {
            assertThat(history).as("versions of %s", userId).hasSize(1);
          }
        });

    // Facts: one per silver user; a changed user's registration keeps the version of back then.
    // The run rewrites only the facts of the users whose rows changed (incremental gold).
    TableRun facts = secondRun.table(RandomUserPipeline.FACT_REGISTRATION.id());
    assertThat(facts.written()).isPositive().isLessThan(users.size());
    assertThat(rows(RandomUserPipeline.FACT_REGISTRATION)).hasSize(users.size());
    Map<Object, Record> registrations = byUser(rows(RandomUserPipeline.FACT_REGISTRATION));
    for (Object userId : changed) {
      assertThat(registrations.get(userId).getField("user_key"))
          .isEqualTo(versions.get(userId).get(0).getField("user_key"));
    }
    assertThat(registrations.values())
        .allSatisfy(
            r -> {
              assertThat(r.getField("user_key")).isNotEqualTo(-1L);
              assertThat(r.getField("location_key")).isNotEqualTo(-1L);
              assertThat((Integer) r.getField("registration_date_key")).isGreaterThan(20000000);
            });
    assertThat(rows(RandomUserPipeline.DIM_LOCATION))
        .anyMatch(l -> "Newtown".equals(l.getField("city")));
    assertThat(firstRun.table(RandomUserPipeline.DIM_DATE.id()).written()).isEqualTo(13150);
    assertThat(secondRun.table(RandomUserPipeline.DIM_DATE.id()).committed()).isFalse();

    assertThat(runtime.run(RandomUserPipeline.PIPELINE).tables()).noneMatch(TableRun::committed);
  }

  private List<Record> rows(io.medallion.table.TableDefinition table) {
    return Lakes.rows(runtime.table(table.id()));
  }

  private static Map<Object, Record> byUser(List<Record> rows) {
    return rows.stream()
        .filter(r -> r.getField("user_id") != null)
        .collect(Collectors.toMap(r -> r.getField("user_id"), r -> r));
  }
}
