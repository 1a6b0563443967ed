package io.medallion.core.dqdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.quality.Check;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import io.medallion.quality.Severity;
import io.medallion.quality.Threshold;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DqdlRulesetTest {

  private static DqdlRuleset parse(String rules) {
    return DqdlRuleset.parse("Rules = [ " + rules + " ]");
  }

  @Test
  void parse_isComplete_mapsToNotNull() {
    DqdlRuleset ruleset = parse("IsComplete \"email\"");

    assertThat(ruleset.rules())
        .containsExactly(Rule.notNull("email").named("dqdl_1_is_complete_email"));
    assertThat(ruleset.datasetRules()).isEmpty();
  }

  @Test
  void parse_completenessAbove_mapsToNotNullAndPassRateJustAbove() {
    DqdlRuleset ruleset = parse("Completeness \"email\" > 0.95");

    assertThat(ruleset.rules())
        .containsExactly(Rule.notNull("email").named("dqdl_1_completeness_email"));
    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.passRate("dqdl_1_completeness_email", Threshold.of(Math.nextUp(0.95))));
    assertThat(ruleset.datasetRules().get(0).name())
        .isEqualTo("dqdl_1_completeness_email_pass_rate");
  }

  @Test
  void parse_completenessAtLeast_mapsToPassRateAtThatValue() {
    DqdlRuleset ruleset = parse("Completeness \"email\" >= 0.9");

    assertThat(ruleset.datasetRules())
        .containsExactly(DatasetRule.passRate("dqdl_1_completeness_email", Threshold.of(0.9)));
  }

  @Test
  void parse_completenessBetweenWithUpperAboveOne_usesExclusiveLowerBound() {
    DqdlRuleset ruleset = parse("Completeness \"email\" between 0.9 and 1.1");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.passRate("dqdl_1_completeness_email", Threshold.of(Math.nextUp(0.9))));
  }

  @Test
  void parse_completenessEqualsOne_requiresEveryRow() {
    DqdlRuleset ruleset = parse("Completeness \"email\" = 1.0");

    assertThat(ruleset.datasetRules())
        .containsExactly(DatasetRule.passRate("dqdl_1_completeness_email", Threshold.of(1.0)));
  }

  @Test
  void parse_completenessAboveHistoricalAverage_mapsToHistoricalMean() {
    DqdlRuleset ruleset = parse("Completeness \"email\" >= avg(last(5)) - 0.05");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.passRate("dqdl_1_completeness_email", Threshold.historicalMean(5, -0.05)));
  }

  @Test
  void parse_columnValuesBetween_mapsToRangeExcludingBothBounds() {
    DqdlRuleset ruleset = parse("ColumnValues \"age\" between 0 and 120");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.range("age", Math.nextUp(0.0), Math.nextDown(120.0))
                .named("dqdl_1_column_values_age"));
  }

  @Test
  void parse_columnValuesComparisons_mapToOpenEndedRanges() {
    DqdlRuleset ruleset =
        parse(
            "ColumnValues \"a\" > -1.5, ColumnValues \"a\" >= 0, ColumnValues \"a\" < 10,"
                + " ColumnValues \"a\" <= 10, ColumnValues \"a\" = 5");

    assertThat(ruleset.rules())
        .extracting(Rule::check)
        .containsExactly(
            new Check.InRange("a", Math.nextUp(-1.5), Double.POSITIVE_INFINITY),
            new Check.InRange("a", 0, Double.POSITIVE_INFINITY),
            new Check.InRange("a", Double.NEGATIVE_INFINITY, Math.nextDown(10.0)),
            new Check.InRange("a", Double.NEGATIVE_INFINITY, 10),
            new Check.InRange("a", 5, 5));
    assertThat(ruleset.rules())
        .extracting(Rule::name)
        .containsExactly(
            "dqdl_1_column_values_a",
            "dqdl_2_column_values_a",
            "dqdl_3_column_values_a",
            "dqdl_4_column_values_a",
            "dqdl_5_column_values_a");
  }

  @Test
  void parse_columnValuesIn_mapsToAllowedValuesWithoutNullKeywords() {
    DqdlRuleset ruleset =
        parse("ColumnValues \"gender\" in [\"male\", \"female\", NULL, EMPTY, WHITESPACES_ONLY]");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.allowedValues("gender", Set.of("male", "female"))
                .named("dqdl_1_column_values_gender"));
  }

  @Test
  void parse_columnValuesEqualsText_mapsToSingleAllowedValue() {
    DqdlRuleset ruleset = parse("ColumnValues \"status\" = \"active\"");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.allowedValues("status", Set.of("active")).named("dqdl_1_column_values_status"));
  }

  @Test
  void parse_columnValuesInVariable_usesDeclaredValues() {
    DqdlRuleset ruleset =
        DqdlRuleset.parse(
            "genders = [\"male\", \"female\"]\nRules = [ ColumnValues \"gender\" in $genders ]");

    assertThat(ruleset.rules())
        .extracting(Rule::check)
        .containsExactly(new Check.AllowedValues("gender", Set.of("male", "female")));
  }

  @Test
  void parse_columnValuesMatches_mapsToMatches() {
    DqdlRuleset ruleset = parse("ColumnValues \"code\" matches \"[A-Z]{2}\"");

    assertThat(ruleset.rules())
        .containsExactly(Rule.matches("code", "[A-Z]{2}").named("dqdl_1_column_values_code"));
  }

  @Test
  void parse_columnValuesNotAfterNow_mapsToNotInFuture() {
    DqdlRuleset ruleset =
        parse("ColumnValues \"born_at\" <= now(), ColumnValues \"born_at\" < now()");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.notInFuture("born_at").named("dqdl_1_column_values_born_at"),
            Rule.notInFuture("born_at").named("dqdl_2_column_values_born_at"));
  }

  @Test
  void parse_columnValuesWithThreshold_addsPassRateOfTheRowRule() {
    DqdlRuleset ruleset =
        parse(
            "ColumnValues \"age\" >= 0 with threshold > 0.9,"
                + " ColumnValues \"gender\" in [\"f\"] with threshold >= avg(last(3))");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.range("age", 0, Double.POSITIVE_INFINITY).named("dqdl_1_column_values_age"),
            Rule.allowedValues("gender", Set.of("f")).named("dqdl_2_column_values_gender"));
    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.passRate("dqdl_1_column_values_age", Threshold.of(Math.nextUp(0.9))),
            DatasetRule.passRate("dqdl_2_column_values_gender", Threshold.historicalMean(3, 0)));
  }

  @Test
  void parse_columnLength_mapsBoundsToWholeLengths() {
    DqdlRuleset ruleset =
        parse(
            "ColumnLength \"nat\" = 2, ColumnLength \"nat\" between 1 and 5,"
                + " ColumnLength \"nat\" > 2.5, ColumnLength \"nat\" <= 10,"
                + " ColumnLength \"nat\" < 3");

    assertThat(ruleset.rules())
        .extracting(Rule::check)
        .containsExactly(
            new Check.Length("nat", 2, 2),
            new Check.Length("nat", 2, 4),
            new Check.Length("nat", 3, Integer.MAX_VALUE),
            new Check.Length("nat", 0, 10),
            new Check.Length("nat", 0, 2));
    assertThat(ruleset.rules().get(0).name()).isEqualTo("dqdl_1_column_length_nat");
  }

  @Test
  void parse_isUnique_mapsToUnique() {
    DqdlRuleset ruleset = parse("IsUnique \"user_id\"");

    assertThat(ruleset.rules()).isEmpty();
    assertThat(ruleset.datasetRules())
        .containsExactly(DatasetRule.unique("user_id").named("dqdl_1_is_unique_user_id"));
  }

  @Test
  void parse_isPrimaryKey_mapsToUniqueAndNotNullPerColumn() {
    DqdlRuleset ruleset = parse("IsPrimaryKey \"order_id\" \"line\"");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.unique("order_id", "line").named("dqdl_1_is_primary_key_order_id_line"));
    assertThat(ruleset.rules())
        .containsExactly(
            Rule.notNull("order_id").named("dqdl_1_is_primary_key_order_id_line_not_null_order_id"),
            Rule.notNull("line").named("dqdl_1_is_primary_key_order_id_line_not_null_line"));
  }

  @Test
  void parse_uniqueness_mapsToDistinctRatio() {
    DqdlRuleset ruleset = parse("Uniqueness \"email\" > 0.9, Uniqueness \"email\" = 1.0");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.distinctRatio("email", Math.nextUp(0.9)).named("dqdl_1_uniqueness_email"),
            DatasetRule.distinctRatio("email", 1.0).named("dqdl_2_uniqueness_email"));
  }

  @Test
  void parse_rowCount_mapsExclusiveBoundsToWholeCounts() {
    DqdlRuleset ruleset =
        parse("RowCount between 1 and 100000, RowCount > 100, RowCount <= 50, RowCount = 7");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.rowCount(2, 99_999).named("dqdl_1_row_count"),
            DatasetRule.rowCount(101, Long.MAX_VALUE).named("dqdl_2_row_count"),
            DatasetRule.rowCount(0, 50).named("dqdl_3_row_count"),
            DatasetRule.rowCount(7, 7).named("dqdl_4_row_count"));
  }

  @Test
  void parse_rowCountAboveHistoricalAverage_mapsToRowsReadAtLeastMean() {
    DqdlRuleset ruleset = parse("RowCount > avg(last(10)), RowCount >= (avg(last(3)) + 100)");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.metricAtLeast("rows_read", Threshold.historicalMean(10, 0))
                .named("dqdl_1_row_count"),
            DatasetRule.metricAtLeast("rows_read", Threshold.historicalMean(3, 100))
                .named("dqdl_2_row_count"));
  }

  @Test
  void parse_dataFreshness_mapsToFreshness() {
    DqdlRuleset ruleset =
        parse(
            "DataFreshness \"updated_at\" <= 24 hours, DataFreshness \"updated_at\" < 3 days,"
                + " DataFreshness \"updated_at\" <= 90 minutes");

    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.freshness("updated_at", Duration.ofHours(24))
                .named("dqdl_1_data_freshness_updated_at"),
            DatasetRule.freshness("updated_at", Duration.ofDays(3).minusNanos(1))
                .named("dqdl_2_data_freshness_updated_at"),
            DatasetRule.freshness("updated_at", Duration.ofMinutes(90))
                .named("dqdl_3_data_freshness_updated_at"));
  }

  @Test
  void parse_andComposite_translatesEachPartUnderItsOwnName() {
    DqdlRuleset ruleset =
        parse("(IsComplete \"id\") and (IsUnique \"id\") and (ColumnLength \"id\" = 8)");

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.notNull("id").named("dqdl_1_1_is_complete_id"),
            Rule.length("id", 8, 8).named("dqdl_1_3_column_length_id"));
    assertThat(ruleset.datasetRules())
        .containsExactly(DatasetRule.unique("id").named("dqdl_1_2_is_unique_id"));
  }

  @Test
  void parse_exampleRuleset_mapsEveryRule() {
    String text =
        "Rules = [ IsComplete \"email\", ColumnValues \"age\" between 0 and 120,"
            + " ColumnValues \"gender\" in [\"male\",\"female\"], ColumnLength \"nat\" = 2,"
            + " RowCount between 1 and 100000, IsUnique \"user_id\" ]";

    DqdlRuleset ruleset = DqdlRuleset.parse(text);

    assertThat(ruleset.rules())
        .containsExactly(
            Rule.notNull("email").named("dqdl_1_is_complete_email"),
            Rule.range("age", Math.nextUp(0.0), Math.nextDown(120.0))
                .named("dqdl_2_column_values_age"),
            Rule.allowedValues("gender", Set.of("male", "female"))
                .named("dqdl_3_column_values_gender"),
            Rule.length("nat", 2, 2).named("dqdl_4_column_length_nat"));
    assertThat(ruleset.datasetRules())
        .containsExactly(
            DatasetRule.rowCount(2, 99_999).named("dqdl_5_row_count"),
            DatasetRule.unique("user_id").named("dqdl_6_is_unique_user_id"));
    assertThat(ruleset.source()).isEqualTo(text);
  }

  @Test
  void parse_columnWithUpperCaseAndSymbols_keepsColumnAndNamesReadably() {
    DqdlRuleset ruleset = parse("IsComplete \"Order-ID\"");

    assertThat(ruleset.rules())
        .containsExactly(
            new Rule(
                "dqdl_1_is_complete_order_id",
                new Check.NotNull("Order-ID"),
                1.0,
                Severity.WARNING,
                null));
  }

  @Test
  void parse_tagsMetadataAndDataSources_areIgnored() {
    DqdlRuleset ruleset =
        DqdlRuleset.parse(
            "Metadata = { \"Version\": \"1.0\" }\n"
                + "DataSources = { \"Primary\": \"orders\" }\n"
                + "Rules = [ IsComplete \"email\" with owner = \"crm\" ]");

    assertThat(ruleset.rules())
        .containsExactly(Rule.notNull("email").named("dqdl_1_is_complete_email"));
  }

  @Test
  void rules_areImmutable() {
    DqdlRuleset ruleset = parse("IsComplete \"email\", IsUnique \"email\"");

    assertThatThrownBy(() -> ruleset.rules().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ruleset.datasetRules().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
