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
 * day, month or year as a date), then the measures with the gold table's types.
 *
 * <p>Each kind of gold definition has its own method; {@link #query} is the one place that picks
 * it, so a new kind (a dimension, a fact) adds a method and a branch there.
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
   * @return the query, or empty for a kind of gold definition not rendered yet
   */
  public static Optional<String> query(TableDefinition gold, SqlDialect dialect, String source) {
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
      bucket = bucket(timeBucket.get(), gold, dialect);
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

  private static String bucket(TimeBucket bucket, GoldTable gold, SqlDialect dialect) {
    String column = dialect.identifier(bucket.sourceColumn());
    boolean instant =
        gold.source().column(bucket.sourceColumn()).map(Column::type).orElse(ColumnType.DATE)
            == ColumnType.TIMESTAMP_TZ;
    String unit = bucket.unit().name();
    if (dialect == SqlDialect.DUCKDB) {
      String utc = instant ? "(" + column + " AT TIME ZONE 'UTC')" : column;
      return "CAST(DATE_TRUNC('" + unit.toLowerCase(Locale.ROOT) + "', " + utc + ") AS DATE)";
    }
    // An instant is bucketed by its UTC date, as medallion does, whatever the session's zone.
    String utc = instant ? "CONVERT_TIMEZONE('UTC', " + column + ")" : column;
    return "CAST(DATE_TRUNC('" + unit + "', " + utc + ") AS DATE)";
  }

  private static String measure(
      GoldTable gold, Measure measure, SqlDialect dialect, String bucket) {
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
