package io.medallion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import org.junit.jupiter.api.Test;

class MaskingBuilderTest {
  private static Masking.Builder contacts() {
    return Masking.builder()
        .plain("nationality")
        .email("email")
        .phone("phone", "cell")
        .name("first_name")
        .secret("password");
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualMasking() {
    Masking masking = contacts().build();

    Masking copy = masking.toBuilder().build();

    assertThat(copy).isNotSameAs(masking).isEqualTo(masking).hasSameHashCodeAs(masking);
    assertThat(copy.kindOf("cell")).isEqualTo(Masking.Kind.PHONE);
    assertThat(copy.mask("password", "hunter2")).isEqualTo(Masking.REDACTED);
  }

  @Test
  void toBuilder_columnGivenAKindOnceMore_changesOnlyThatColumn() {
    Masking masking = contacts().build();

    Masking shown = masking.toBuilder().plain("email").build();

    assertThat(shown.kindOf("email")).isEqualTo(Masking.Kind.PLAIN);
    assertThat(shown.mask("email", "jane@example.com")).isEqualTo("jane@example.com");
    assertThat(shown).isNotEqualTo(masking);
    assertThat(shown.toBuilder().email("email").build()).isEqualTo(masking);
  }

  @Test
  void build_columnGivenTwoKinds_problemNamesTheColumnAndBothKinds() {
    Masking.Builder builder =
        contacts().plain("password").email("contact").phone("contact").email("email");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "column 'password' is given two kinds: SECRET, then PLAIN; give it one",
                        "column 'contact' is given two kinds: EMAIL, then PHONE; give it one"));
  }

  @Test
  void build_columnGivenTwoKindsAfterToBuilder_isAProblem() {
    Masking masking = contacts().build();

    assertThatThrownBy(() -> masking.toBuilder().plain("email").name("email").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'email' is given two kinds: PLAIN, then NAME; give it one");
  }

  @Test
  void kindMethods_givenAgain_addColumnsToTheKind() {
    Masking masking =
        Masking.builder()
            .email("email")
            .email("work_email")
            .kind(Masking.Kind.EMAIL, "old")
            .build();

    assertThat(masking.kindOf("email")).isEqualTo(Masking.Kind.EMAIL);
    assertThat(masking.kindOf("work_email")).isEqualTo(Masking.Kind.EMAIL);
    assertThat(masking.kindOf("old")).isEqualTo(Masking.Kind.EMAIL);
    assertThat(masking.kindOf("street")).isEqualTo(Masking.Kind.TEXT);
  }
}
