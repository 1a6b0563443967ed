package io.medallion.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import org.junit.jupiter.api.Test;

class DefinitionBuildersTest {
  @Test
  void ruleToBuilder_changesSeveralPropertiesAndKeepsTheRest() {
    Rule base = Rule.notNull("email");

    Rule changed =
        base.toBuilder()
            .name("email_present")
            .weight(2)
            .severity(Severity.CRITICAL)
            .onFailure(PolicyAction.FAIL_BATCH)
            .build();

    assertThat(changed)
        .isEqualTo(
            new Rule("email_present", base.check(), 2, Severity.CRITICAL, PolicyAction.FAIL_BATCH));
    assertThat(base.toBuilder().build()).isEqualTo(base);
  }

  @Test
  void ruleToBuilder_propertySetTwiceAndBadValues_reportsEveryProblem() {
    Rule.Builder builder = Rule.notNull("email").toBuilder().weight(2).weight(3).name("Bad Name");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "weight is set twice: 2.0, then 3.0; set it once",
                        "name 'Bad Name' is invalid: expected lower-case letters, digits and"
                            + " underscores"))
        .hasMessageStartingWith("Invalid rule 'Bad Name' (2 problems):");
  }

  @Test
  void datasetRuleToBuilder_renamesAndFailsBatch_butNotBothWaysAtOnce() {
    DatasetRule rule = DatasetRule.unique("user_id");

    assertThat(rule.toBuilder().name("one_row_per_user").failBatch().build())
        .isEqualTo(new DatasetRule("one_row_per_user", rule.check(), PolicyAction.FAIL_BATCH));
    assertThatThrownBy(() -> rule.toBuilder().failBatch().warn().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("action is set twice: FAIL_BATCH, then KEEP_FLAGGED; set it once");
  }

  @Test
  void policyToBuilder_setsOnceAndValidatesTheScore() {
    assertThat(
            QualityPolicy.DEFAULT.toBuilder()
                .minScore(0.8)
                .below(PolicyAction.KEEP_FLAGGED)
                .build())
        .isEqualTo(new QualityPolicy(0.8, PolicyAction.KEEP_FLAGGED));
    assertThatThrownBy(() -> QualityPolicy.DEFAULT.toBuilder().minScore(0.5).minScore(1.5).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "minScore is set twice: 0.5, then 1.5; set it once",
                        "minimum score 1.5 is invalid: expected a number from 0 to 1"));
  }
}
