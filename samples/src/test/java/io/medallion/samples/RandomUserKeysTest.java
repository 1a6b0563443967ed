package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.TableRun;
import io.medallion.core.spi.JsonSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver's key falls back when a response has no login block (the API's {@code exc=login}, or an
 * {@code inc=} list without it): national id, else a name-based UUID of email and birth.
 */
class RandomUserKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void run_withLogin_keyIsLoginUuid() throws IOException {
    Path input = response("with-login.json", List.of());

    Map<String, String> sources = keySources(run(input, "lake"));

    assertThat(sources).isNotEmpty();
    assertThat(sources.values()).containsOnly("login_uuid");
    assertThat(sources.keySet()).allMatch(key -> key.matches("[0-9a-f-]{36}"));
  }

  @Test
  void run_withoutLogin_keysFallBackAndNothingIsQuarantinedForTheKey() throws IOException {
    Path input = response("no-login.json", List.of("login"));
    int records = JSON.readTree(input.toFile()).get("results").size();

    Result result = run(input, "lake");

    assertThat(result.silver.read()).isEqualTo(records);
    assertThat(result.quarantine).noneMatch(q -> q.toString().contains("user_id_not_null"));
    Map<String, String> sources = keySources(result);
    assertThat(sources).hasSize((int) result.silver.written());
    assertThat(sources.values()).doesNotContain("login_uuid").contains("national_key");
    assertThat(sources.entrySet())
        .filteredOn(e -> e.getValue().equals("national_key"))
        .allMatch(e -> e.getKey().contains(":"));
  }

  @Test
  void run_withoutLoginOrId_keyIsNameUuidOfEmailAndBirth_sameOnEveryRun() throws IOException {
    Path input = response("no-login-no-id.json", List.of("login", "id"));

    Result first = run(input, "first-lake");
    Result second = run(input, "second-lake");

    assertThat(first.quarantine).noneMatch(q -> q.toString().contains("user_id_not_null"));
    assertThat(keySources(first).values()).containsOnly("email_birth_uuid");
    assertThat(keySources(first).keySet()).allMatch(key -> key.matches("[0-9a-f-]{36}"));
    assertThat(keySources(second)).isEqualTo(keySources(first));
  }

  /** A real v1.4 response with the given blocks removed from every record. */
  private Path response(String name, List<String> removed) throws IOException {
    Path source =
        SharedData.randomUserDevFiles().stream()
            .filter(f -> f.getFileName().toString().startsWith("v1.4_EJHacks"))
            .findFirst()
            .orElseThrow();
    JsonNode root = JSON.readTree(source.toFile());
    for (JsonNode user : root.get("results")) {
      ((ObjectNode) user).remove(removed);
    }
    Path file = folder.resolve(name);
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  private Result run(Path input, String lake) {
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(folder.resolve(lake)).build()) {
      runtime.ingest(RandomUserPipeline.RAW, JsonSource.file(input));
      TableRun silver =
          runtime.run(RandomUserPipeline.PIPELINE).table(RandomUserPipeline.USERS.id());
      return new Result(
          silver,
          Lakes.rows(runtime.table(RandomUserPipeline.USERS.id())),
          Lakes.rows(runtime.table(RandomUserPipeline.USERS.quarantineId())));
    }
  }

  /** Each silver key with the column it came from. */
  private static Map<String, String> keySources(Result result) {
    Map<String, String> sources = new HashMap<>();
    for (Record user : result.users) {
      sources.put((String) user.getField("user_id"), (String) user.getField("key_source"));
    }
    return sources;
  }

  private record Result(TableRun silver, List<Record> users, List<Record> quarantine) {}
}
