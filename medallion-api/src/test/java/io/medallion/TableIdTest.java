package io.medallion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableIdTest {
  @Test
  void parse_dottedName_splitsNamespaceAndName() {
    assertThat(TableId.parse("silver.users")).isEqualTo(TableId.of("silver", "users"));
    assertThat(TableId.of("silver", "users").toString()).isEqualTo("silver.users");
  }

  @Test
  void of_upperCaseName_rejectedNamingTheValue() {
    assertThatThrownBy(() -> TableId.of("silver", "Users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid table name 'Users': expected a lower-case letter followed by up to 127"
                + " lower-case letters, digits or underscores");
  }

  @Test
  void parse_withoutDot_rejected() {
    assertThatThrownBy(() -> TableId.parse("users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot parse table id 'users': expected namespace.name");
  }

  @Test
  void withSuffix_keepsNamespace() {
    assertThat(TableId.of("bronze", "raw").withSuffix("_dead_letter"))
        .isEqualTo(TableId.of("bronze", "raw_dead_letter"));
  }
}
