package io.medallion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {
  private final Masking masking =
      Masking.builder()
          .plain("nationality")
          .email("email")
          .phone("phone")
          .name("first_name")
          .secret("password")
          .build();

  @Test
  void email_keepsFirstCharacterAndDomain() {
    assertThat(Masking.email("jane.doe@example.com")).isEqualTo("j***@example.com");
    assertThat(Masking.email("a@b.ch")).isEqualTo("a***@b.ch");
  }

  @Test
  void email_withoutLocalPartOrDomain_isMaskedAsText() {
    assertThat(Masking.email("not-an-email")).isEqualTo("n***l");
    assertThat(Masking.email("@example.com")).isEqualTo("@***m");
    assertThat(Masking.email("jane@")).isEqualTo("j***@");
  }

  @Test
  void phone_international_keepsPlusTwoDigitsAndLastTwo() {
    assertThat(Masking.phone("+41791234567")).isEqualTo("+41*******67");
    assertThat(Masking.phone("+41 79 123 45 67")).isEqualTo("+41*******67");
  }

  @Test
  void phone_national_keepsOnlyLastTwoDigits() {
    assertThat(Masking.phone("079 123 45 67")).isEqualTo("********67");
    assertThat(Masking.phone("(079)-ABC-12")).isEqualTo("***12");
  }

  @Test
  void phone_tooFewDigits_hidesEverything() {
    assertThat(Masking.phone("+4179")).isEqualTo("***");
    assertThat(Masking.phone("n/a")).isEqualTo("***");
    assertThat(Masking.phone("+123456")).isEqualTo("+****56");
  }

  @Test
  void name_keepsFirstLetter() {
    assertThat(Masking.name("Zoë")).isEqualTo("Z***");
    assertThat(Masking.name("  Jane ")).isEqualTo("J***");
    assertThat(Masking.name("   ")).isEmpty();
  }

  @Test
  void text_keepsFirstAndLastCharacter() {
    assertThat(Masking.text("Zurich")).isEqualTo("Z***h");
    assertThat(Masking.text("abcd")).isEqualTo("a***d");
  }

  @Test
  void text_shortValues_areHiddenEntirely() {
    assertThat(Masking.text("CH")).isEqualTo("***");
    assertThat(Masking.text("abc")).isEqualTo("***");
    assertThat(Masking.text("")).isEmpty();
  }

  @Test
  void text_surrogatePairs_areNotSplit() {
    assertThat(Masking.text("\uD83D\uDE00abc\uD83D\uDE01"))
        .isEqualTo("\uD83D\uDE00***\uD83D\uDE01");
  }

  @Test
  void mask_secretColumn_neverShowsValue() {
    assertThat(masking.mask("password", "hunter2")).isEqualTo(Masking.REDACTED);
    assertThat(masking.mask("password", null)).isEqualTo(Masking.REDACTED);
  }

  @Test
  void mask_unclassifiedColumn_isMaskedAsText() {
    assertThat(masking.kindOf("street")).isEqualTo(Masking.Kind.TEXT);
    assertThat(masking.mask("street", "Bahnhofstrasse 1")).isEqualTo("B***1");
  }

  @Test
  void mask_nullValue_showsNullMarker() {
    assertThat(masking.mask("email", null)).isEqualTo(Masking.NULL);
  }

  @Test
  void mask_row_keepsColumnOrderAndMasksEachColumn() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("password", "hunter2");
    row.put("email", "jane.doe@example.com");
    row.put("nationality", "CH");
    row.put("phone", "+41791234567");
    row.put("first_name", "Jane");
    row.put("age", 42);

    Map<String, String> masked = masking.mask(row);

    assertThat(masked)
        .containsExactly(
            Map.entry("password", "[redacted]"),
            Map.entry("email", "j***@example.com"),
            Map.entry("nationality", "CH"),
            Map.entry("phone", "+41*******67"),
            Map.entry("first_name", "J***"),
            Map.entry("age", "***"));
    assertThat(masked.values()).doesNotContain("hunter2");
  }
}
