package io.medallion.core.dqdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.medallion.ValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.glue.dqdl.exception.InvalidDataQualityRulesetException;

class DqdlRulesetProblemsTest {
  private static final String SUPPORTED =
      "supported: IsComplete, Completeness, ColumnValues, ColumnLength, IsUnique, IsPrimaryKey,"
          + " Uniqueness, RowCount, DataFreshness, and 'and' composites of them";

  private static ValidationException invalid(String dqdl) {
    return catchThrowableOfType(ValidationException.class, () -> DqdlRuleset.parse(dqdl));
  }

  private static ValidationException invalidRules(String rules) {
    return invalid("Rules = [ " + rules + " ]");
  }

  @Test
  void parse_unsupportedRuleTypes_listsEveryOneWithItsText() {
    ValidationException e =
        invalidRules(
            "IsComplete \"email\", CustomSql \"select count(*) from primary\" > 0,"
                + " ReferentialIntegrity \"order_id\" \"reference.id\" = 1.0, Entropy \"name\" > 1,"
                + " Mean \"age\" between 20 and 60, IsUnique \"email\"");

    assertThat(e.problems())
        .containsExactly(
            "rule 2 'CustomSql \"select count(*) from primary\" > 0': rule type CustomSql is not"
                + " supported; "
                + SUPPORTED,
            "rule 3 'ReferentialIntegrity \"order_id\" \"reference.id\" = 1.0': rule type"
                + " ReferentialIntegrity is not supported; "
                + SUPPORTED,
            "rule 4 'Entropy \"name\" > 1': rule type Entropy is not supported; " + SUPPORTED,
            "rule 5 'Mean \"age\" between 20 and 60': rule type Mean is not supported; "
                + SUPPORTED);
    assertThat(e.getMessage()).startsWith("Invalid DQDL ruleset (4 problems):");
  }

  @Test
  void parse_orComposite_isReported() {
    ValidationException e = invalidRules("(IsComplete \"email\") or (IsComplete \"phone\")");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 '(IsComplete \"email\") OR (IsComplete \"phone\")': composite 'or' rules are"
                + " not supported: every medallion rule must pass on its own; split them into"
                + " separate rules, or write a Rule.predicate in Java");
  }

  @Test
  void parse_andCompositeWithUnsupportedParts_reportsOneProblemNamingEachPart() {
    ValidationException e =
        invalidRules(
            "(IsComplete \"id\") and (CustomSql \"select 1\" > 0) and"
                + " ((IsUnique \"id\") or (IsUnique \"key\"))");

    assertThat(e.problems())
        .containsExactly(
            // AWS prints the rule as parsed, grouping "and" from the left.
            "rule 1 '((IsComplete \"id\") AND (CustomSql \"select 1\" > 0)) AND ((IsUnique"
                + " \"id\") OR (IsUnique \"key\"))': part 2 'CustomSql \"select 1\" > 0': rule type"
                + " CustomSql is not supported; "
                + SUPPORTED
                + "; part 3 '(IsUnique \"id\") OR (IsUnique \"key\")': composite 'or' rules are"
                + " not supported: every medallion rule must pass on its own; split them into"
                + " separate rules, or write a Rule.predicate in Java");
  }

  @Test
  void parse_whereClause_isReported() {
    ValidationException e = invalidRules("IsComplete \"email\" where \"country = 'DE'\"");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'IsComplete \"email\" where \"country = 'DE'\"': 'where' clauses are not"
                + " supported: medallion rules apply to every row of a batch; filter rows before"
                + " the silver table, or write a Rule.predicate in Java");
  }

  @Test
  void parse_negatedConditions_areReported() {
    ValidationException e =
        invalidRules(
            "ColumnValues \"age\" not between 0 and 10, ColumnValues \"g\" != \"x\","
                + " ColumnValues \"g\" not in [\"x\"], ColumnValues \"g\" not matches \"x+\"");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'ColumnValues \"age\" not between 0 and 10': negated conditions ('not"
                + " between', '!=', 'not in') are not supported; use between, >, >=, <, <= or =",
            "rule 2 'ColumnValues \"g\" != \"x\"': negated conditions ('!=', 'not in', 'not"
                + " matches') are not supported; use in [...], = or matches",
            "rule 3 'ColumnValues \"g\" not in [\"x\"]': negated conditions ('!=', 'not in', 'not"
                + " matches') are not supported; use in [...], = or matches",
            "rule 4 'ColumnValues \"g\" not matches \"x+\"': negated conditions ('!=', 'not in',"
                + " 'not matches') are not supported; use in [...], = or matches");
  }

  @Test
  void parse_unsupportedDynamicBounds_areReported() {
    ValidationException e =
        invalidRules(
            "RowCount > avg(last(10)) * 0.8, RowCount > min(last(3)),"
                + " Uniqueness \"id\" > avg(last(3)), RowCount between avg(last(3)) and 10");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'RowCount > avg(last(10)) * 0.8': the dynamic bound 'avg(last(10)) * 0.8' is"
                + " not supported; supported: avg(last(N)) with N >= 1, optionally plus or minus"
                + " a number",
            "rule 2 'RowCount > min(last(3))': the dynamic bound 'min(last(3))' is not supported;"
                + " supported: avg(last(N)) with N >= 1, optionally plus or minus a number",
            "rule 3 'Uniqueness \"id\" > avg(last(3))': the dynamic bound 'avg(last(3))' is not"
                + " supported here; use a number (RowCount, Completeness and 'with threshold'"
                + " accept '> avg(last(N))')",
            "rule 4 'RowCount between avg(last(3)) and 10': dynamic bounds are supported only as"
                + " a minimum: '> avg(last(N))' or '>= avg(last(N))'");
  }

  @Test
  void parse_ratioWithBindingUpperBound_isReported() {
    ValidationException e =
        invalidRules(
            "Completeness \"email\" between 0.9 and 1.0, Completeness \"email\" < 0.5,"
                + " Completeness \"email\" > 1.0");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'Completeness \"email\" between 0.9 and 1.0': an upper bound below 1 is not"
                + " supported (DQDL's 'between' excludes its bounds, so 'between x and 1.0' also"
                + " fails a ratio of exactly 1); medallion checks only a minimum ratio: use '> x'"
                + " or '>= x'",
            "rule 2 'Completeness \"email\" < 0.5': the condition sets no minimum; medallion"
                + " checks a minimum ratio: use '> x' or '>= x'",
            "rule 3 'Completeness \"email\" > 1.0': the condition can never be met: a ratio is at"
                + " most 1");
  }

  @Test
  void parse_unsupportedConditions_areReported() {
    ValidationException e =
        invalidRules(
            "ColumnValues \"n\" in [1, 2], ColumnValues \"d\" > \"2020-01-01\","
                + " DataFreshness \"ts\" between 1 hours and 2 days, ColumnValues \"a\" = NULL,"
                + " ColumnValues \"a\" in [NULL, EMPTY]");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'ColumnValues \"n\" in [1,2]': numeric 'in' lists are not supported; use"
                + " between, >, >=, <, <= or =, or quote the values to compare the column's text",
            "rule 2 'ColumnValues \"d\" > \"2020-01-01\"': the condition '> \"2020-01-01\"' is"
                + " not supported; supported: between, >, >=, <, <=, = with numbers, in [...] or"
                + " = with text, matches \"regex\", and <= now() for dates",
            "rule 3 'DataFreshness \"ts\" between 1 hours and 2 days': the condition 'between 1"
                + " hours and 2 days' is not supported; medallion checks a maximum age: use '<= N"
                + " hours' or '< N days'",
            "rule 4 'ColumnValues \"a\" = NULL': NULL is not supported as a bound; use IsComplete"
                + " or Completeness for missing values",
            "rule 5 'ColumnValues \"a\" in [NULL,EMPTY]': only NULL, EMPTY or WHITESPACES_ONLY"
                + " are allowed, which medallion cannot require; list at least one quoted value");
  }

  @Test
  void parse_impossibleOrInvalidValues_areReported() {
    ValidationException e =
        invalidRules(
            "ColumnLength \"a\" between 2 and 3, ColumnValues \"a\" between 5 and 1,"
                + " RowCount < 0, ColumnValues \"code\" matches \"[a-\"");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'ColumnLength \"a\" between 2 and 3': the condition can never be met",
            "rule 2 'ColumnValues \"a\" between 5 and 1': the condition can never be met",
            "rule 3 'RowCount < 0': the condition can never be met",
            "rule 4 'ColumnValues \"code\" matches \"[a-\"': invalid regular expression \"[a-\":"
                + " Illegal character range");
  }

  @Test
  void parse_undeclaredVariable_isReported() {
    ValidationException e = invalidRules("ColumnValues \"gender\" in $genders");

    assertThat(e.problems())
        .containsExactly(
            "rule 1 'ColumnValues \"gender\" in $genders': the value $genders is not defined in"
                + " the ruleset");
  }

  @Test
  void parse_analyzers_areReported() {
    ValidationException e =
        invalid("Rules = [ IsComplete \"email\" ] Analyzers = [ AllStatistics \"age\" ]");

    assertThat(e.problems())
        .containsExactly(
            "analyzer 1 'AllStatistics \"age\"': analyzers are not supported: they only gather"
                + " statistics, and medallion records its own metrics for every run");
  }

  @Test
  void parse_syntaxError_carriesParserMessage() {
    ValidationException e = invalidRules("IsComplete \"email\",");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0))
        .startsWith("the AWS DQDL parser rejected it: Parsing Error:")
        .contains("line 1:");
    assertThat(e.getCause()).isInstanceOf(InvalidDataQualityRulesetException.class);
  }

  @Test
  void parse_unknownRuleType_carriesParserMessage() {
    ValidationException e = invalidRules("IsComplet \"email\"");

    assertThat(e.problems())
        .containsExactly(
            "the AWS DQDL parser rejected it: Parsing Error: Rule Type: IsComplet is not valid");
  }

  @Test
  void parse_emptyRuleset_isRejectedLikeGlue() {
    assertThat(invalid("Rules = [ ]").problems())
        .containsExactly(
            "the AWS DQDL parser rejected it: Parsing Error: No rules or analyzers provided.");
    assertThat(invalid("").problems().get(0))
        .startsWith("the AWS DQDL parser rejected it: Parsing Error: No rules or analyzers");
  }

  @Test
  void parse_inputThatCrashesTheParser_becomesValidationException() {
    // The AWS parser throws NullPointerException for a single-value variable used with "=".
    ValidationException e = invalid("v = \"x\"\nRules = [ ColumnValues \"g\" = $v ]");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0)).startsWith("the AWS DQDL parser");
  }
}
