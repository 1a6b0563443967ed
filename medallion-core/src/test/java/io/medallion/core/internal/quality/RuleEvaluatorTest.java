package io.medallion.core.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.quality.DerivedValue;
import io.medallion.quality.Dimension;
import io.medallion.quality.FailedRule;
import io.medallion.quality.LookupTable;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.RowView;
import io.medallion.quality.Rule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T12:00:00Z");

  /** Accepts only addresses at example.com and phones starting with '+'. */
  private static final ContactChecks CONTACTS =
      new ContactChecks() {
        @Override
        public String emailProblem(String address) {
          return address.endsWith("@example.com") ? null : "domain is not example.com";
        }

        @Override
        public String phoneProblem(String phone, String region, Set<String> types) {
          return phone.startsWith("+") ? null : "not a number for region " + region;
        }
      };

  private static final LookupTable COUNTRIES =
      LookupTable.ofValues(
          "country_of", Map.of("DE", Set.of("Germany", "Deutschland"), "FR", Set.of("France")));

  private static final LookupTable POSTCODES =
      LookupTable.ofPatterns("postcode_format", Map.of("DE", "\\d{5}", "GB", "[A-Z]{1,2}\\d.*"));

  private static RowView row(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return values::get;
  }

  private static RowQuality evaluate(List<Rule> rules, RowView row) {
    return new RuleEvaluator(rules, QualityPolicy.minScore(0.5), NOW, CONTACTS)
        .evaluate(row, List.of());
  }

  @Test
  void evaluate_scoresEachDimensionByWeight() {
    List<Rule> rules =
        List.of(
            Rule.notNull("email").weight(3),
            Rule.notNull("phone"),
            Rule.validEmail("email"),
            Rule.range("age", 0, 120),
            Rule.afterBirth("registered", "born", 13));

    RowQuality quality =
        evaluate(
            rules,
            row(
                "email",
                "a@other.org",
                "age",
                30,
                "registered",
                LocalDate.of(2000, 1, 1),
                "born",
                LocalDate.of(1995, 1, 1)));

    assertThat(quality.completeness()).isEqualTo(0.75);
    assertThat(quality.validity()).isEqualTo(0.5);
    assertThat(quality.consistency()).isEqualTo(0.0);
    assertThat(quality.score()).isEqualTo(4.0 / 7.0);
    assertThat(quality.failures())
        .extracting(FailedRule::toString)
        .containsExactly(
            "phone_not_null: phone is missing",
            "email_valid: domain is not example.com",
            "registered_after_born: registered 2000-01-01 is less than 13 years after born"
                + " 1995-01-01");
    assertThat(quality.outcomes()).containsExactly(0, 1, 1, 0, 1);
    assertThat(quality.forcedAction()).isNull();
  }

  @Test
  void evaluate_missingInput_skipsTheRuleWithoutCountingIt() {
    RowQuality quality =
        evaluate(
            List.of(Rule.validPhone("phone", "nat"), Rule.range("age", 0, 1)), row("nat", "CH"));

    assertThat(quality.outcomes()).containsExactly(2, 2);
    assertThat(quality.score()).isEqualTo(1.0);
  }

  @Test
  void evaluate_ruleActions_strongestWins() {
    List<Rule> rules =
        List.of(
            Rule.notNull("a").onFailure(PolicyAction.KEEP_FLAGGED),
            Rule.notNull("b").critical(),
            Rule.notNull("c").onFailure(PolicyAction.FAIL_BATCH));

    assertThat(evaluate(rules, row("b", 1, "c", 1)).forcedAction())
        .isEqualTo(PolicyAction.KEEP_FLAGGED);
    assertThat(evaluate(rules, row("c", 1)).forcedAction()).isEqualTo(PolicyAction.QUARANTINE);
    assertThat(evaluate(rules, row()).forcedAction()).isEqualTo(PolicyAction.FAIL_BATCH);
    assertThat(evaluate(rules, row("a", 1, "b", 1, "c", 1)).forcedAction()).isNull();
  }

  @Test
  void evaluate_consistencyChecks_explainTheMismatch() {
    List<Rule> rules =
        List.of(
            Rule.matchesDerived("age", DerivedValue.YEARS_SINCE, List.of("born"), -2, 0),
            Rule.inLookup("country", "nat", COUNTRIES),
            Rule.inLookup("postcode", "nat", POSTCODES),
            Rule.notInFuture("registered"),
            Rule.length("nat", 2, 2));

    RowQuality bad =
        evaluate(
            rules,
            row(
                "age",
                20,
                "born",
                OffsetDateTime.parse("1960-05-01T00:00:00Z"),
                "country",
                "France",
                "nat",
                "DE",
                "postcode",
                "1234",
                "registered",
                OffsetDateTime.parse("2027-01-01T00:00:00Z")));
    RowQuality good =
        evaluate(
            rules,
            row(
                "age",
                64,
                "born",
                OffsetDateTime.parse("1960-05-01T00:00:00Z"),
                "country",
                "Germany",
                "nat",
                "de",
                "postcode",
                "10115",
                "registered",
                OffsetDateTime.parse("2020-01-01T00:00:00Z")));

    assertThat(bad.failures())
        .extracting(FailedRule::toString)
        .containsExactly(
            "age_matches_born: age 20 but years_since(born) is 66",
            "country_matches_nat: 'France' is not allowed for 'DE' by country_of",
            "postcode_matches_nat: '1234' is not allowed for 'DE' by postcode_format",
            "registered_not_in_future: 2027-01-01T00:00Z is in the future");
    assertThat(good.failures()).isEmpty();
    assertThat(good.consistency()).isEqualTo(1.0);
    assertThat(rules.get(0).dimension()).isEqualTo(Dimension.CONSISTENCY);
  }

  @Test
  void evaluate_lookupIgnoresCaseAndSkipsUnknownKeys() {
    List<Rule> rules =
        List.of(
            Rule.inLookup("country", "nat", COUNTRIES),
            Rule.inLookup("postcode", "nat", POSTCODES));

    assertThat(
            evaluate(rules, row("country", " germany ", "nat", "de ", "postcode", "10115"))
                .failures())
        .isEmpty();
    assertThat(evaluate(rules, row("country", "Japan", "nat", "JP", "postcode", "1")).outcomes())
        .containsExactly(2, 2);
    assertThat(evaluate(rules, row("country", "Germany", "postcode", "1")).outcomes())
        .containsExactly(2, 2);
  }

  @Test
  void evaluate_yearsBetween_comparesTheColumnWithTheDifference() {
    Rule rule =
        Rule.matchesDerived(
                "age_at_signup", DerivedValue.YEARS_BETWEEN, List.of("born", "registered"), 0, 0)
            .named("signup_age");
    OffsetDateTime born = OffsetDateTime.parse("1990-06-01T00:00:00Z");
    OffsetDateTime registered = OffsetDateTime.parse("2020-05-31T00:00:00Z");

    assertThat(
            evaluate(
                    List.of(rule), row("age_at_signup", 29, "born", born, "registered", registered))
                .failures())
        .isEmpty();
    assertThat(
            evaluate(
                    List.of(rule), row("age_at_signup", 30, "born", born, "registered", registered))
                .failures())
        .extracting(FailedRule::toString)
        .containsExactly("signup_age: age_at_signup 30 but years_between(born, registered) is 29");
    assertThat(evaluate(List.of(rule), row("age_at_signup", 30, "born", born)).outcomes())
        .containsExactly(2);
  }

  @Test
  void matchesDerived_wrongArgumentCount_isRejected() {
    assertThatThrownBy(
            () -> Rule.matchesDerived("age", DerivedValue.YEARS_SINCE, List.of("a", "b"), 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Function years_since takes 1 column(s), got [a, b]");
  }
}
