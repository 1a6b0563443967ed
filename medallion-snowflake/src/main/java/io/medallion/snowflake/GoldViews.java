package io.medallion.snowflake;

import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.GoldTable;
import io.medallion.table.Measure;
import io.medallion.table.TableDefinition;
import io.medallion.table.TimeBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a gold definition as the query of a view over its source table, in a dialect, so that the
 * view returns exactly the rows medallion's gold table holds: group keys, the time bucket (the UTC
 * day, month or year as a date), then the measures with the gold table's types. A time series (gap
 * fill, series columns, cohort) is rendered with its calendar and window functions.
 *
 * <p>Each kind of gold definition has its own method; {@link #query} is the one place that picks
 * it. Dimensions, date dimensions and facts keep history that silver does not hold, so they are not
 * derived from their sources: the plan exposes their own tables instead.
 *
 * <pre>{@code
 * Optional<String> sql = GoldViews.query(byCountry, SqlDialect.DUCKDB, "read_parquet([...])");
 * }</pre>
 */
public final class GoldViews {
  private GoldViews() {}

  /**
   * Renders the view query of a gold definition.
   *
   * @param gold the gold definition
   * @param dialect the dialect
   * @param source the relation read, already quoted, e.g. {@code "DB"."SILVER"."USERS"}
   * @return the query, or empty for a definition that is not derived from its source (a dimension,
   *     a date dimension, a fact)
   */
  public static Optional<String> query(TableDefinition gold, SqlDialect dialect, String source) {
    if (gold instanceof GoldTable series && series.isTimeSeries()) {
      return Optional.of(SeriesViews.query(series, dialect, source));
    }
    if (gold instanceof GoldTable aggregate) {
      return Optional.of(aggregate(aggregate, dialect, source));
    }
    return Optional.empty();
  }

  private static String aggregate(GoldTable gold, SqlDialect dialect, String source) {
    List<String> keys = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (String name : gold.groupBy()) {
      String column = dialect.identifier(name);
      keys.add(column);
      select.add(column);
    }
    String bucket = null;
    Optional<TimeBucket> timeBucket = gold.timeBucket();
    if (timeBucket.isPresent()) {
      bucket = truncate(timeBucket.get().sourceColumn(), timeBucket.get().unit(), gold, dialect);
      keys.add(bucket);
      select.add(bucket + " AS " + dialect.identifier(timeBucket.get().name()));
    }
    for (Measure measure : gold.measures()) {
      select.add(
          measure(gold, measure, dialect, bucket) + " AS " + dialect.identifier(measure.name()));
    }
    StringBuilder sql = new StringBuilder("SELECT\n  ").append(String.join(",\n  ", select));
    sql.append("\nFROM ").append(source);
    if (!keys.isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", keys));
    }
    return sql.toString();
  }

  /**
   * The first day of the day, month or year a source column's value falls in, as a date.
   *
   * @param name the source column, a date or a timestamp
   * @param bucketUnit the period size
   * @param gold the table, whose source types the column
   * @param dialect the dialect
   * @return the expression
   */
  static String truncate(
      String name, TimeBucket.Unit bucketUnit, GoldTable gold, SqlDialect dialect) {
    String column = dialect.identifier(name);
    boolean instant =
        gold.source().column(name).map(Column::type).orElse(ColumnType.DATE)
            == ColumnType.TIMESTAMP_TZ;
    String unit = bucketUnit.name();
    if (dialect == SqlDialect.DUCKDB) {
      String utc = instant ? "(" + column + " AT TIME ZONE 'UTC')" : column;
      return "CAST(DATE_TRUNC('" + unit.toLowerCase(Locale.ROOT) + "', " + utc + ") AS DATE)";
    }
    // An instant is bucketed by its UTC date, as medallion does, whatever the session's zone.
    String utc = instant ? "CONVERT_TIMEZONE('UTC', " + column + ")" : column;
    return "CAST(DATE_TRUNC('" + unit + "', " + utc + ") AS DATE)";
  }

  /**
   * A measure's aggregate with the gold column's type.
   *
   * @param gold the table
   * @param measure one of its measures
   * @param dialect the dialect
   * @param bucket the time bucket expression a cumulative count orders by; unused otherwise
   * @return the expression
   */
  static String measure(GoldTable gold, Measure measure, SqlDialect dialect, String bucket) {
    String input = measure.column() == null ? null : dialect.identifier(measure.column());
    switch (measure.function()) {
      case COUNT:
        return "COUNT(*)";
      case COUNT_DISTINCT:
        return "COUNT(DISTINCT " + input + ")";
      case SUM:
        return outputType(gold, measure) == ColumnType.LONG
            ? "CAST(SUM(" + input + ") AS BIGINT)"
            : "SUM(CAST(" + input + " AS DOUBLE))";
      case AVG:
        return "AVG(CAST(" + input + " AS DOUBLE))";
      case MIN:
        return "MIN(" + input + ")";
      case MAX:
        return "MAX(" + input + ")";
      case CUMULATIVE_COUNT:
        return "CAST(SUM(COUNT(*)) OVER ("
            + partition(gold, dialect)
            + "ORDER BY "
            + bucket
            + " NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT)";
      default:
        throw new IllegalStateException("Unexpected measure " + measure.function());
    }
  }

  private static String partition(GoldTable gold, SqlDialect dialect) {
    if (gold.groupBy().isEmpty()) {
      return "";
    }
    List<String> keys = new ArrayList<>();
    gold.groupBy().forEach(name -> keys.add(dialect.identifier(name)));
    return "PARTITION BY " + String.join(", ", keys) + " ";
  }

  private static ColumnType outputType(GoldTable gold, Measure measure) {
    return gold.column(measure.name()).map(Column::type).orElse(ColumnType.DOUBLE);
  }
}
