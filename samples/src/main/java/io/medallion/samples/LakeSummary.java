package io.medallion.samples;

import io.medallion.Layer;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * What a lake holds after a run: live rows per table, quarantine reasons, the average quality
 * score, and the first rows of each gold table. Read back through Iceberg, as any engine would.
 *
 * @param lake the lake folder
 * @param catalog the SQLite catalog file, or the catalog type and URI
 * @param warehouse the warehouse folder
 * @param tables one entry per table, bronze to gold
 * @param quarantineReasons quarantined rows per failed rule
 * @param averageQualityScore the mean silver quality score, or null without silver rows
 * @param goldPreview the first rows of each gold table, by table name
 */
public record LakeSummary(
    String lake,
    String catalog,
    String warehouse,
    List<TableEntry> tables,
    Map<String, Long> quarantineReasons,
    Double averageQualityScore,
    Map<String, List<Map<String, Object>>> goldPreview) {

  private static final int PREVIEW_ROWS = 5;

  /**
   * One table.
   *
   * @param name the qualified name
   * @param layer bronze, silver, gold, quarantine or dead_letter
   * @param rows live rows
   * @param location the table's folder
   */
  public record TableEntry(String name, String layer, long rows, String location) {}

  /**
   * Reads the summary of a pipeline's tables.
   *
   * @param runtime the runtime holding the lake
   * @param pipeline the pipeline
   * @return the summary
   */
  public static LakeSummary of(MedallionRuntime runtime, Pipeline pipeline) {
    List<TableEntry> tables = new ArrayList<>();
    Map<String, Long> reasons = new TreeMap<>();
    Double average = null;
    Map<String, List<Map<String, Object>>> preview = new LinkedHashMap<>();
    for (TableDefinition definition : pipeline.tables()) {
      add(runtime, tables, definition.id(), definition.layer());
      if (definition instanceof BronzeTable bronze) {
        add(runtime, tables, bronze.deadLetterId(), Layer.DEAD_LETTER);
      } else if (definition instanceof SilverTable silver) {
        add(runtime, tables, silver.quarantineId(), Layer.QUARANTINE);
        countReasons(runtime.table(silver.quarantineId()), reasons);
        average = averageScore(runtime.table(silver.id()));
      } else if (definition instanceof GoldTable gold) {
        preview.put(gold.id().toString(), firstRows(runtime.table(gold.id())));
      }
    }
    Path lake = runtime.lake();
    CatalogConfig catalog = runtime.catalogConfig();
    return new LakeSummary(
        lake.toString(),
        catalog instanceof EmbeddedCatalogConfig
            ? lake.resolve("catalog.db").toString()
            : catalog.type().label() + " " + catalog.location(),
        catalog instanceof EmbeddedCatalogConfig
            ? lake.resolve("warehouse").toString()
            : catalog.warehouseLocation().orElse("(chosen by the catalog)"),
        tables,
        reasons,
        average,
        preview);
  }

  private static void add(
      MedallionRuntime runtime, List<TableEntry> tables, TableId id, Layer layer) {
    if (!runtime.exists(id)) {
      tables.add(new TableEntry(id.toString(), layer.label(), 0, ""));
      return;
    }
    Table table = runtime.table(id);
    tables.add(new TableEntry(id.toString(), layer.label(), liveRows(table), table.location()));
  }

  /** Live rows: records minus positionally deleted ones, from the snapshot summary. */
  static long liveRows(Table table) {
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return 0;
    }
    Map<String, String> summary = snapshot.summary();
    return Long.parseLong(summary.getOrDefault("total-records", "0"))
        - Long.parseLong(summary.getOrDefault("total-position-deletes", "0"));
  }

  private static void countReasons(Table quarantine, Map<String, Long> reasons) {
    scan(
        quarantine,
        SilverTable.REASONS,
        row -> {
          if (row.getField(SilverTable.REASONS) instanceof List<?> items) {
            for (Object reason : items) {
              // Each reason is a SilverTable.FAILURE struct; reasons are counted by rule.
              reasons.merge((String) ((Record) reason).getField("rule"), 1L, Long::sum);
            }
          }
          return true;
        });
  }

  private static Double averageScore(Table silver) {
    double[] sumAndCount = new double[2];
    scan(
        silver,
        SilverTable.QUALITY_SCORE,
        row -> {
          if (row.getField(SilverTable.QUALITY_SCORE) instanceof Double score) {
            sumAndCount[0] += score;
            sumAndCount[1]++;
          }
          return true;
        });
    return sumAndCount[1] == 0 ? null : sumAndCount[0] / sumAndCount[1];
  }

  private static List<Map<String, Object>> firstRows(Table gold) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Types.NestedField> fields = gold.schema().columns();
    scan(
        gold,
        null,
        row -> {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int i = 0; i < fields.size(); i++) {
            Object value = row.get(i);
            values.put(
                fields.get(i).name(),
                value instanceof Number || value == null ? value : value.toString());
          }
          rows.add(values);
          return rows.size() < PREVIEW_ROWS;
        });
    return rows;
  }

  /** Streams a table's rows to a visitor until it returns false. */
  private static void scan(Table table, String column, Predicate<Record> visitor) {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return;
    }
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table);
    if (column != null) {
      scan = scan.select(column);
    }
    try (CloseableIterable<Record> records = scan.build()) {
      for (Record record : records) {
        if (!visitor.test(record)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Finds one table's entry.
   *
   * @param name the qualified table name
   * @return the entry
   */
  public TableEntry table(String name) {
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No table " + name + " in the summary"));
  }
}
