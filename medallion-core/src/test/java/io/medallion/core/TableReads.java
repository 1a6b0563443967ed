package io.medallion.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads tables back with Iceberg's own generic reader, as any other engine would. */
final class TableReads {
  private TableReads() {}

  static List<Record> rows(Table table) {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return List.of();
    }
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(r -> rows.add(r.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Renders a failed_rules or reasons column as "rule: reason" texts, to compare in one assertion.
   */
  public static List<String> failures(Record row, String column) {
    List<String> texts = new ArrayList<>();
    for (Object element : (List<?>) row.getField(column)) {
      Record failure = (Record) element;
      texts.add(failure.getField("rule") + ": " + failure.getField("reason"));
    }
    return texts;
  }
}
