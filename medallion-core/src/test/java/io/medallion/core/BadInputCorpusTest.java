package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.spi.JsonSource;
import io.medallion.table.BronzeTable;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input finishes with each record either in bronze or in the dead letters, with a
 * clear message, within a bounded heap: this class runs in its own surefire execution with {@code
 * -Xmx256m} (see medallion-core/pom.xml). Small inputs are committed under {@code bad-input/}; big
 * ones are generated into the test's temporary folder.
 */
class BadInputCorpusTest extends EmbeddedLakeTest {
  private static final String GOOD = "{\"id\":\"good\"}\n";

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(BadInputCorpusTest.class.getResource("/bad-input/" + name).toURI());
  }

  private TableRun ingest(Path file) {
    return ingest(TestPipelines.RAW, file);
  }

  private TableRun ingest(BronzeTable table, Path file) {
    TableRun run = runtime.ingest(table, JsonSource.file(file));
    assertThat(TableReads.rows(runtime.table(table.id()))).hasSize((int) run.written());
    assertThat(deadLetters()).hasSize((int) run.quarantined());
    return run;
  }

  private List<String> deadLetters() {
    return TableReads.rows(runtime.table(TestPipelines.RAW.deadLetterId())).stream()
        .map(r -> r.getField("source_coordinate") + " | " + r.getField("error"))
        .toList();
  }

  @Test
  void ingest_zeroBytes_isOneDeadLetterSayingSo() throws Exception {
    TableRun run = ingest(resource("zero-bytes.ndjson"));

    assertThat(run.written()).isZero();
    assertThat(deadLetters()).containsExactly("line 1 | input is empty: no JSON value found");
  }

  @Test
  void ingest_onlyWhiteSpace_isOneDeadLetterSayingSo() throws Exception {
    TableRun run = ingest(resource("empty.ndjson"));

    assertThat(run.written()).isZero();
    assertThat(deadLetters()).containsExactly("line 1 | input is empty: no JSON value found");
  }

  @Test
  void ingest_binary_isDeadLetteredLineByLine() throws IOException {
    byte[] noise = new byte[1 << 20];
    new Random(11).nextBytes(noise);
    noise[0] = 0;
    noise[noise.length - 1] = '\n';
    Path binary = Files.write(dir.resolve("noise.bin"), noise);

    TableRun run = ingest(binary);

    assertThat(run.written()).isZero();
    // Every line holding more than white space costs at least one dead letter; a line starting
    // with a valid value and then breaking costs two.
    assertThat(run.quarantined()).isBetween(linesWithContent(noise), linesWithContent(noise) + 50);
    assertThat(deadLetters().get(0))
        .isEqualTo(
            "line 1 | input is not UTF-8: its first bytes look like UTF-16 or UTF-32, or binary"
                + " data");
    assertThat(deadLetters())
        .allSatisfy(
            d ->
                assertThat(d)
                    .startsWith("line ")
                    .containsAnyOf(
                        "| input is not UTF-8", "| invalid JSON: ", "| top-level value is "));
  }

  /** Counts the lines holding more than white space: blank lines hold no record. */
  private static long linesWithContent(byte[] bytes) {
    long lines = 0;
    boolean content = false;
    for (byte b : bytes) {
      if (b == '\n') {
        lines += content ? 1 : 0;
        content = false;
      } else {
        content |= b != ' ' && b != '\t' && b != '\r';
      }
    }
    return lines + (content ? 1 : 0);
  }

  @Test
  void ingest_latin1_deadLettersEachLineNamingTheEncoding() throws Exception {
    TableRun run = ingest(resource("latin-1.ndjson"));

    assertThat(run.written()).isZero();
    assertThat(deadLetters())
        .containsExactly(
            "line 1 | invalid JSON: Invalid UTF-8 middle byte 0x22 (line 1, column 24)",
            "line 2 | invalid JSON: Invalid UTF-8 middle byte 0x6c (line 2, column 23)");
  }

  @Test
  void ingest_deeplyNested_isADeadLetterNamingTheDepthLimit() throws IOException {
    int levels = 100_000;
    Path deep = dir.resolve("deep.ndjson");
    Files.writeString(
        deep,
        GOOD + "{\"a\":".repeat(levels) + "1" + "}".repeat(levels) + "\n" + GOOD,
        StandardCharsets.UTF_8);

    TableRun run = ingest(deep);

    assertThat(run.written()).isEqualTo(2);
    assertThat(deadLetters())
        .singleElement()
        .asString()
        .startsWith("line 2 | ")
        .contains("nesting depth")
        .contains("exceeds the maximum allowed");
  }

  @Test
  void ingest_200MbString_isCutWhileReadingAndTheNextLineIsKept() throws IOException {
    long size = 200L * 1024 * 1024;
    Path huge = dir.resolve("huge.ndjson");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(huge), 1 << 16)) {
      out.write((GOOD + "{\"id\":\"huge\",\"blob\":\"").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 16];
      Arrays.fill(chunk, (byte) 'x');
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk);
      }
      out.write(("\"}\n" + GOOD).getBytes(StandardCharsets.UTF_8));
    }
    long recordBytes = size + "{\"id\":\"huge\",\"blob\":\"\"}".length();

    TableRun run = ingest(huge);

    assertThat(run.written()).isEqualTo(2);
    assertThat(deadLetters())
        .containsExactly(
            "line 2 | record is "
                + recordBytes
                + " bytes, more than the limit of 65536 (BronzeTable.maxRecordBytes); the dead"
                + " letter keeps its first 65536 of "
                + recordBytes
                + " bytes");
    Record dead = TableReads.rows(runtime.table(TestPipelines.RAW.deadLetterId())).get(0);
    assertThat(dead.getField("payload").toString()).hasSize(65536).startsWith("{\"id\":\"huge\"");
  }

  @Test
  void ingest_truncatedMidRecord_keepsTheRecordsBeforeAndDeadLettersTheRest() throws Exception {
    TableRun run = ingest(resource("truncated.json"));

    assertThat(run.written()).isEqualTo(2);
    assertThat(deadLetters())
        .singleElement()
        .asString()
        .startsWith("line 1, results[2] and after | invalid JSON: Unexpected end-of-input");
  }

  @Test
  void ingest_wrongTypesEverywhere_deadLettersEachNonObjectNamingIt() throws Exception {
    TableRun run = ingest(resource("wrong-types.ndjson"));

    assertThat(run.written()).isEqualTo(3);
    assertThat(deadLetters())
        .containsExactlyInAnyOrder(
            "line 1 | top-level value is a number, expected a JSON object or array",
            "line 2 | top-level value is a string, expected a JSON object or array",
            "line 3 | top-level value is null, expected a JSON object or array",
            "line 4 | top-level value is a boolean, expected a JSON object or array",
            "line 5, [0] | [0] is a number, expected a JSON object",
            "line 5, [1] | [1] is a string, expected a JSON object",
            "line 5, [2] | [2] is null, expected a JSON object");
  }

  @Test
  void ingest_10kFieldsInOneRecord_isOneRecord() throws IOException {
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    Path file = dir.resolve("wide.ndjson");
    Files.writeString(file, wide.append("}\n").toString(), StandardCharsets.UTF_8);
    BronzeTable roomy = TestPipelines.RAW.toBuilder().maxRecordBytes(1 << 20).build();

    TableRun run = ingest(roomy, file);

    assertThat(run.written()).isEqualTo(1);
    assertThat(run.quarantined()).isZero();
    assertThat(TableReads.rows(runtime.table(roomy.id())).get(0).getField("payload").toString())
        .hasSize(wide.length() - 1)
        .endsWith("\"f9999\":9999}");
  }
}
