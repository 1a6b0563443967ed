package io.medallion.core.internal.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleObjectScanTest {
  private static final List<String> RECORDS =
      List.of(
          "{\"gender\":\"female\",\"name\":{\"title\":\"Mlle\",\"first\":\"Zoë\",\"last\":\"Dupré\"},"
              + "\"location\":{\"street\":{\"number\":9015,\"name\":\"Rue de l'Abbé-Migne\"},"
              + "\"coordinates\":{\"latitude\":\"-37.1525\",\"longitude\":\"-1.5E+2\"},"
              + "\"timezone\":{\"offset\":\"+9:30\",\"description\":\"Adelaide, \\\"Darwin\\\"\"}},"
              + "\"email\":\"zoe.dupre@example.com\",\"dob\":{\"age\":-0.5e-3,\"ok\":true},"
              + "\"nat\":null,\"tags\":[],\"ids\":[1,2.25,{\"k\":[false]}],\"x\":\"\\u00e9\\n\\/\"}",
          " \r\n\t{\"name\":\"漢字 😀\", \"phone\" : \"(272) 790-0888\" } \n",
          "{}");

  private static final JsonFactory JACKSON = new JsonFactory();

  @Test
  void find_oneObjectWithWhitespaceAround_returnsTheObjectsBounds() {
    byte[] bytes = RECORDS.get(1).getBytes(StandardCharsets.UTF_8);

    long found = SingleObjectScan.find(bytes);

    int start = (int) (found >>> 32);
    int end = (int) found;
    assertThat(new String(bytes, start, end - start, StandardCharsets.UTF_8))
        .isEqualTo(RECORDS.get(1).strip());
  }

  @Test
  void find_realisticRecords_areAccepted() {
    for (String record : RECORDS) {
      assertThat(SingleObjectScan.find(record.getBytes(StandardCharsets.UTF_8)))
          .as(record)
          .isNotNegative();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "[{}]",
        "\"text\"",
        "{} {}",
        "{\"a\":1}x",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":-}",
        "{\"a\":1e}",
        "{\"a\":tru}",
        "{\"a\":nul}",
        "{\"a\":1,}",
        "{\"a\":[1,]}",
        "{\"a\" 1}",
        "{'a':1}",
        "{a:1}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12G4\"}",
        "{\"a\":\"unterminated}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":NaN}",
        "{\"a\":1",
        "\uFEFF{}"
      })
  void find_anythingButOneWellFormedObject_isUnsure(String text) {
    assertThat(SingleObjectScan.find(text.getBytes(StandardCharsets.UTF_8))).isNegative();
  }

  @Test
  void find_invalidUtf8InAString_isUnsure() {
    byte[] bytes = "{\"a\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
    bytes[6] = (byte) 0xC0;
    bytes[7] = (byte) 0xAF;

    assertThat(SingleObjectScan.find(bytes)).isNegative();
  }

  @Test
  void find_nestingPastItsLimit_isUnsure() {
    String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);

    assertThat(SingleObjectScan.find(deep.getBytes(StandardCharsets.UTF_8))).isNegative();
  }

  /**
   * The property the reader relies on: whatever the scan accepts, Jackson and the UTF-8 check
   * accept too, as exactly one object with the same bounds. Mutations of realistic records reach
   * the corners (cut strings, stray bytes, broken escapes and numbers, bad UTF-8).
   */
  @Test
  void find_mutatedRecords_acceptsOnlyWhatJacksonAcceptsWithTheSameBounds() throws IOException {
    SplittableRandom random = new SplittableRandom(20261203);
    byte[] alphabet =
        "{}[]\":,\\ \t\n0123456789-+.eEtrufalsn/bu\u0000".getBytes(StandardCharsets.US_ASCII);
    int accepted = 0;
    int agreedRejections = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] bytes = RECORDS.get(random.nextInt(RECORDS.size())).getBytes(StandardCharsets.UTF_8);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations && bytes.length > 0; m++) {
        bytes = mutate(bytes, random, alphabet);
      }
      long found = SingleObjectScan.find(bytes);
      long jackson = jacksonBounds(bytes);
      if (found >= 0) {
        accepted++;
        assertThat(jackson).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(found);
      } else if (jackson < 0) {
        agreedRejections++;
      }
    }
    assertThat(accepted).isGreaterThan(1_000);
    assertThat(agreedRejections).isGreaterThan(1_000);
  }

  private static byte[] mutate(byte[] bytes, SplittableRandom random, byte[] alphabet) {
    int at = random.nextInt(bytes.length);
    byte any =
        random.nextBoolean()
            ? alphabet[random.nextInt(alphabet.length)]
            : (byte) random.nextInt(256);
    switch (random.nextInt(4)) {
      case 0:
        byte[] replaced = bytes.clone();
        replaced[at] = any;
        return replaced;
      case 1:
        byte[] inserted = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, inserted, 0, at);
        inserted[at] = any;
        System.arraycopy(bytes, at, inserted, at + 1, bytes.length - at);
        return inserted;
      case 2:
        byte[] removed = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, removed, 0, at);
        System.arraycopy(bytes, at + 1, removed, at, bytes.length - at - 1);
        return removed;
      default:
        return Arrays.copyOf(bytes, at);
    }
  }

  /** Jackson's verdict in the scan's terms: bounds of the one root object, or -1. */
  private static long jacksonBounds(byte[] bytes) throws IOException {
    if (!Utf8Check.isValid(bytes)) {
      return -1;
    }
    try (JsonParser parser = JACKSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      long start = parser.currentTokenLocation().getByteOffset();
      parser.skipChildren();
      long end = parser.currentLocation().getByteOffset();
      if (parser.nextToken() != null) {
        return -1;
      }
      return (start << 32) | end;
    } catch (IOException e) {
      return -1;
    }
  }
}
