package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.quality.RowView;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyDerivationsTest {
  private static final List<String> CANDIDATES = List.of("a", "b", "c");

  private static RowView row(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return values::get;
  }

  private static Object compute(Derivation derivation, RowView row) {
    return ((Derivation.Custom) derivation).function().apply(row);
  }

  @Test
  void firstPresent_skipsNullAndBlank_takesTheFirstPresentColumn() {
    RowView row = row("a", "  ", "b", "SSN:1", "c", "uuid-c");

    assertThat(compute(Derivation.firstPresent(CANDIDATES), row)).isEqualTo("SSN:1");
    assertThat(compute(Derivation.firstPresentColumn(CANDIDATES), row)).isEqualTo("b");
    assertThat(Derivation.firstPresent(CANDIDATES).inputs()).isEqualTo(CANDIDATES);
  }

  @Test
  void firstPresent_nonePresent_isNull() {
    assertThat(compute(Derivation.firstPresent(CANDIDATES), row("a", ""))).isNull();
    assertThat(compute(Derivation.firstPresentColumn(CANDIDATES), row())).isNull();
  }

  @Test
  void joined_allPresent_joinsStrippedValues_elseNull() {
    Derivation key = Derivation.joined(":", "type", "value");

    assertThat(compute(key, row("type", " SSN ", "value", "123-45-6789")))
        .isEqualTo("SSN:123-45-6789");
    assertThat(compute(key, row("type", "SSN", "value", " "))).isNull();
    assertThat(compute(key, row("value", "123"))).isNull();
    assertThat(key.describe()).isEqualTo("joined[type, value]");
  }

  @Test
  void nameUuid_sameValuesAnyCaseOrOffset_giveTheSameVersion3Uuid() {
    Derivation key = Derivation.nameUuid("email", "born_at");
    Object first =
        compute(
            key,
            row("email", "Ada@Example.com ", "born_at", OffsetDateTime.parse("1990-01-02T03:04Z")));
    Object second =
        compute(
            key,
            row(
                "email",
                "ada@example.com",
                "born_at",
                OffsetDateTime.parse("1990-01-02T05:04+02:00")));

    String expectedName = "ada@example.com\u001f1990-01-02T03:04Z";
    assertThat(first)
        .isEqualTo(second)
        .isEqualTo(
            UUID.nameUUIDFromBytes(expectedName.getBytes(StandardCharsets.UTF_8)).toString());
    assertThat(UUID.fromString((String) first).version()).isEqualTo(3);
  }

  @Test
  void nameUuid_differentValuesOrMissingInput_differOrAreNull() {
    Derivation key = Derivation.nameUuid("email", "born_at");
    OffsetDateTime born = OffsetDateTime.parse("1990-01-02T03:04Z");

    assertThat(compute(key, row("email", "ada@example.com", "born_at", born)))
        .isNotEqualTo(compute(key, row("email", "bob@example.com", "born_at", born)));
    assertThat(compute(key, row("email", "ada@example.com"))).isNull();
  }
}
