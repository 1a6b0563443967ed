package io.medallion.core.internal.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {
  private final JsonRecordReader reader = new JsonRecordReader(1 << 20);

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
    assertThat(out.deadPayloads.get(0)).isEqualTo(",{\"c\":");
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
    JsonRecordReader small = new JsonRecordReader(1024);
    String big = "{\"blob\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    Collected out = read(small, "{\"a\":1}\n" + big + "\n{\"c\":3}\n");

    assertThat(out.records).containsExactly("{\"a\":1}", "{\"c\":3}");
    assertThat(out.deadLetters)
        .containsExactly(
            "line 2 | record is 10485771 bytes, more than the limit of 1024"
                + " (BronzeTable.maxRecordBytes)");
    assertThat(out.deadPayloads.get(0)).isEqualTo(big);
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
}
