package io.medallion.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTest {
  @Test
  void factories_nameRulesAfterTheirColumn() {
    assertThat(Rule.notNull("email").name()).isEqualTo("email_not_null");
    assertThat(Rule.matches("email", ".+@.+").name()).isEqualTo("email_format");
    assertThat(Rule.range("age", 0, 120).name()).isEqualTo("age_range");
    assertThat(Rule.allowedValues("gender", Set.of("male")).name()).isEqualTo("gender_allowed");
  }

  @Test
  void factories_columnWithCaseOrSymbols_makeAValidName() {
    assertThat(Rule.notNull("E-Mail").name()).isEqualTo("e_mail_not_null");
    assertThat(Rule.range("2nd score", 0, 1).name()).isEqualTo("rule_2nd_score_range");
    assertThat(Rule.range("age", 0, Double.POSITIVE_INFINITY).check().describe())
        .isEqualTo("age between 0 and infinity");
  }

  @Test
  void withers_returnNewRulesAndKeepTheOriginal() {
    Rule base = Rule.notNull("email");
    Rule tuned = base.named("email_present").weight(2).critical();

    assertThat(base.weight()).isEqualTo(1.0);
    assertThat(base.severity()).isEqualTo(Severity.WARNING);
    assertThat(tuned.toString())
        .isEqualTo("email_present: email is present (completeness, weight 2.0, critical)");
  }

  @Test
  void weight_notPositive_rejectedNamingRuleAndValue() {
    assertThatThrownBy(() -> Rule.notNull("email").weight(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid weight 0.0 for rule 'email_not_null': expected a finite number > 0");
  }

  @Test
  void matches_badRegex_rejectedNamingColumn() {
    assertThatThrownBy(() -> Rule.matches("email", "(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid regular expression for 'email': ");
  }

  @Test
  void range_minAboveMax_rejected() {
    assertThatThrownBy(() -> Rule.range("age", 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid range for 'age': min 10.0 must be <= max 5.0");
  }

  @Test
  void policy_outOfRange_rejected() {
    assertThatThrownBy(() -> QualityPolicy.minScore(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid minimum score 1.5: expected a number from 0 to 1");
    assertThat(QualityPolicy.minScore(0.8).below(PolicyAction.KEEP_FLAGGED).toString())
        .isEqualTo("min score 0.8, else KEEP_FLAGGED");
  }
}
