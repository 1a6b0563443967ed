package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loading the same input again is skipped and reported, unless forced. */
class IdempotentIngestionTest extends EmbeddedLakeTest {

  private Path file(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private long bronzeRows() {
    return TableReads.rows(runtime.table(TestPipelines.RAW.id())).size();
  }

  private long deadLetters() {
    return TableReads.rows(runtime.table(TestPipelines.RAW.deadLetterId())).size();
  }

  @Test
  void ingest_sameFileTwice_secondLoadSkippedAndCountsUnchanged() throws IOException {
    Path users = file("users.ndjson", "{\"id\":\"a\"}", "{\"id\":\"b\"}", "broken");
    TableRun first = runtime.ingest(TestPipelines.RAW, JsonSource.file(users));

    TableRun second = runtime.ingest(TestPipelines.RAW, JsonSource.file(users));

    assertThat(first.written()).isEqualTo(2);
    assertThat(first.skipped()).isEmpty();
    assertThat(second.read()).isZero();
    assertThat(second.committed()).isFalse();
    assertThat(second.skipped())
        .containsExactly(new TableRun.Skipped(users.toString(), first.snapshotId()));
    assertThat(second.skipped().get(0))
        .hasToString("skipped " + users + ": already loaded in snapshot " + first.snapshotId());
    assertThat(bronzeRows()).isEqualTo(2);
    assertThat(deadLetters()).isEqualTo(1);
  }

  @Test
  void ingest_sameFileForced_loadsAgain() throws IOException {
    Path users = file("users.ndjson", "{\"id\":\"a\"}");
    runtime.ingest(TestPipelines.RAW, JsonSource.file(users));

    TableRun forced = runtime.ingest(TestPipelines.RAW, JsonSource.file(users).forced());

    assertThat(forced.written()).isEqualTo(1);
    assertThat(forced.skipped()).isEmpty();
    assertThat(bronzeRows()).isEqualTo(2);
  }

  @Test
  void ingest_changedContentSamePathAndSize_loads() throws IOException {
    Path users = file("users.ndjson", "{\"id\":\"a\"}");
    runtime.ingest(TestPipelines.RAW, JsonSource.file(users));
    file("users.ndjson", "{\"id\":\"b\"}");

    TableRun changed = runtime.ingest(TestPipelines.RAW, JsonSource.file(users));

    assertThat(changed.written()).isEqualTo(1);
    assertThat(changed.skipped()).isEmpty();
    assertThat(TableReads.rows(runtime.table(TestPipelines.RAW.id())))
        .extracting(r -> r.getField("payload").toString())
        .containsExactlyInAnyOrder("{\"id\":\"a\"}", "{\"id\":\"b\"}");
  }

  @Test
  void ingest_onlyNewFilesOfASource_loadsTheNewOnesAndSkipsTheRest() throws IOException {
    Path old = file("old.ndjson", "{\"id\":\"a\"}");
    Path fresh = file("new.ndjson", "{\"id\":\"b\"}");
    TableRun first = runtime.ingest(TestPipelines.RAW, JsonSource.file(old));

    TableRun both = runtime.ingest(TestPipelines.RAW, JsonSource.files(List.of(old, fresh)));

    assertThat(both.written()).isEqualTo(1);
    assertThat(both.skipped()).extracting(TableRun.Skipped::source).containsExactly(old.toString());
    assertThat(both.skipped().get(0).snapshotId()).isEqualTo(first.snapshotId());
    assertThat(bronzeRows()).isEqualTo(2);
  }

  @Test
  void ingest_fileOfDeadLettersOnlyTwice_isNotDeadLetteredTwice() throws IOException {
    Path broken = file("broken.ndjson", "not json");
    runtime.ingest(TestPipelines.RAW, JsonSource.file(broken));

    TableRun second = runtime.ingest(TestPipelines.RAW, JsonSource.file(broken));

    assertThat(second.skipped()).hasSize(1);
    assertThat(deadLetters()).isEqualTo(1);
    assertThat(bronzeRows()).isZero();
  }

  @Test
  void ingest_partWithIdentityTwice_secondSkipped() {
    TableRun first =
        runtime.ingest(TestPipelines.RAW, JsonSource.of(List.of(page("seed=x&page=1"))));

    TableRun second =
        runtime.ingest(TestPipelines.RAW, JsonSource.of(List.of(page("seed=x&page=1"))));
    TableRun otherPage =
        runtime.ingest(TestPipelines.RAW, JsonSource.of(List.of(page("seed=x&page=2"))));

    assertThat(second.skipped()).containsExactly(new TableRun.Skipped("api", first.snapshotId()));
    assertThat(otherPage.written()).isEqualTo(1);
    assertThat(bronzeRows()).isEqualTo(2);
  }

  @Test
  void ingest_streamWithoutIdentityTwice_loadsBothTimes() {
    runtime.ingest(TestPipelines.RAW, ndjson("stdin", "{\"id\":\"a\"}"));

    TableRun second = runtime.ingest(TestPipelines.RAW, ndjson("stdin", "{\"id\":\"a\"}"));

    assertThat(second.written()).isEqualTo(1);
    assertThat(bronzeRows()).isEqualTo(2);
  }

  private static JsonSource.Part page(String identity) {
    return new JsonSource.Part() {
      @Override
      public String name() {
        return "api";
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(
            ("{\"id\":\"" + identity + "\"}\n").getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public Optional<String> identity() {
        return Optional.of(identity);
      }
    };
  }
}
