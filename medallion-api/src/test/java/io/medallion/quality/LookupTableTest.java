package io.medallion.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupTableTest {
  @Test
  void ofValues_comparesKeysAndValuesIgnoringCaseAndSpace() {
    LookupTable countries =
        LookupTable.ofValues("country_of", Map.of("GB", Set.of("United Kingdom", "UK")));

    assertThat(countries.allows(" gb", "united kingdom ")).isTrue();
    assertThat(countries.allows("GB", "France")).isFalse();
    assertThat(countries.allows("FR", "France")).isNull();
  }

  @Test
  void ofPatterns_matchesTheWholeStrippedValue() {
    LookupTable postcodes =
        LookupTable.ofPatterns("postcode_format", Map.of("NL", "\\d{4} ?[A-Z]{2}"));

    assertThat(postcodes.allows("nl", " 1234 ab ")).isTrue();
    assertThat(postcodes.allows("NL", "1234 AB 5")).isFalse();
    assertThat(postcodes.allows("DE", "10115")).isNull();
    assertThat(postcodes.toString()).isEqualTo("postcode_format (1 keys)");
  }

  @Test
  void ofPatterns_badExpression_namesTableAndKey() {
    assertThatThrownBy(() -> LookupTable.ofPatterns("postcode_format", Map.of("DE", "[0-9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Lookup table 'postcode_format': invalid regular expression for key 'DE': ");
  }

  @Test
  void ofValues_emptyValuesOrKeysDifferingInCase_areRejected() {
    assertThatThrownBy(() -> LookupTable.ofValues("t", Map.of("GB", List.of())))
        .hasMessage("Lookup table 't' maps key 'GB' to no value");
    assertThatThrownBy(
            () -> LookupTable.ofValues("t", Map.of("GB", Set.of("UK"), "gb", Set.of("UK"))))
        .hasMessageContaining("twice (keys ignore case)");
  }

  @Test
  void equality_comparesNameAndContent() {
    assertThat(LookupTable.ofPatterns("p", Map.of("DE", "\\d{5}")))
        .isEqualTo(LookupTable.ofPatterns("p", Map.of("de", "\\d{5}")))
        .isNotEqualTo(LookupTable.ofPatterns("p", Map.of("DE", "\\d{4}")));
    assertThat(
            Rule.inLookup("country", "nat", LookupTable.ofValues("c", Map.of())).check().describe())
        .isEqualTo("country allowed for nat by c");
  }
}
