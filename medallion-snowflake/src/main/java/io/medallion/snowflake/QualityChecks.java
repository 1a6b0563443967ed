package io.medallion.snowflake;

import io.medallion.quality.Check;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import io.medallion.table.SilverTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A silver table's rules in Snowflake: the ones a system data metric function measures (null count,
 * duplicate count, freshness, row count) are attached to the table, and every rule SQL can state
 * becomes a check view returning the failing rows. The rest (email, phone, lookups, derived values,
 * user predicates, regular expressions, whose Java semantics SQL does not share) stay medallion's
 * and are listed in the plan's notes.
 */
final class QualityChecks {
  private static final SqlDialect SQL = PlanContext.SQL;

  /** A data metric function to attach, with its arguments. */
  record Metric(String function, List<String> columns) {}

  /** A check view: its name's suffix and the condition a failing row meets. */
  record CheckQuery(String name, String query) {}

  private final SilverTable table;
  private final String relation;
  final List<Metric> metrics = new ArrayList<>();
  final List<CheckQuery> queries = new ArrayList<>();
  final List<String> medallionOnly = new ArrayList<>();

  QualityChecks(SilverTable table, String relation) {
    this.table = table;
    this.relation = relation;
    table.rules().forEach(this::rule);
    table.datasetRules().forEach(this::datasetRule);
  }

  private void rule(Rule rule) {
    Optional<String> failing = rule.check().accept(new FailingRows());
    if (rule.check() instanceof Check.NotNull notNull) {
      metrics.add(new Metric("SNOWFLAKE.CORE.NULL_COUNT", List.of(notNull.column())));
    }
    if (failing.isPresent()) {
      queries.add(
          new CheckQuery(rule.name(), "SELECT *\nFROM " + relation + "\nWHERE " + failing.get()));
    } else {
      medallionOnly.add(table.id() + " rule " + rule.name() + " (" + rule.check().describe() + ")");
    }
  }

  private void datasetRule(DatasetRule rule) {
    DatasetRule.Condition condition = rule.check();
    if (condition instanceof DatasetRule.Condition.RowCount count) {
      metrics.add(new Metric("SNOWFLAKE.CORE.ROW_COUNT", List.of()));
      queries.add(
          new CheckQuery(
              rule.name(),
              "SELECT COUNT(*) AS \"row_count\"\nFROM "
                  + relation
                  + "\nHAVING COUNT(*) < "
                  + count.min()
                  + " OR COUNT(*) > "
                  + count.max()));
    } else if (condition instanceof DatasetRule.Condition.Unique unique) {
      if (unique.keyColumns().size() == 1) {
        metrics.add(new Metric("SNOWFLAKE.CORE.DUPLICATE_COUNT", unique.keyColumns()));
      }
      String keys = identifiers(unique.keyColumns());
      queries.add(
          new CheckQuery(
              rule.name(),
              "SELECT "
                  + keys
                  + ", COUNT(*) AS \"copies\"\nFROM "
                  + relation
                  + "\nGROUP BY "
                  + keys
                  + "\nHAVING COUNT(*) > 1"));
    } else if (condition instanceof DatasetRule.Condition.Freshness freshness) {
      metrics.add(new Metric("SNOWFLAKE.CORE.FRESHNESS", List.of(freshness.column())));
      String column = SQL.identifier(freshness.column());
      queries.add(
          new CheckQuery(
              rule.name(),
              "SELECT MAX("
                  + column
                  + ") AS \"newest\"\nFROM "
                  + relation
                  + "\nHAVING MAX("
                  + column
                  + ") < DATEADD('second', -"
                  + freshness.maxAge().toSeconds()
                  + ", CURRENT_TIMESTAMP())"));
    } else if (condition instanceof DatasetRule.Condition.DistinctRatio ratio) {
      String column = SQL.identifier(ratio.column());
      queries.add(
          new CheckQuery(
              rule.name(),
              "SELECT COUNT(DISTINCT "
                  + column
                  + ") / NULLIF(COUNT("
                  + column
                  + "), 0) AS \"distinct_ratio\"\nFROM "
                  + relation
                  + "\nHAVING COUNT(DISTINCT "
                  + column
                  + ") / NULLIF(COUNT("
                  + column
                  + "), 0) < "
                  + ratio.min()));
    } else {
      medallionOnly.add(
          table.id() + " dataset rule " + rule.name() + " (" + condition.describe() + ")");
    }
  }

  private static String identifiers(List<String> columns) {
    List<String> quoted = new ArrayList<>();
    columns.forEach(c -> quoted.add(SQL.identifier(c)));
    return String.join(", ", quoted);
  }

  /** The condition a failing row meets, for the checks SQL states exactly. */
  private static final class FailingRows implements Check.Visitor<Optional<String>> {
    @Override
    public Optional<String> visitNotNull(Check.NotNull check) {
      String column = SQL.identifier(check.column());
      return Optional.of(column + " IS NULL OR TRIM(TO_VARCHAR(" + column + ")) = ''");
    }

    @Override
    public Optional<String> visitMatches(Check.Matches check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitInRange(Check.InRange check) {
      String column = SQL.identifier(check.column());
      List<String> outside = new ArrayList<>();
      // An infinite bound is an open side of the range: no row falls beyond it.
      if (Double.isFinite(check.min())) {
        outside.add(column + " < " + check.min());
      }
      if (Double.isFinite(check.max())) {
        outside.add(column + " > " + check.max());
      }
      return Optional.of(outside.isEmpty() ? "FALSE" : String.join(" OR ", outside));
    }

    @Override
    public Optional<String> visitAllowedValues(Check.AllowedValues check) {
      List<String> values = new ArrayList<>();
      check.allowed().stream().sorted().forEach(v -> values.add(SQL.literal(v)));
      return Optional.of(
          SQL.identifier(check.column()) + " NOT IN (" + String.join(", ", values) + ")");
    }

    @Override
    public Optional<String> visitLength(Check.Length check) {
      String length = "LENGTH(" + SQL.identifier(check.column()) + ")";
      return Optional.of(length + " < " + check.min() + " OR " + length + " > " + check.max());
    }

    @Override
    public Optional<String> visitNotInFuture(Check.NotInFuture check) {
      return Optional.of(SQL.identifier(check.column()) + " > CURRENT_TIMESTAMP()");
    }

    @Override
    public Optional<String> visitValidEmail(Check.ValidEmail check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitValidPhone(Check.ValidPhone check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitAfterBirth(Check.AfterBirth check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitMatchesDerived(Check.MatchesDerived check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitInLookup(Check.InLookup check) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitCustom(Check.Custom check) {
      return Optional.empty();
    }
  }
}
