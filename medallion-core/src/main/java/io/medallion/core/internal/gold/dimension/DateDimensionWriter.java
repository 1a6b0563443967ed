package io.medallion.core.internal.gold.dimension;

import io.medallion.Layer;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.gold.GoldCommit;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.table.DateDimension;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a date dimension's days once, and again only when its range changes: the range is recorded
 * in the commit's summary.
 */
public final class DateDimensionWriter {
  /** The snapshot summary entry holding the range written, e.g. {@code 2000-01-01..2030-12-31}. */
  public static final String RANGE = "medallion.date-range";

  private static final Logger LOG = LoggerFactory.getLogger(DateDimensionWriter.class);

  private final TableStore store;

  /**
   * Creates a writer.
   *
   * @param store the tables
   */
  public DateDimensionWriter(TableStore store) {
    this.store = store;
  }

  /**
   * Brings a date dimension up to date.
   *
   * @param definition the date dimension
   * @return what the run did
   */
  public TableRun process(DateDimension definition) {
    Table table = store.ensure(TableLayouts.dateDimension(definition));
    String range = definition.from() + ".." + definition.to();
    Snapshot current = table.currentSnapshot();
    if (current != null && range.equals(current.summary().get(RANGE))) {
      return TableRun.unchanged(definition.id(), Layer.GOLD);
    }
    List<DataFile> files;
    long written;
    try (RecordWriter writer = new RecordWriter(table)) {
      Record unknown = GenericRecord.create(table.schema());
      unknown.setField(DateDimension.DATE_KEY, DateDimension.UNKNOWN_KEY);
      writer.write(unknown);
      for (LocalDate day = definition.from();
          !day.isAfter(definition.to());
          day = day.plusDays(1)) {
        writer.write(day(table, day));
      }
      written = writer.rows();
      files = writer.finish();
    }
    Snapshot committed =
        GoldCommit.replaceAll(
            table,
            current == null ? null : current.snapshotId(),
            files,
            written,
            Map.of(),
            Map.of(RANGE, range));
    LOG.info("{}: wrote {} days {}", definition.id(), written - 1, range);
    return new TableRun(
        definition.id(), Layer.GOLD, 0, written, 0, 0, 0, committed.snapshotId(), List.of());
  }

  private static Record day(Table table, LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    Record row = GenericRecord.create(table.schema());
    row.setField(DateDimension.DATE_KEY, DateDimension.keyOf(day));
    row.setField("date", day);
    row.setField("year", day.getYear());
    row.setField("quarter", day.get(IsoFields.QUARTER_OF_YEAR));
    row.setField("month", day.getMonthValue());
    row.setField("month_name", day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    row.setField("day_of_month", day.getDayOfMonth());
    row.setField("day_of_week", weekday.getValue());
    row.setField("day_name", weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    row.setField("day_of_year", day.getDayOfYear());
    row.setField("iso_week", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    row.setField("iso_week_year", day.get(IsoFields.WEEK_BASED_YEAR));
    row.setField("is_weekend", weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY);
    row.setField("first_day_of_month", day.withDayOfMonth(1));
    return row;
  }
}
