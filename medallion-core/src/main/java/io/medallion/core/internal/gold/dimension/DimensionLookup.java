package io.medallion.core.internal.gold.dimension;

import io.medallion.MedallionException;
import io.medallion.table.DimensionTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * A dimension's surrogate keys by business key, as one snapshot of the table holds them, for facts
 * to resolve their foreign keys. For type 2 each member's versions are kept by start, and a key is
 * looked up as of a time: the version whose period holds it, the first version for an earlier time
 * (the member existed, only its older values are not known), the current one when the time is
 * missing. A business key without a member resolves to {@link DimensionTable#UNKNOWN_KEY}.
 *
 * <pre>{@code
 * DimensionLookup users = DimensionLookup.load(dimUserTable, snapshot, dimUser);
 * long key = users.keyOf(List.of("u1"), registeredAtMicros);
 * }</pre>
 */
public final class DimensionLookup {
  private final Map<List<Object>, Periods> members;

  private DimensionLookup(Map<List<Object>, Periods> members) {
    this.members = members;
  }

  /** A member's version starts, ascending, with the surrogate key of each. */
  private record Periods(long[] from, long[] keys) {
    long keyAt(Long at) {
      if (at == null) {
        return keys[keys.length - 1];
      }
      int found = Arrays.binarySearch(from, at);
      int index = found >= 0 ? found : -found - 2;
      return keys[Math.max(index, 0)];
    }
  }

  /**
   * Reads a dimension's keys.
   *
   * @param table the dimension's table
   * @param snapshot the snapshot to read, or null for an empty table
   * @param definition the dimension
   * @return the lookup
   */
  public static DimensionLookup load(Table table, Snapshot snapshot, DimensionTable definition) {
    if (snapshot == null) {
      return new DimensionLookup(Map.of());
    }
    boolean history = definition.history() == DimensionTable.History.TYPE_2;
    List<String> select = new ArrayList<>(definition.businessKey());
    select.add(definition.surrogateKey());
    if (history) {
      select.add(DimensionTable.VALID_FROM);
    }
    Map<List<Object>, List<long[]>> versions = new HashMap<>();
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId()).select(select).build()) {
      for (Record row : rows) {
        long key = (Long) row.getField(definition.surrogateKey());
        if (key == DimensionTable.UNKNOWN_KEY) {
          continue;
        }
        Object[] businessKey = new Object[definition.businessKey().size()];
        for (int i = 0; i < businessKey.length; i++) {
          businessKey[i] = row.getField(definition.businessKey().get(i));
        }
        long from = history ? ChangeTimes.micros(row.getField(DimensionTable.VALID_FROM)) : 0;
        versions
            .computeIfAbsent(Arrays.asList(businessKey), k -> new ArrayList<>(1))
            .add(new long[] {from, key});
      }
    } catch (IOException e) {
      throw new MedallionException("Cannot read " + definition.id() + ": " + e.getMessage(), e);
    }
    Map<List<Object>, Periods> members = new HashMap<>(versions.size() * 2);
    versions.forEach(
        (businessKey, list) -> {
          list.sort((a, b) -> Long.compare(a[0], b[0]));
          long[] from = new long[list.size()];
          long[] keys = new long[list.size()];
          for (int i = 0; i < from.length; i++) {
            from[i] = list.get(i)[0];
            keys[i] = list.get(i)[1];
          }
          members.put(businessKey, new Periods(from, keys));
        });
    return new DimensionLookup(members);
  }

  /**
   * Resolves a business key.
   *
   * @param businessKey the key values, in the dimension's order (nulls compare equal)
   * @param atMicros the fact's time in UTC microseconds, or null; ignored by type 1
   * @return the surrogate key, or {@link DimensionTable#UNKNOWN_KEY}
   */
  public long keyOf(List<Object> businessKey, Long atMicros) {
    Periods periods = members.get(businessKey);
    return periods == null ? DimensionTable.UNKNOWN_KEY : periods.keyAt(atMicros);
  }
}
