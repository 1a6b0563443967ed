package io.medallion.core.internal.quality;

import io.medallion.quality.RowView;
import io.medallion.report.Masking;
import io.medallion.schema.Column;
import io.medallion.table.ColumnMapping;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks report samples by what each column holds: emails and phones by their standardizer, names by
 * title casing, columns the table shows in reports as they are, anything else to its first and last
 * character. Nothing is shown unmasked unless the definition says so.
 */
public final class SampleMasking implements RowMasker {
  private final Map<SilverTable, Masking> byTable = new ConcurrentHashMap<>();

  /** Creates the masker. */
  public SampleMasking() {}

  @Override
  public Map<String, String> mask(SilverTable table, List<Column> columns, RowView row) {
    Masking masking = byTable.computeIfAbsent(table, SampleMasking::maskingOf);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Column column : columns) {
      values.put(column.name(), row.get(column.name()));
    }
    return masking.mask(values);
  }

  private static Masking maskingOf(SilverTable table) {
    Masking.Builder masking = Masking.builder();
    // A column has one kind: one the definition shows in reports is plain, whatever its shape.
    masking.plain(table.shownInReports().toArray(String[]::new));
    for (ColumnMapping mapping : table.mappings()) {
      String column = mapping.column().name();
      if (!table.shownInReports().contains(column)) {
        kindByShape(mapping.standardizers()).ifPresent(kind -> masking.kind(kind, column));
      }
    }
    return masking.build();
  }

  /** The kind of the first standardizer that tells what the column holds. */
  private static Optional<Masking.Kind> kindByShape(List<Standardizer> standardizers) {
    for (Standardizer standardizer : standardizers) {
      if (standardizer == Standardizer.EMAIL) {
        return Optional.of(Masking.Kind.EMAIL);
      } else if (standardizer instanceof Standardizer.PhoneE164) {
        return Optional.of(Masking.Kind.PHONE);
      } else if (standardizer == Standardizer.TITLE_CASE) {
        return Optional.of(Masking.Kind.NAME);
      }
    }
    return Optional.empty();
  }
}
