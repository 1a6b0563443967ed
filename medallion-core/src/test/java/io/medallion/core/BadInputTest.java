package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/** Bad input lands somewhere visible, with its reason, and never stops the rest of the batch. */
class BadInputTest extends EmbeddedLakeTest {
  private static final String GOOD =
      "{\"id\":\"g%d\",\"name\":\"ok\",\"email\":\"g@example.com\",\"country\":\"CH\",\"age\":30}";

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private List<Record> deadLetters() {
    return TableReads.rows(runtime.table(TestPipelines.RAW.deadLetterId()));
  }

  @Test
  void ingest_eachKindOfBadInput_deadLettersItAndLandsTheRest() throws IOException {
    String bigField = "{\"id\":\"big\",\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    Path truncated =
        file("truncated.json", "{\"results\":[" + GOOD.formatted(1) + ",{\"id\":\"g2\",");
    Path nonObject = file("non-object.json", "[" + GOOD.formatted(3) + ",42]");
    Path big =
        file("big.ndjson", GOOD.formatted(4) + "\n" + bigField + "\n" + GOOD.formatted(5) + "\n");
    Path empty = file("empty.json", "");

    TableRun batch =
        runtime.ingest(
            TestPipelines.RAW, JsonSource.files(List.of(truncated, nonObject, big, empty)));

    assertThat(batch.written()).isEqualTo(4);
    assertThat(batch.quarantined()).isEqualTo(4);
    assertThat(deadLetters())
        .extracting(
            r ->
                r.getField("source_name")
                    + " | "
                    + r.getField("source_coordinate")
                    + " | "
                    + r.getField("error"))
        .satisfiesExactlyInAnyOrder(
            row ->
                assertThat(row)
                    .startsWith(
                        truncated
                            + " | line 1, results[1] and after | invalid JSON: Unexpected end-of-input"),
            row ->
                assertThat(row)
                    .isEqualTo(
                        nonObject + " | line 1, [1] | [1] is a number, expected a JSON object"),
            row ->
                assertThat(row)
                    .isEqualTo(
                        big
                            + " | line 2 | record is 10485782 bytes, more than the limit of 65536"
                            + " (BronzeTable.maxRecordBytes); the dead letter keeps its first"
                            + " 65536 of 10485782 bytes"),
            row ->
                assertThat(row)
                    .isEqualTo(empty + " | line 1 | input is empty: no JSON value found"));
    assertThat(deadLetters())
        .filteredOn(r -> r.getField("source_name").equals(big.toString()))
        .singleElement()
        .satisfies(r -> assertThat(r.getField("payload")).isEqualTo(bigField.substring(0, 65536)));
    assertThat(TableReads.rows(runtime.table(TestPipelines.RAW.id())))
        .extracting(r -> r.getField("source_coordinate"))
        .containsExactly("line 1, results[0]", "line 1, [0]", "line 1", "line 3");
  }

  @Test
  void ingest_malformedRecordWithASecret_neverEchoesTheSecret() throws IOException {
    String secret = "Xq9SuperSecretPw";
    Path file =
        file(
            "secret.ndjson",
            GOOD.formatted(1) + "\n{\"id\":\"s\",\"login\":{\"password\":" + secret + "}}\n");
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TableRun batch;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      batch = runtime.ingest(TestPipelines.RAW, JsonSource.file(file));
    } finally {
      System.setErr(stderr);
    }

    assertThat(batch.written()).isEqualTo(1);
    assertThat(batch.quarantined()).isEqualTo(1);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Dead letter at " + file + " line 2: invalid JSON: Unrecognized token")
        .doesNotContain("Xq9");
    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getField("error").toString())
                    .isEqualTo(
                        "invalid JSON: Unrecognized token (the text is withheld: it may be a"
                            + " secret) (line 2, column 48)"));
  }

  @Test
  void run_wrongJsonTypes_quarantinedNamingRecordAndField() throws IOException {
    Path wrong =
        file(
            "wrong.ndjson",
            GOOD.formatted(1) + "\n{\"id\":\"w\",\"age\":\"thirty\",\"email\":[\"a@b.ch\"]}\n");
    runtime.ingest(TestPipelines.RAW, JsonSource.file(wrong));

    TableRun silver = runtime.run(TestPipelines.PIPELINE).table(TestPipelines.PEOPLE.id());

    assertThat(silver.written()).isEqualTo(1);
    assertThat(silver.quarantined()).isEqualTo(1);
    Record rejected = TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId())).get(0);
    assertThat(rejected.getField("_source_coordinate")).isEqualTo(wrong + " line 2");
    assertThat(TableReads.failures(rejected, "reasons"))
        .isEqualTo(
            List.of(
                "email_type: cannot read array as string at $.email",
                "age_type: cannot read string \"thirty\" as int at $.age"));
  }

  @Test
  void tables_useTheWriteProfileEveryReaderAccepts() throws IOException {
    runtime.ingest(TestPipelines.RAW, JsonSource.file(file("one.ndjson", GOOD.formatted(1))));
    runtime.run(TestPipelines.PIPELINE);

    for (Table table :
        List.of(
            runtime.table(TestPipelines.RAW.id()),
            runtime.table(TestPipelines.PEOPLE.id()),
            runtime.table(TestPipelines.BY_COUNTRY.id()))) {
      assertThat(((HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
      assertThat(table.properties())
          .containsEntry("write.format.default", "parquet")
          .containsEntry("write.parquet.compression-codec", "zstd")
          .containsEntry("write.delete.mode", "merge-on-read");
      table
          .currentSnapshot()
          .addedDataFiles(table.io())
          .forEach(f -> assertThat(f.location()).endsWith(".parquet"));
    }
    assertThat(runtime.table(TestPipelines.RAW.id()).spec().fields())
        .extracting(f -> f.transform().toString())
        .containsExactly("day");
  }
}
