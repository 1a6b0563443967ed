package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilverTableBuilderTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "raw")).secretPaths("login.password").build();

  private static final Rule ID_NOT_NULL = Rule.notNull("id").critical();
  private static final Rule AGE_RANGE = Rule.range("age", 0, 120);
  private static final Rule EMAIL_VALID = Rule.validEmail("email");

  private static SilverTable.Builder users() {
    return SilverTable.builder(TableId.of("silver", "users"), RAW)
        .description("users")
        .map("id", ColumnType.STRING, "login.uuid")
        .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
        .map("nat", ColumnType.STRING, "nat")
        .map("age", ColumnType.INT, "dob.age")
        .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
        .epochUnit("born_at", EpochUnit.SECONDS)
        .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
        .rules(ID_NOT_NULL, AGE_RANGE)
        .ruleFlag("age_ok", AGE_RANGE.name())
        .datasetRules(DatasetRule.unique("id"))
        .showInReports("nat", "generation")
        .doc("id", "The user id")
        .policy(QualityPolicy.minScore(0.5).below(PolicyAction.QUARANTINE))
        .deduplicateOn("id")
        .keepLatestBy("born_at")
        .partitionBy(PartitionField.identity("nat"));
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualDefinition() {
    SilverTable users = users().build();

    SilverTable copy = users.toBuilder().build();

    assertThat(copy).isNotSameAs(users).isEqualTo(users).hasSameHashCodeAs(users);
    assertThat(copy.columns()).isEqualTo(users.columns());
    assertThat(copy.column("id").orElseThrow().doc()).isEqualTo("The user id");
    assertThat(copy.mappings().get(4).epochUnit()).isEqualTo(users.mappings().get(4).epochUnit());
    assertThat(copy.deduplication()).contains(new Deduplication("id", "born_at"));
  }

  @Test
  void toBuilder_policyGivenOnceMore_changesOnlyThePolicy() {
    SilverTable users = users().build();
    QualityPolicy stricter = QualityPolicy.minScore(0.9).below(PolicyAction.QUARANTINE);

    SilverTable strict = users.toBuilder().policy(stricter).build();

    assertThat(strict.policy()).isEqualTo(stricter);
    assertThat(strict).isNotEqualTo(users);
    assertThat(strict.rules()).isEqualTo(users.rules());
    assertThat(strict.columns()).isEqualTo(users.columns());
    assertThat(strict.toBuilder().policy(users.policy()).build()).isEqualTo(users);
  }

  @Test
  void build_singleValuedSettingsGivenTwice_eachReportedWithBothValuesBesideOtherProblems() {
    SilverTable.Builder builder =
        users()
            .description("people")
            .policy(QualityPolicy.minScore(0.7).below(PolicyAction.KEEP_FLAGGED))
            .deduplicateOn("email")
            .keepLatestBy("age")
            .partitionBy(PartitionField.identity("age"))
            .epochUnit("born_at", EpochUnit.MILLISECONDS)
            .doc("id", "Another id")
            .rules(Rule.notNull("missing"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .contains(
                        "description is set twice: users, then people; set it once",
                        "policy is set twice: min score 0.5, else QUARANTINE, then min score 0.7,"
                            + " else KEEP_FLAGGED; set it once",
                        "deduplicateOn is set twice: id, then email; set it once",
                        "keepLatestBy is set twice: born_at, then age; set it once",
                        "partitionBy is set twice: [identity(nat)], then [identity(age)]; set it"
                            + " once",
                        "epochUnit('born_at') is set twice: SECONDS, then MILLISECONDS; set it once",
                        "doc('id') is set twice: The user id, then Another id; set it once")
                    .anyMatch(p -> p.startsWith("rule 'missing_not_null' reads unknown column")));
  }

  @Test
  void build_sameColumnMappedTwiceOrMappedAndDerived_isAProblemNamingTheColumn() {
    SilverTable.Builder builder =
        SilverTable.builder(TableId.of("silver", "users"), RAW)
            .map("id", ColumnType.STRING, "login.uuid")
            .map("email", ColumnType.STRING, "email")
            .map("id", ColumnType.STRING, "id.value")
            .derive("email", ColumnType.STRING, Derivation.emailDomain("email"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "column 'id' is defined more than once",
                        "column 'email' is defined more than once"));
  }

  @Test
  void rules_givenAgain_addToTheRulesGiven() {
    SilverTable users =
        users().rules(EMAIL_VALID).rules(List.of(Rule.notNull("email").named("has_email"))).build();

    assertThat(users.rules())
        .extracting(Rule::name)
        .containsExactly(ID_NOT_NULL.name(), AGE_RANGE.name(), EMAIL_VALID.name(), "has_email");
  }

  @Test
  void clearRules_thenRules_replacesTheRules() {
    SilverTable users = users().build();

    SilverTable replaced =
        users.toBuilder().clearRuleFlags().clearRules().rules(EMAIL_VALID).build();

    assertThat(replaced.rules()).containsExactly(EMAIL_VALID);
    assertThat(replaced.ruleFlags()).isEmpty();
    assertThat(users.rules()).containsExactly(ID_NOT_NULL, AGE_RANGE);
  }

  @Test
  void clearRules_whileAFlagStillNamesARule_isAProblemNamingTheFlag() {
    SilverTable users = users().build();

    assertThatThrownBy(() -> users.toBuilder().clearRules().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rule flag 'age_ok' names unknown rule '" + AGE_RANGE.name() + "'");
  }

  @Test
  void datasetRules_addThenClear_replacesTheDatasetRules() {
    DatasetRule rows = DatasetRule.rowCount(1, 1000);
    SilverTable users = users().datasetRules(List.of(rows)).build();

    SilverTable replaced =
        users.toBuilder().clearDatasetRules().datasetRules(DatasetRule.unique("email")).build();

    assertThat(users.datasetRules()).containsExactly(DatasetRule.unique("id"), rows);
    assertThat(replaced.datasetRules()).containsExactly(DatasetRule.unique("email"));
  }

  @Test
  void showInReports_addThenClear_replacesTheColumnsShown() {
    SilverTable users = users().showInReports("age").build();

    SilverTable replaced = users.toBuilder().clearShowInReports().showInReports("email").build();

    assertThat(users.shownInReports()).containsExactly("nat", "generation", "age");
    assertThat(replaced.shownInReports()).containsExactly("email");
  }

  @Test
  void clearMappingsAndDerivedColumns_thenNewOnes_replaceTheColumnsAndTheirEpochUnits() {
    SilverTable users = users().build();

    SilverTable replaced =
        users.toBuilder()
            .clearMappings()
            .clearDerivedColumns()
            .clearRuleFlags()
            .clearRules()
            .clearDatasetRules()
            .clearShowInReports()
            .map("id", ColumnType.STRING, "id.value")
            .map("nat", ColumnType.STRING, "nat")
            .map("born_at", ColumnType.TIMESTAMP_TZ, "dob")
            .map("age", ColumnType.INT, "dob.age")
            .derive("domain", ColumnType.STRING, Derivation.emailDomain("id"))
            .build();

    assertThat(replaced.columns().subList(0, 5))
        .extracting(Column::name)
        .containsExactly("id", "nat", "born_at", "age", "domain");
    assertThat(replaced.mappings().get(0).paths()).containsExactly(JsonPath.parse("id.value"));
    assertThat(users.mappings().get(4).epochUnit()).isEqualTo(EpochUnit.SECONDS);
    assertThat(replaced.mappings().get(2).epochUnit()).isNull();
  }
}
