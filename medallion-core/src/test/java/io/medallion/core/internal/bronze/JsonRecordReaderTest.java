package io.medallion.core.internal.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.table.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {
  private static final String SECRET = "Zq7hunter2Xv9";

  private final JsonRecordReader reader = reader(1 << 20, "results");

  private static JsonRecordReader reader(int maxRecordBytes, String recordsAt) {
    return new JsonRecordReader(
        maxRecordBytes,
        recordsAt == null ? null : JsonPath.parse(recordsAt),
        List.of(JsonPath.parse("login.password")));
  }

  /** Collects what the reader emits. */
  private static final class Collected implements RecordSink {
    final List<String> records = new ArrayList<>();
    final List<CharSequence> payloads = new ArrayList<>();
    final List<String> coordinates = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    final List<String> deadPayloads = new ArrayList<>();

    @Override
    public void record(String coordinate, CharSequence payload) {
      coordinates.add(coordinate);
      records.add(payload.toString());
      payloads.add(payload);
    }

    @Override
    public void deadLetter(String coordinate, String error, String payload) {
      deadLetters.add(coordinate + " | " + error);
      deadPayloads.add(payload);
    }
  }

  private Collected read(String input) throws IOException {
    return read(reader, input);
  }

  private static Collected read(JsonRecordReader reader, String input) throws IOException {
    Collected collected = new Collected();
    reader.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), collected);
    return collected;
  }

  @Test
  void read_validUtf8Record_handsOverTheBytesReceivedWithoutDecoding() throws IOException {
    String record = "{\"name\":\"Zoë Ødegård 😀\"}";

    Collected out = read(record + "\n");

    assertThat(out.payloads).singleElement().isInstanceOf(Utf8.class);
    assertThat(((Utf8) out.payloads.get(0)).getBytes())
        .isEqualTo(record.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_recordWithMalformedUtf8_isDecodedWithReplacementCharacters() throws IOException {
    byte[] input = "{\"name\":\"Zo\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    Collected out = new Collected();

    reader.read(new ByteArrayInputStream(input), out);

    assertThat(out.payloads).allSatisfy(p -> assertThat(p).isInstanceOf(String.class));
    assertThat(out.records).allSatisfy(p -> assertThat(p).contains("\ufffd"));
    assertThat(out.records.size() + out.deadLetters.size()).isEqualTo(1);
  }

  @Test
  void read_envelope_emitsEachResultWithItsRawBytes() throws IOException {
    String first = "{\"name\": {\"first\": \"Zoë\"},  \"postcode\": 1234.50}";
    String second = "{\"name\":\"\\u00e9\"}";
    Collected out =
        read(
            "{\"results\":[\n"
                + first
                + ",\n"
                + second
                + "\n],\"info\":{\"seed\":\"x\",\"page\":1}}");

    assertThat(out.records).containsExactly(first, second);
    assertThat(out.coordinates).containsExactly("line 2, results[0]", "line 3, results[1]");
    assertThat(out.deadLetters).isEmpty();
  }

  @Test
  void read_infoBeforeResults_stillFindsResults() throws IOException {
    Collected out = read("{\"info\":{\"page\":1},\"results\":[{\"a\":1}]}");

    assertThat(out.records).containsExactly("{\"a\":1}");
  }

  @Test
  void read_topLevelArray_emitsElements() throws IOException {
    Collected out = read("[{\"a\":1},{\"b\":2}]");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(out.coordinates).containsExactly("line 1, [0]", "line 1, [1]");
  }

  @Test
  void read_ndjson_emitsOneRecordPerLine() throws IOException {
    Collected out = read("{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(out.coordinates).containsExactly("line 1", "line 2", "line 4");
  }

  @Test
  void read_brokenNdjsonLine_deadLettersThatLineOnly() throws IOException {
    Collected out = read("{\"a\":1}\n{\"b\":2,\n{\"c\":3}\n{\"d\":}\n{\"e\":5}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"c\":3}", "{\"e\":5}");
    assertThat(out.deadLetters).hasSize(2);
    assertThat(out.deadLetters.get(0)).startsWith("line 2 | invalid JSON: ");
    assertThat(out.deadPayloads.get(0)).isEqualTo("{\"b\":2,\n");
    assertThat(out.deadLetters.get(1)).startsWith("line 4 | invalid JSON: ");
    assertThat(out.deadPayloads.get(1)).isEqualTo("{\"d\":}\n");
    assertThat(out.coordinates).containsExactly("line 1", "line 3", "line 5");
  }

  @Test
  void read_truncatedEnvelope_keepsCompleteRecordsAndDeadLettersTheRest() throws IOException {
    Collected out = read("{\"results\":[{\"a\":1},{\"b\":2},{\"c\":");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(out.deadLetters).hasSize(1);
    assertThat(out.deadLetters.get(0))
        .startsWith("line 1, results[2] and after | invalid JSON: Unexpected end-of-input");
    assertThat(out.deadPayloads.get(0)).isEqualTo("{\"c\":");
  }

  @Test
  void read_nonObjectElement_isADeadLetterNamingItsIndex() throws IOException {
    Collected out = read("{\"results\":[{\"a\":1},42,\"text\",[1,2],{\"b\":2}]}");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(out.deadLetters)
        .containsExactly(
            "line 1, results[1] | results[1] is a number, expected a JSON object",
            "line 1, results[2] | results[2] is a string, expected a JSON object",
            "line 1, results[3] | results[3] is an array, expected a JSON object");
    assertThat(out.deadPayloads).containsExactly("42", "\"text\"", "[1,2]");
  }

  @Test
  void read_emptyInput_isOneDeadLetter() throws IOException {
    Collected out = read("  \n ");

    assertThat(out.records).isEmpty();
    assertThat(out.deadLetters).containsExactly("line 1 | input is empty: no JSON value found");
  }

  @Test
  void read_recordOverTheLimit_isADeadLetterWithItsSize() throws IOException {
    JsonRecordReader small = reader(1024, null);
    String big = "{\"blob\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    Collected out = read(small, "{\"a\":1}\n" + big + "\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"c\":3}");
    assertThat(out.deadLetters)
        .containsExactly(
            "line 2 | record is 10485771 bytes, more than the limit of 1024"
                + " (BronzeTable.maxRecordBytes); the dead letter keeps its first 1024 of"
                + " 10485771 bytes");
    assertThat(out.deadPayloads.get(0)).isEqualTo(big.substring(0, 1024));
  }

  @Test
  void read_manyRecords_keepsBufferBounded() throws IOException {
    StringBuilder input = new StringBuilder("[");
    for (int i = 0; i < 50_000; i++) {
      input.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
    }
    Collected out = read(input.append(']').toString());

    assertThat(out.records).hasSize(50_000);
    assertThat(out.records.get(49_999)).isEqualTo("{\"i\":49999}");
  }

  @Test
  void read_scalarAtTopLevel_isADeadLetter() throws IOException {
    Collected out = read("{\"a\":1}\n17\n");

    assertThat(out.records).containsExactly("{\"a\":1}");
    assertThat(out.deadLetters)
        .containsExactly("line 2 | top-level value is a number, expected a JSON object or array");
  }

  @Test
  void read_garbageLineAfterARecord_deadLettersOnlyTheGarbage() throws IOException {
    Collected out = read("{\"a\":1}\ngarbage\n{\"b\":2}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(out.deadLetters).singleElement().asString().startsWith("line 2 | invalid JSON");
    assertThat(out.deadPayloads).containsExactly("garbage\n");
    assertThat(out.coordinates).containsExactly("line 1", "line 3");
  }

  @Test
  void read_envelopeTruncatedAfterResults_keepsRecordsAndDeadLettersTheTail() throws IOException {
    Collected out = read("{\"results\":[{\"a\":1},{\"b\":2}],\"info\":{\"seed\":");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(out.deadLetters).hasSize(1);
    assertThat(out.deadPayloads.get(0)).isEqualTo("],\"info\":{\"seed\":");
  }

  @Test
  void read_manyBrokenLines_eachDeadLetteredWithoutNestingStreams() throws IOException {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      input.append("{\"ok\":").append(i).append("}\nnot json ").append(i).append('\n');
    }

    Collected out = read(input.toString());

    assertThat(out.records).hasSize(20_000);
    assertThat(out.deadLetters).hasSize(20_000);
    assertThat(out.deadPayloads.get(19_999)).isEqualTo("not json 19999\n");
    assertThat(out.deadLetters.get(19_999)).startsWith("line 40000 | ");
  }

  @Test
  void read_ndjsonLineEndingWhereAValueIsExpected_costsThatLineOnly() throws IOException {
    Collected out =
        read(
            "{\"a\":1}\n"
                + "{\"name\": \n"
                + "{\"b\":2}\n"
                + "[\n"
                + "{\"c\":3}\n"
                + "{\"d\":[\n"
                + "{\"e\":5}\n"
                + "{\"f\":6}\n");

    assertThat(out.records)
        .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"e\":5}", "{\"f\":6}");
    assertThat(out.coordinates).containsExactly("line 1", "line 3", "line 5", "line 7", "line 8");
    assertThat(out.deadLetters)
        .extracting(d -> d.substring(0, d.indexOf(" | ")))
        .containsExactly("line 2", "line 4", "line 6");
    assertThat(out.deadLetters)
        .allSatisfy(d -> assertThat(d).contains("| invalid JSON: Unexpected end-of-input"));
    assertThat(out.deadPayloads).containsExactly("{\"name\": \n", "[\n", "{\"d\":[\n");
  }

  @Test
  void read_brokenFirstNdjsonLine_costsThatLineOnly() throws IOException {
    Collected out = read("{\"name\": \n{\"b\":2}\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"b\":2}", "{\"c\":3}");
    assertThat(out.coordinates).containsExactly("line 2", "line 3");
    assertThat(out.deadLetters).singleElement().asString().startsWith("line 1 | invalid JSON");
  }

  @Test
  void read_bracketAloneOnTheFirstNdjsonLine_costsThatLineOnly() throws IOException {
    Collected out = read("[\n{\"b\":2}\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"b\":2}", "{\"c\":3}");
    assertThat(out.coordinates).containsExactly("line 2", "line 3");
    assertThat(out.deadLetters).singleElement().asString().startsWith("line 1 | invalid JSON");
  }

  @Test
  void read_prettyPrintedArray_isOneDocument() throws IOException {
    Collected out = read("[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n");

    assertThat(out.records).containsExactly("{\"a\": 1}", "{\"b\": 2}");
    assertThat(out.coordinates).containsExactly("line 2, [0]", "line 3, [1]");
    assertThat(out.deadLetters).isEmpty();
  }

  @Test
  void read_prettyPrintedEnvelope_isOneDocument() throws IOException {
    Collected out =
        read("{\n  \"results\": [\n    {\"a\": 1},\n    {\"b\": 2}\n  ],\n  \"info\": {}\n}\n");

    assertThat(out.records).containsExactly("{\"a\": 1}", "{\"b\": 2}");
    assertThat(out.coordinates).containsExactly("line 3, results[0]", "line 4, results[1]");
    assertThat(out.deadLetters).isEmpty();
  }

  @Test
  void read_prettyPrintedObjectWithoutRecordsPath_isOneRecord() throws IOException {
    String record = "{\n  \"results\": [{\"a\": 1}],\n  \"info\": {}\n}";

    Collected out = read(reader(1 << 20, null), record + "\n");

    assertThat(out.records).containsExactly(record);
    assertThat(out.coordinates).containsExactly("line 1");
  }

  @Test
  void read_nestedRecordsPath_emitsTheElementsThere() throws IOException {
    Collected out =
        read(
            reader(1 << 20, "data.items"),
            "{\"data\":{\"total\":2,\"items\":[{\"a\":1},{\"b\":2}]},\"items\":[7]}\n"
                + "{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(out.coordinates)
        .containsExactly("line 1, data.items[0]", "line 1, data.items[1]", "line 2");
  }

  @Test
  void read_malformedSecret_isNeverQuotedInTheError() throws IOException {
    Collected out =
        read(
            "{\"login\":{\"username\":\"ann\",\"password\":"
                + SECRET
                + "}}\n"
                + "{\"login\":{\"password\":\"x\", "
                + SECRET
                + "}}\n"
                + "{\"results\":[{\"login\":{\"password\":"
                + SECRET
                + "}}]}\n");

    assertThat(out.records).isEmpty();
    assertThat(out.deadLetters).hasSize(3);
    assertThat(out.deadLetters)
        .allSatisfy(
            d ->
                assertThat(d)
                    .doesNotContain("hunter2")
                    .doesNotContain("Zq7")
                    .contains("(the text is withheld: it may be a secret)"));
  }

  @Test
  void read_malformedValueElsewhere_quotesAShortExcerptOnly() throws IOException {
    Collected out = read("{\"name\":{\"first\":Abcdefghijklmnop}}\n");

    assertThat(out.deadLetters)
        .singleElement()
        .asString()
        .startsWith("line 1 | invalid JSON: Unrecognized token 'Abcdefgh…' (line 1, column ")
        .doesNotContain("ijklmnop");
  }

  @Test
  void read_hugeRecordInAStream_isCutWhileReadingAndReadingResumes() throws IOException {
    long blob = 64L * 1024 * 1024;
    Collected out = readHuge("{\"a\":1}\n{\"blob\":\"", 'x', blob, "\"}\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"c\":3}");
    assertThat(out.coordinates).containsExactly("line 1", "line 3");
    long size = blob + 11;
    assertThat(out.deadLetters)
        .containsExactly(
            "line 2 | record is "
                + size
                + " bytes, more than the limit of 1024 (BronzeTable.maxRecordBytes); the dead"
                + " letter keeps its first 1024 of "
                + size
                + " bytes");
    assertThat(out.deadPayloads.get(0)).hasSize(1024).startsWith("{\"blob\":\"xxx");
  }

  @Test
  void read_hugeElementInAnArray_isCutWhileReadingAndTheNextElementIsKept() throws IOException {
    Collected out = readHuge("[{\"blob\":\"", 'y', 64L * 1024 * 1024, "\"},{\"c\":3}]");

    assertThat(out.records).containsExactly("{\"c\":3}");
    assertThat(out.deadLetters).singleElement().asString().startsWith("line 1, [0] | record is ");
    assertThat(out.deadPayloads.get(0)).hasSize(1024);
  }

  /** Reads, with a 1 KiB limit, a text with a run of {@code count} generated bytes inside. */
  private static Collected readHuge(String before, char fill, long count, String after)
      throws IOException {
    InputStream input =
        new SequenceInputStream(
            new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)),
            new SequenceInputStream(
                new RepeatedByte(fill, count),
                new ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8))));
    Collected out = new Collected();
    reader(1024, null).read(input, out);
    return out;
  }

  /** A stream of one byte repeated, generated as read. */
  private static final class RepeatedByte extends InputStream {
    private final int value;
    private long left;

    RepeatedByte(int value, long count) {
      this.value = value;
      this.left = count;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return value;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(count, left);
      java.util.Arrays.fill(target, offset, offset + n, (byte) value);
      left -= n;
      return n;
    }
  }
}
