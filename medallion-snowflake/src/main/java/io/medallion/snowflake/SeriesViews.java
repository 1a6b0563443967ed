package io.medallion.snowflake;

import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.Cohort;
import io.medallion.table.GapFill;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import io.medallion.table.SeriesColumn;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a time-series gold table as a view query that computes what medallion's series writer
 * computes: the source aggregated per series key and period, the periods numbered so that
 * consecutive periods have consecutive numbers, gaps filled from a generated calendar of period
 * numbers, then the cumulative count and the series columns as window functions over the numbers
 * (so windows count calendar periods, not rows). Rows whose period is unknown keep their measures
 * and get null for every period-dependent value, as in medallion.
 */
final class SeriesViews {
  // Helper columns of the query; the view's output has the gold table's columns only.
  private static final String PERIOD = "__period";
  private static final String NUMBER = "__n";
  private static final String ROWS = "__rows";
  private static final String FROM = "__from";
  private static final String TO = "__to";

  private final GoldTable gold;
  private final SqlDialect dialect;
  private final Cohort cohort;
  private final TimeBucket.Unit unit;
  private final List<String> seriesKey = new ArrayList<>();

  private SeriesViews(GoldTable gold, SqlDialect dialect) {
    this.gold = gold;
    this.dialect = dialect;
    this.cohort = gold.cohort().orElse(null);
    this.unit =
        cohort != null ? cohort.unit() : gold.timeBucket().map(TimeBucket::unit).orElseThrow();
    gold.groupBy().forEach(name -> seriesKey.add(dialect.identifier(name)));
    if (cohort != null) {
      seriesKey.add(dialect.identifier(cohort.name()));
    }
  }

  /**
   * Renders the view query of a time-series table.
   *
   * @param gold a table whose {@link GoldTable#isTimeSeries()} holds
   * @param dialect the dialect
   * @param source the relation read, already quoted
   * @return the query
   */
  static String query(GoldTable gold, SqlDialect dialect, String source) {
    return new SeriesViews(gold, dialect).query(source);
  }

  private String query(String source) {
    StringBuilder sql = new StringBuilder("WITH ");
    sql.append(q("cells")).append(" AS (\n").append(cells(source)).append("\n),\n");
    sql.append(q("numbered"))
        .append(" AS (\n  SELECT *, ")
        .append(number(q(PERIOD)))
        .append(" AS ")
        .append(q(NUMBER))
        .append(" FROM ")
        .append(q("cells"))
        .append("\n),\n");
    sql.append(q("periods")).append(" AS (\n").append(periods()).append("\n)\n");
    sql.append(periodRows()).append("\nUNION ALL\n").append(undatedRows());
    return sql.toString();
  }

  /** One row per series key and period, with the measures medallion aggregates. */
  private String cells(String source) {
    List<String> keys = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (String name : gold.groupBy()) {
      keys.add(q(name));
      select.add(q(name));
    }
    String period;
    if (cohort == null) {
      TimeBucket bucket = gold.timeBucket().orElseThrow();
      period = GoldViews.truncate(bucket.sourceColumn(), unit, gold, dialect);
    } else {
      String start = GoldViews.truncate(cohort.cohortColumn(), unit, gold, dialect);
      keys.add(start);
      select.add(start + " AS " + q(cohort.name()));
      // Without a cohort start there are no periods since it: one undated group, as in medallion.
      period =
          "CASE WHEN "
              + start
              + " IS NOT NULL THEN "
              + GoldViews.truncate(cohort.periodColumn(), unit, gold, dialect)
              + " END";
    }
    keys.add(period);
    select.add(period + " AS " + q(PERIOD));
    select.add("COUNT(*) AS " + q(ROWS));
    for (Measure measure : gold.measures()) {
      if (measure.function() != Measure.Function.CUMULATIVE_COUNT) {
        select.add(GoldViews.measure(gold, measure, dialect, null) + " AS " + q(measure.name()));
      }
    }
    return "  SELECT\n    "
        + String.join(",\n    ", select)
        + "\n  FROM "
        + source
        + "\n  GROUP BY "
        + String.join(", ", keys);
  }

  /** The dated cells, or with a gap fill every period of each series' span. */
  private String periods() {
    if (gold.gapFill().isEmpty()) {
      return "  SELECT * FROM " + q("numbered") + " WHERE " + q(NUMBER) + " IS NOT NULL";
    }
    List<String> select = new ArrayList<>();
    List<String> join = new ArrayList<>();
    for (String key : seriesKey) {
      select.add("c." + key);
      join.add("c." + key + " IS NOT DISTINCT FROM x." + key);
    }
    select.add("c." + q(NUMBER));
    join.add("c." + q(NUMBER) + " = x." + q(NUMBER));
    select.add("COALESCE(x." + q(ROWS) + ", 0) AS " + q(ROWS));
    for (Measure measure : gold.measures()) {
      if (measure.function() == Measure.Function.CUMULATIVE_COUNT) {
        continue;
      }
      String value = "x." + q(measure.name());
      // A filled period has no rows: counts and sums are 0, averages and extremes have no value.
      if (measure.function() == Measure.Function.COUNT
          || measure.function() == Measure.Function.COUNT_DISTINCT
          || measure.function() == Measure.Function.SUM) {
        value = "CASE WHEN x." + q(ROWS) + " IS NULL THEN 0 ELSE " + value + " END";
      }
      select.add(value + " AS " + q(measure.name()));
    }
    return "  SELECT "
        + String.join(", ", select)
        + "\n  FROM "
        + calendar(spans(gold.gapFill().get()))
        + "\n  LEFT JOIN "
        + q("numbered")
        + " x ON "
        + String.join(" AND ", join);
  }

  /**
   * The first and last period number of each series: a time bucket spans the table's periods
   * (widened by a declared range), a cohort starts at its own first period.
   */
  private String spans(GapFill fill) {
    String tableFirst = "(SELECT MIN(" + q(NUMBER) + ") FROM " + q("numbered") + ")";
    String tableLast = "(SELECT MAX(" + q(NUMBER) + ") FROM " + q("numbered") + ")";
    String from;
    if (cohort != null) {
      from = "LEAST(MIN(" + q(NUMBER) + "), " + number(q(cohort.name())) + ")";
    } else {
      from = fill.declared() ? "LEAST(" + tableFirst + ", " + date(fill.from()) + ")" : tableFirst;
    }
    String to =
        fill.declared() ? "GREATEST(" + tableLast + ", " + date(fill.to()) + ")" : tableLast;
    List<String> spanSelect = new ArrayList<>(seriesKey);
    spanSelect.add(from + " AS " + q(FROM));
    spanSelect.add(to + " AS " + q(TO));
    return "    SELECT "
        + String.join(", ", spanSelect)
        + "\n    FROM "
        + q("numbered")
        + "\n    WHERE "
        + q(NUMBER)
        + " IS NOT NULL"
        + (seriesKey.isEmpty() ? "" : "\n    GROUP BY " + String.join(", ", seriesKey));
  }

  /** Every period number of each series' span, as a relation {@code c}. */
  private String calendar(String spans) {
    List<String> select = new ArrayList<>();
    seriesKey.forEach(key -> select.add("s." + key));
    if (dialect == SqlDialect.DUCKDB) {
      select.add("UNNEST(RANGE(s." + q(FROM) + ", s." + q(TO) + " + 1)) AS " + q(NUMBER));
      return "(\n  SELECT " + String.join(", ", select) + "\n  FROM (\n" + spans + "\n  ) s\n  ) c";
    }
    select.add("CAST(f.VALUE AS BIGINT) AS " + q(NUMBER));
    return "(\n  SELECT "
        + String.join(", ", select)
        + "\n  FROM (\n"
        + spans
        + "\n  ) s,\n  LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(s."
        + q(FROM)
        + ", s."
        + q(TO)
        + " + 1)) f\n  ) c";
  }

  private String periodRows() {
    List<String> select = new ArrayList<>(seriesKey);
    if (cohort == null) {
      select.add(start(q(NUMBER)) + " AS " + q(gold.timeBucket().orElseThrow().name()));
    } else {
      select.add(
          "CAST("
              + q(NUMBER)
              + " - "
              + number(q(cohort.name()))
              + " AS INTEGER) AS "
              + q(cohort.periodsSinceName()));
    }
    for (Measure measure : gold.measures()) {
      String value =
          measure.function() == Measure.Function.CUMULATIVE_COUNT
              ? "CAST(SUM(" + q(ROWS) + ") OVER (" + window() + running() + ") AS BIGINT)"
              : q(measure.name());
      select.add(value + " AS " + q(measure.name()));
    }
    for (SeriesColumn column : gold.seriesColumns()) {
      select.add(series(column) + " AS " + q(column.name()));
    }
    return "SELECT\n  " + String.join(",\n  ", select) + "\nFROM " + q("periods");
  }

  private String undatedRows() {
    List<String> select = new ArrayList<>(seriesKey);
    // The time bucket, or the periods since the cohort start (the cohort itself is in the key).
    select.add("NULL");
    for (Measure measure : gold.measures()) {
      select.add(
          measure.function() == Measure.Function.CUMULATIVE_COUNT ? "NULL" : q(measure.name()));
    }
    gold.seriesColumns().forEach(column -> select.add("NULL"));
    return "SELECT\n  "
        + String.join(",\n  ", select)
        + "\nFROM "
        + q("numbered")
        + "\nWHERE "
        + q(NUMBER)
        + " IS NULL";
  }

  private String series(SeriesColumn column) {
    String value = q(column.measure());
    boolean integral = type(column.name()) == ColumnType.LONG;
    String rolling =
        " OVER ("
            + window()
            + " RANGE BETWEEN "
            + (column.periods() - 1)
            + " PRECEDING AND CURRENT ROW)";
    String previousNumber = "LAG(" + q(NUMBER) + ") OVER (" + window() + ")";
    String previous = "LAG(" + value + ") OVER (" + window() + ")";
    String adjacent = previousNumber + " = " + q(NUMBER) + " - 1";
    switch (column.kind()) {
      case ROLLING_COUNT:
        return "COUNT(" + value + ")" + rolling;
      case ROLLING_SUM:
        return integral
            ? "CAST(SUM(" + value + ")" + rolling + " AS BIGINT)"
            : "SUM(CAST(" + value + " AS DOUBLE))" + rolling;
      case ROLLING_AVG:
        return "AVG(CAST(" + value + " AS DOUBLE))" + rolling;
      case CHANGE:
        return "CASE WHEN "
            + adjacent
            + " THEN CAST("
            + value
            + " - "
            + previous
            + " AS "
            + (integral ? "BIGINT" : "DOUBLE")
            + ") END";
      case CHANGE_RATIO:
        return "CASE WHEN "
            + adjacent
            + " AND "
            + previous
            + " <> 0 THEN (CAST("
            + value
            + " AS DOUBLE) - "
            + previous
            + ") / CAST("
            + previous
            + " AS DOUBLE) END";
      case RUNNING_TOTAL:
        return integral
            ? "CAST(SUM(" + value + ") OVER (" + window() + running() + ") AS BIGINT)"
            : "SUM(CAST(" + value + " AS DOUBLE)) OVER (" + window() + running() + ")";
      default:
        throw new IllegalStateException("Unexpected series column " + column.kind());
    }
  }

  /** The partition and order of a series: its key, then its period numbers. */
  private String window() {
    return (seriesKey.isEmpty() ? "" : "PARTITION BY " + String.join(", ", seriesKey) + " ")
        + "ORDER BY "
        + q(NUMBER);
  }

  private static String running() {
    return " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
  }

  /** The number of the period holding a date: consecutive periods have consecutive numbers. */
  private String number(String date) {
    return "DATEDIFF(" + part() + ", DATE '1970-01-01', " + date + ")";
  }

  /** The first day of a numbered period. */
  private String start(String number) {
    if (dialect == SqlDialect.DUCKDB) {
      String interval =
          switch (unit) {
            case DAY -> "TO_DAYS";
            case MONTH -> "TO_MONTHS";
            case YEAR -> "TO_YEARS";
          };
      return "CAST(DATE '1970-01-01' + " + interval + "(CAST(" + number + " AS INTEGER)) AS DATE)";
    }
    return "DATEADD(" + part() + ", " + number + ", DATE '1970-01-01')";
  }

  private String date(LocalDate day) {
    return number("DATE '" + day + "'");
  }

  private String part() {
    return "'" + unit.name().toLowerCase(Locale.ROOT) + "'";
  }

  private ColumnType type(String column) {
    return gold.column(column).map(Column::type).orElse(ColumnType.DOUBLE);
  }

  private String q(String name) {
    return dialect.identifier(name);
  }
}
