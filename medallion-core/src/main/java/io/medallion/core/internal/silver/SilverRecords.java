package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.core.internal.quality.RowQuality;
import io.medallion.core.internal.quality.RuleEvaluator;
import io.medallion.quality.Dimension;
import io.medallion.quality.FailedRule;
import io.medallion.quality.Rule;
import io.medallion.quality.Severity;
import io.medallion.schema.Column;
import io.medallion.table.SilverTable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Builds the Iceberg rows a batch writes: silver rows (user values, rule flags, scores, failed
 * rules, lineage) and quarantine rows (lineage, score, reasons, the typed values as JSON). Failed
 * rules are written as structs of {@link SilverTable#FAILURE}.
 */
final class SilverRecords {
  private final Record silverTemplate;
  private final Record quarantineTemplate;
  private final Record silverFailure;
  private final Record quarantineFailure;
  private final int[] flagRules;
  private final List<Column> columns;
  private final ObjectMapper json;
  private final OffsetDateTime now;

  SilverRecords(
      SilverTable definition,
      List<Column> columns,
      Table silver,
      Table quarantine,
      ObjectMapper json,
      OffsetDateTime now) {
    this.silverTemplate = GenericRecord.create(silver.schema());
    this.quarantineTemplate = GenericRecord.create(quarantine.schema());
    this.silverFailure = failureTemplate(silver, SilverTable.FAILED_RULES);
    this.quarantineFailure = failureTemplate(quarantine, SilverTable.REASONS);
    this.flagRules =
        definition.ruleFlags().stream()
            .mapToInt(flag -> ruleIndex(definition.rules(), flag.rule()))
            .toArray();
    this.columns = columns;
    this.json = json;
    this.now = now;
  }

  /** A kept row as silver stores it. */
  Record silver(SourceRow source, MappedRow row, RowQuality quality, long hash) {
    Record record = silverTemplate.copy();
    Object[] values = row.values();
    for (int i = 0; i < values.length; i++) {
      record.set(i, values[i]);
    }
    int next = values.length;
    byte[] outcomes = quality.outcomes();
    for (int flagRule : flagRules) {
      byte outcome = outcomes[flagRule];
      record.set(next++, outcome == RuleEvaluator.SKIPPED ? null : outcome == RuleEvaluator.PASSED);
    }
    record.set(next, quality.score());
    record.set(next + 1, quality.completeness());
    record.set(next + 2, quality.validity());
    record.set(next + 3, quality.consistency());
    record.set(next + 4, failures(silverFailure, quality.failures()));
    record.set(next + 5, source.batchId());
    record.set(next + 6, source.ingestedAt());
    record.set(next + 7, source.coordinate());
    record.set(next + 8, hash);
    return record;
  }

  /**
   * A rejected row as quarantine stores it.
   *
   * @param row its typed values, or null when the payload did not parse
   * @param hash the row's {@link RowHash}, or null without typed values
   */
  Record quarantine(
      SourceRow source, MappedRow row, double score, List<FailedRule> reasons, Long hash) {
    Record record = quarantineTemplate.copy();
    record.setField(SilverTable.LINEAGE_BATCH_ID, source.batchId());
    record.setField(SilverTable.LINEAGE_INGESTED_AT, source.ingestedAt());
    record.setField(SilverTable.LINEAGE_COORDINATE, source.coordinate());
    record.setField(SilverTable.QUARANTINED_AT, now);
    record.setField(SilverTable.QUALITY_SCORE, score);
    record.setField(SilverTable.REASONS, failures(quarantineFailure, reasons));
    record.setField(SilverTable.RECORD, row == null ? null : toJson(row));
    record.setField(SilverTable.ROW_HASH, hash);
    return record;
  }

  /** Reads back the failures of a {@link SilverTable#FAILED_RULES} or reasons column value. */
  static List<FailedRule> failures(Object column) {
    List<FailedRule> failures = new ArrayList<>();
    for (Object element : (List<?>) column) {
      Record failure = (Record) element;
      failures.add(
          new FailedRule(
              (String) failure.getField("rule"),
              Dimension.fromLabel((String) failure.getField("dimension")),
              Severity.valueOf(((String) failure.getField("severity")).toUpperCase(Locale.ROOT)),
              (String) failure.getField("reason"),
              FailedRule.Origin.valueOf(
                  ((String) failure.getField("origin")).toUpperCase(Locale.ROOT))));
    }
    return failures;
  }

  private static List<Record> failures(Record template, List<FailedRule> failures) {
    if (failures.isEmpty()) {
      return List.of();
    }
    List<Record> records = new ArrayList<>(failures.size());
    for (FailedRule failure : failures) {
      Record record = template.copy();
      record.set(0, failure.rule());
      record.set(1, failure.dimension().label());
      record.set(2, failure.severity().name().toLowerCase(Locale.ROOT));
      record.set(3, failure.reason());
      record.set(4, failure.origin().label());
      records.add(record);
    }
    return records;
  }

  private static Record failureTemplate(Table table, String column) {
    Types.StructType struct =
        table.schema().findField(column).type().asListType().elementType().asStructType();
    return GenericRecord.create(struct);
  }

  private String toJson(MappedRow row) {
    ObjectNode node = json.createObjectNode();
    for (int i = 0; i < columns.size(); i++) {
      node.set(columns.get(i).name(), UpstreamReader.toJson(row.values()[i]));
    }
    return node.toString();
  }

  private static int ruleIndex(List<Rule> rules, String name) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("No rule " + name);
  }
}
