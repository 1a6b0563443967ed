package io.medallion.core.internal.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {
  @Test
  void isValid_textInEveryByteLength_isTrue() {
    String text = "plain ASCII, Zoë, €uro, 漢字, 😀 and \u0000";

    assertThat(Utf8Check.isValid(text.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "80", // continuation byte first
        "c0af", // overlong '/'
        "e080af", // overlong three-byte form
        "eda080", // surrogate half
        "e282", // truncated euro sign
        "f4908080", // past U+10FFFF
        "f5808080", // lead byte that never occurs
        "c328" // lead byte without continuation
      })
  void isValid_malformedSequences_isFalse(String hex) {
    assertThat(Utf8Check.isValid(bytes(hex))).isFalse();
  }

  @Test
  void isValid_randomBytes_agreesWithTheJdksStrictDecoder() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      assertThat(Utf8Check.isValid(bytes)).as(hex(bytes)).isEqualTo(strictlyDecodes(bytes));
    }
  }

  @Test
  void isValid_badByteAtEveryPositionOfAnAsciiRun_isFalse() {
    for (int length = 1; length <= 40; length++) {
      for (int at = 0; at < length; at++) {
        byte[] bytes = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
        bytes[at] = (byte) 0xFF;
        assertThat(Utf8Check.isValid(bytes)).as(length + " bytes, bad at " + at).isFalse();
        bytes[at] = (byte) 0xC3;
        assertThat(Utf8Check.isValid(bytes)).as(length + " bytes, cut at " + at).isFalse();
      }
    }
  }

  @Test
  void isValid_longMixedText_agreesWithTheJdksStrictDecoder() {
    Random random = new Random(11);
    byte[] pieces = "ascii text, Zoë, €, 漢, 😀".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[8 + random.nextInt(64)];
      for (int k = 0; k < bytes.length; k++) {
        bytes[k] = pieces[random.nextInt(pieces.length)];
      }
      if (random.nextBoolean()) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      assertThat(Utf8Check.isValid(bytes)).as(hex(bytes)).isEqualTo(strictlyDecodes(bytes));
    }
  }

  private static boolean strictlyDecodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02x", b));
    }
    return text.toString();
  }
}
