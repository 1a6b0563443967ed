package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.quality.FailedRule;
import io.medallion.quality.PolicyAction;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A record validated alone gets the columns, score and verdict a silver run would give it. */
class RecordValidatorTest {
  private final RecordValidator validator =
      RecordValidator.of(
          TestPipelines.PEOPLE,
          Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC),
          EmailValidator.builder().build());

  @Test
  void validate_cleanRecord_keptWithTypedStandardizedColumns() {
    ValidatedRecord checked =
        validator.validate(
            "{\"id\":\"a\",\"name\":\"  ada LOVELACE \",\"email\":\"Ada@Example.org\","
                + "\"country\":\"ch\",\"phone\":\"044 668 18 00\",\"age\":36,"
                + "\"dob\":\"1990-06-01T00:00:00Z\",\"updated\":\"2025-01-01T00:00:00Z\"}");

    assertThat(checked.kept()).isTrue();
    assertThat(checked.action()).isEmpty();
    assertThat(checked.score()).isEqualTo(1.0);
    assertThat(checked.failures()).isEmpty();
    assertThat(checked.values())
        .containsEntry("name", "Ada Lovelace")
        .containsEntry("email", "ada@example.org")
        .containsEntry("country", "CH")
        .containsEntry("phone", "+41446681800")
        .containsEntry("born_at", OffsetDateTime.parse("1990-06-01T00:00:00Z"))
        .containsEntry("generation", "Millennial");
    assertThat(checked.values().keySet()).startsWith("id", "name", "email");
  }

  @Test
  void validate_missingCriticalKey_quarantinedNamingTheRule() {
    ValidatedRecord checked = validator.validate("{\"country\":\"CH\",\"age\":30}");

    assertThat(checked.kept()).isFalse();
    assertThat(checked.action()).contains(PolicyAction.QUARANTINE);
    assertThat(checked.failures()).extracting(FailedRule::rule).contains("id_not_null");
  }

  @Test
  void validate_numberWhereATimeIsExpected_isATypeProblem() {
    ValidatedRecord checked = validator.validate("{\"id\":\"b\",\"dob\":12345}");

    assertThat(checked.kept()).isFalse();
    assertThat(checked.values().get("born_at")).isNull();
    assertThat(checked.failures())
        .extracting(FailedRule::toString)
        .anyMatch(f -> f.contains("12345"));
  }

  @Test
  void validate_notJson_namesTheTable() {
    assertThatThrownBy(() -> validator.validate("{\"id\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a JSON record for silver.people: ");
  }
}
