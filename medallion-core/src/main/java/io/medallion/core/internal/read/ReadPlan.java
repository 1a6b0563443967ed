package io.medallion.core.internal.read;

import io.medallion.Problems;
import io.medallion.read.AsOf;
import io.medallion.read.ReadRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * A read request resolved against one table: the snapshot (null when the table has none yet), the
 * schema as of that snapshot, the columns returned, the columns read (those plus the filter's) and
 * the filter as an Iceberg expression. Every problem (unknown snapshot, branch, column, mismatched
 * literal) is reported at once.
 *
 * @param table the Iceberg table
 * @param request the request
 * @param snapshotId the snapshot read, or null when the table has no snapshot
 * @param output the columns returned, in the order requested
 * @param read the columns read from the data files: the output and the filter's columns
 * @param filter the row filter, {@code alwaysTrue} when the request has none
 */
record ReadPlan(
    Table table,
    ReadRequest request,
    Long snapshotId,
    Schema output,
    Schema read,
    Expression filter) {

  /** How many snapshot ids a message about an unknown snapshot lists. */
  private static final int SNAPSHOTS_LISTED = 5;

  /**
   * Resolves a request.
   *
   * @param table the table, loaded from the catalog
   * @param request the request
   * @return the plan
   * @throws io.medallion.ValidationException listing every problem
   */
  public static ReadPlan of(Table table, ReadRequest request) {
    Problems problems = new Problems();
    Long snapshotId = snapshotId(table, request.asOf(), problems);
    Schema schema = schema(table, request.asOf(), snapshotId);
    List<Types.NestedField> outputFields = new ArrayList<>();
    if (request.columns().isEmpty()) {
      outputFields.addAll(schema.columns());
    }
    for (String name : request.columns()) {
      Types.NestedField field = schema.asStruct().field(name);
      if (field == null) {
        problems.add(
            "column '"
                + name
                + "' is not in the table; its columns are "
                + String.join(", ", columnNames(schema)));
      } else {
        outputFields.add(field);
      }
    }
    Expression filter =
        request
            .filter()
            .map(condition -> FilterTranslator.translate(condition, schema, problems))
            .orElse(Expressions.alwaysTrue());
    problems.throwIfAny(request.toString() + " (table " + table.name() + ")");
    Set<Integer> readIds = new LinkedHashSet<>();
    outputFields.forEach(field -> readIds.add(field.fieldId()));
    request
        .filter()
        .ifPresent(
            condition ->
                condition.columns().forEach(name -> readIds.add(schema.findField(name).fieldId())));
    Schema output = new Schema(outputFields);
    return new ReadPlan(
        table, request, snapshotId, output, TypeUtil.select(schema, readIds), filter);
  }

  /**
   * Starts an Iceberg scan of the plan's snapshot, columns and filter.
   *
   * @return the scan
   */
  public TableScan scan() {
    TableScan scan = table.newScan().project(read).filter(filter).caseSensitive(true);
    if (request.asOf() instanceof AsOf.Ref ref) {
      return scan.useRef(ref.name());
    }
    return snapshotId == null ? scan : scan.useSnapshot(snapshotId);
  }

  /**
   * Lists a schema's top-level column names.
   *
   * @param schema the schema
   * @return the names, in schema order
   */
  static List<String> columnNames(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).collect(Collectors.toList());
  }

  private static Long snapshotId(Table table, AsOf asOf, Problems problems) {
    if (asOf instanceof AsOf.Snapshot snapshot) {
      if (table.snapshot(snapshot.id()) == null) {
        problems.add(
            "snapshot "
                + snapshot.id()
                + " is not in the table's history; its newest snapshots are "
                + newestSnapshots(table));
      }
      return snapshot.id();
    } else if (asOf instanceof AsOf.Time time) {
      return snapshotAt(table, time.instant(), problems);
    } else if (asOf instanceof AsOf.Ref ref) {
      SnapshotRef found = table.refs().get(ref.name());
      if (found == null) {
        problems.add(
            "the table has no branch or tag '"
                + ref.name()
                + "'; it has "
                + String.join(", ", table.refs().keySet()));
        return null;
      }
      return found.snapshotId();
    }
    Snapshot current = table.currentSnapshot();
    return current == null ? null : current.snapshotId();
  }

  private static Long snapshotAt(Table table, Instant instant, Problems problems) {
    Long id = SnapshotUtil.nullableSnapshotIdAsOfTime(table, instant.toEpochMilli());
    if (id == null) {
      Snapshot first = null;
      for (Snapshot snapshot : table.snapshots()) {
        if (first == null || snapshot.timestampMillis() < first.timestampMillis()) {
          first = snapshot;
        }
      }
      problems.add(
          "the table had no snapshot at "
              + instant
              + (first == null
                  ? "; it has none yet"
                  : "; its oldest snapshot was committed at "
                      + Instant.ofEpochMilli(first.timestampMillis())));
    }
    return id;
  }

  private static Schema schema(Table table, AsOf asOf, Long snapshotId) {
    if (asOf instanceof AsOf.Ref ref && snapshotId != null) {
      return SnapshotUtil.schemaFor(table, ref.name());
    } else if (asOf instanceof AsOf.Current || snapshotId == null) {
      return table.schema();
    }
    return table.snapshot(snapshotId) == null
        ? table.schema()
        : SnapshotUtil.schemaFor(table, snapshotId);
  }

  private static String newestSnapshots(Table table) {
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    snapshots.sort((a, b) -> Long.compare(b.timestampMillis(), a.timestampMillis()));
    String listed =
        snapshots.stream()
            .limit(SNAPSHOTS_LISTED)
            .map(snapshot -> String.valueOf(snapshot.snapshotId()))
            .collect(Collectors.joining(", "));
    return listed.isEmpty() ? "(none)" : listed;
  }
}
