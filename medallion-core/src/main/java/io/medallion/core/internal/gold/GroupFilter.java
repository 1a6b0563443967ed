package io.medallion.core.internal.gold;

import io.medallion.table.Cohort;
import io.medallion.table.GoldTable;
import io.medallion.table.TimeBucket;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg filter that keeps every source row of some groups, so that partitions and file
 * statistics skip what cannot hold them: the grouping values (when few) and the span of the time
 * bucket's or cohort's periods. It may keep rows of other groups too; the caller checks each row's
 * key.
 *
 * <pre>{@code
 * Expression where = GroupFilter.of(definition, source.schema(), touchedKeys);
 * }</pre>
 */
final class GroupFilter {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private GroupFilter() {}

  /**
   * Builds the filter.
   *
   * @param definition the gold table
   * @param source the source table's schema
   * @param keys the group keys, as {@link Groups#keyOf} returns them
   * @return a filter keeping at least every row of those groups
   */
  static Expression of(GoldTable definition, Schema source, Collection<List<Object>> keys) {
    List<String> groupBy = definition.groupBy();
    Expression where = KeyFilter.of(groupBy, keys);
    TimeBucket bucket = definition.timeBucket().orElse(null);
    Cohort cohort = definition.cohort().orElse(null);
    if (bucket != null) {
      where =
          Expressions.and(
              where,
              span(
                  bucket.sourceColumn(),
                  bucket.unit(),
                  source,
                  KeyFilter.column(keys, groupBy.size())));
    } else if (cohort != null) {
      where =
          Expressions.and(
              where,
              span(
                  cohort.cohortColumn(),
                  cohort.unit(),
                  source,
                  KeyFilter.column(keys, groupBy.size())));
    }
    return where;
  }

  /** A date or timestamptz column within the periods starting at the given first days. */
  private static Expression span(
      String column, TimeBucket.Unit unit, Schema source, Set<Object> starts) {
    Types.NestedField field = source.findField(column);
    Type.TypeID type = field == null ? null : field.type().typeId();
    boolean timestamp =
        type == Type.TypeID.TIMESTAMP && ((Types.TimestampType) field.type()).shouldAdjustToUTC();
    if (type != Type.TypeID.DATE && !timestamp) {
      return Expressions.alwaysTrue();
    }
    LocalDate first = null;
    LocalDate last = null;
    for (Object start : starts) {
      if (start instanceof LocalDate day) {
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
      }
    }
    Expression span = Expressions.alwaysFalse();
    if (first != null) {
      long from = first.toEpochDay();
      long to = Periods.start(Periods.number(last, unit) + 1, unit).toEpochDay();
      Expression range =
          timestamp
              ? Expressions.and(
                  Expressions.greaterThanOrEqual(column, from * MICROS_PER_DAY),
                  Expressions.lessThan(column, to * MICROS_PER_DAY))
              : Expressions.and(
                  Expressions.greaterThanOrEqual(column, Math.toIntExact(from)),
                  Expressions.lessThan(column, Math.toIntExact(to)));
      span = Expressions.and(Expressions.notNull(column), range);
    }
    return starts.contains(null) ? Expressions.or(span, Expressions.isNull(column)) : span;
  }
}
