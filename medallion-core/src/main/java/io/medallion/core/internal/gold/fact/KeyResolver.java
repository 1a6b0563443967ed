package io.medallion.core.internal.gold.fact;

import io.medallion.core.internal.gold.dimension.ChangeTimes;
import io.medallion.core.internal.gold.dimension.DimensionLookup;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.data.Record;

/** Resolves one key column of each fact, and counts the facts it sent to the unknown member. */
abstract class KeyResolver {
  private final String column;
  private long unknown;

  private KeyResolver(String column) {
    this.column = column;
  }

  static KeyResolver of(FactTable.DimensionKey key, DimensionLookup lookup) {
    List<String> foreignKey = key.foreignKey();
    return new KeyResolver(key.column()) {
      @Override
      Object lookUp(Record row, Long at) {
        Object[] values = new Object[foreignKey.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.getField(foreignKey.get(i));
        }
        long surrogate = lookup.keyOf(Arrays.asList(values), at);
        return surrogate == DimensionTable.UNKNOWN_KEY ? null : surrogate;
      }

      @Override
      Object unknownKey() {
        return DimensionTable.UNKNOWN_KEY;
      }
    };
  }

  static KeyResolver of(FactTable.DateKey key) {
    DateDimension dates = key.dimension();
    String source = key.sourceColumn();
    return new KeyResolver(key.column()) {
      @Override
      Object lookUp(Record row, Long at) {
        int day = dates.keyWithin(ChangeTimes.day(row.getField(source)));
        return day == DateDimension.UNKNOWN_KEY ? null : day;
      }

      @Override
      Object unknownKey() {
        return DateDimension.UNKNOWN_KEY;
      }
    };
  }

  /** The key for the row, or null when it has no member. */
  abstract Object lookUp(Record row, Long at);

  abstract Object unknownKey();

  final Object resolve(Record row, Long at) {
    Object key = lookUp(row, at);
    if (key == null) {
      unknown++;
      return unknownKey();
    }
    return key;
  }

  final String column() {
    return column;
  }

  final long unknown() {
    return unknown;
  }
}
