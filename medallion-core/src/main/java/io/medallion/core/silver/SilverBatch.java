package io.medallion.core.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.iceberg.RecordWriter;
import io.medallion.core.iceberg.TableProperties;
import io.medallion.core.quality.ContactChecks;
import io.medallion.core.quality.DatasetRuleEvaluator;
import io.medallion.core.quality.MetricsTable;
import io.medallion.core.quality.QualityStats;
import io.medallion.core.quality.RowQuality;
import io.medallion.core.quality.RuleEvaluator;
import io.medallion.core.quality.contact.PhoneValidator;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityGateException;
import io.medallion.quality.QualityPolicy;
import io.medallion.schema.Column;
import io.medallion.table.Deduplication;
import io.medallion.table.SilverTable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.TypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one upstream range (or one quarantine replay), on their way to silver and quarantine:
 * mapped, scored, de-duplicated within the batch and against silver, then committed.
 */
final class SilverBatch {
  private static final Logger LOG = LoggerFactory.getLogger(SilverBatch.class);
  private static final int GATE_SAMPLES = 5;
  private static final long PROGRESS_EVERY = 100_000;

  /**
   * What every batch needs from the processor.
   *
   * @param clock the run's clock
   * @param json the JSON mapper
   * @param contacts email and phone validity
   * @param phones the phone validator behind the E.164 standardizer
   * @param masker masks report samples
   */
  record Context(
      Clock clock,
      ObjectMapper json,
      ContactChecks contacts,
      PhoneValidator phones,
      SilverProcessor.RowMasker masker) {}

  private final Context context;
  private final Set<List<String>> recoveredRejects;
  private final SilverTable definition;
  private final boolean writeQuarantine;
  private final org.apache.iceberg.Schema quarantineSchema;
  private final SilverMapper mapper;
  private final RuleEvaluator rules;
  private final QualityStats stats;
  private final QualityPolicy policy;
  private final OffsetDateTime now;
  private final Deduplication dedup;
  private final int keyIndex;
  private final int orderIndex;
  private final Map<Object, Candidate> latest = new HashMap<>();
  private final List<Candidate> unkeyed = new ArrayList<>();
  private final List<Record> rejected = new ArrayList<>();
  private final List<String> gateSamples = new ArrayList<>();
  private final List<MetricsTable.Run> history;
  private final int[] flagRules;
  private Map<String, Double> metrics = Map.of();
  private List<DatasetRuleEvaluator.Result> datasetResults = List.of();
  private long read;
  private long gateFailures;
  private long duplicates;

  SilverBatch(
      Context context,
      SilverTable definition,
      boolean writeQuarantine,
      org.apache.iceberg.Schema quarantineSchema,
      List<MetricsTable.Run> history,
      Set<List<String>> recoveredRejects) {
    this.context = context;
    this.recoveredRejects = recoveredRejects;
    this.history = history;
    this.flagRules =
        definition.ruleFlags().stream()
            .mapToInt(flag -> ruleIndex(definition.rules(), flag.rule()))
            .toArray();
    this.definition = definition;
    this.writeQuarantine = writeQuarantine;
    this.quarantineSchema = quarantineSchema;
    this.now = OffsetDateTime.now(context.clock()).withOffsetSameInstant(ZoneOffset.UTC);
    this.mapper = new SilverMapper(definition, now.toLocalDate(), context.phones());
    this.policy = definition.policy();
    this.rules = new RuleEvaluator(definition.rules(), policy, now, context.contacts());
    this.stats = new QualityStats(definition.rules());
    this.dedup = definition.deduplication().orElse(null);
    List<Column> columns = mapper.columns();
    this.keyIndex = dedup == null ? -1 : indexOf(columns, dedup.key());
    this.orderIndex =
        dedup == null || dedup.orderBy() == null ? -1 : indexOf(columns, dedup.orderBy());
  }

  Map<String, Double> metrics() {
    return metrics;
  }

  List<DatasetRuleEvaluator.Result> datasetResults() {
    return datasetResults;
  }

  OffsetDateTime now() {
    return now;
  }

  QualityStats stats() {
    return stats;
  }

  void accept(SourceRow source) {
    read++;
    if (read % PROGRESS_EVERY == 0) {
      LOG.info("{}: {} upstream rows mapped and scored so far", definition.id(), read);
    }
    if (source.record() == null) {
      reject(source, null, 0.0, List.of("payload: " + source.parseError()));
      return;
    }
    acceptMapped(source, mapper.map(source.record()));
  }

  /**
   * Scores an already typed row and routes it.
   *
   * @return true when the row goes on to silver (or loses to a later row of its key), false when it
   *     is rejected
   */
  boolean acceptMapped(SourceRow source, MappedRow row) {
    RowQuality quality = rules.evaluate(row, row.typeErrors());
    stats.add(
        quality,
        source.coordinate(),
        () -> context.masker().mask(definition, mapper.columns(), row));
    PolicyAction action = quality.forcedAction();
    if (action == null && quality.score() < policy.minScore()) {
      action = policy.action();
    }
    if (recoveredRejects != null) {
      // Re-doing a range whose quarantine commit landed: that commit, not today's scores
      // (the clock or the rules may have moved), says which rows were rejected.
      action =
          recoveredRejects.contains(List.of(source.batchId(), source.coordinate()))
              ? PolicyAction.QUARANTINE
              : null;
    }
    if (action == PolicyAction.QUARANTINE || action == PolicyAction.FAIL_BATCH) {
      if (action == PolicyAction.FAIL_BATCH) {
        gateFailures++;
        if (gateSamples.size() < GATE_SAMPLES) {
          gateSamples.add(source.coordinate() + ": " + quality.failures());
        }
      }
      reject(source, row, quality.score(), quality.failures());
      return false;
    }
    // Keep the lineage, not the parsed JSON tree: candidates wait in memory until the commit.
    Candidate candidate = new Candidate(source.lineageOnly(), row, quality);
    Object key = keyIndex < 0 ? null : row.values()[keyIndex];
    // A blank key identifies nothing: such rows are kept as they come, like null keys.
    if (!Rows.isPresent(key)) {
      unkeyed.add(candidate);
      return true;
    }
    Candidate previous = latest.get(key);
    if (previous == null) {
      latest.put(key, candidate);
    } else {
      duplicates++;
      if (candidate.isLaterThan(previous, orderIndex)) {
        latest.put(key, candidate);
      }
    }
    return true;
  }

  private void reject(SourceRow source, MappedRow row, double score, List<String> reasons) {
    Record record = GenericRecord.create(quarantineSchema);
    record.setField(SilverTable.LINEAGE_BATCH_ID, source.batchId());
    record.setField(SilverTable.LINEAGE_INGESTED_AT, source.ingestedAt());
    record.setField(SilverTable.LINEAGE_COORDINATE, source.coordinate());
    record.setField(SilverTable.QUARANTINED_AT, now);
    record.setField(SilverTable.QUALITY_SCORE, score);
    record.setField(SilverTable.REASONS, List.copyOf(reasons));
    record.setField(SilverTable.RECORD, row == null ? null : toJson(row));
    rejected.add(record);
  }

  /** Returns the mapper, for replays that restore typed rows. */
  SilverMapper mapper() {
    return mapper;
  }

  /**
   * Commits quarantine (unless this batch writes none) and then silver, each with the summary
   * entries given: the consumed-upstream marker for runs, the replay marker for replays.
   */
  TableRun commit(Table silver, Table quarantine, Map<String, String> summary) {
    if (gateFailures > 0) {
      throw new QualityGateException(
          definition.id().toString(), gateFailures, read, List.copyOf(gateSamples));
    }
    Replacements replacements = findReplacements(silver);
    List<Candidate> kept = new ArrayList<>(unkeyed);
    for (Candidate candidate : latest.values()) {
      if (!replacements.superseded.contains(candidate)) {
        kept.add(candidate);
      }
    }
    long duplicatesTotal = duplicates + replacements.superseded.size();
    if (read > 0) {
      // An empty range (upstream snapshots without appends) only advances the marker: its
      // figures would skew the history and fail row-count rules for no data.
      metrics = metricsOf(kept.size(), duplicatesTotal);
      datasetResults =
          DatasetRuleEvaluator.evaluate(
              definition.datasetRules(),
              kept.stream().map(c -> c.row).toList(),
              metrics,
              history,
              now);
    }
    List<String> failedGates =
        datasetResults.stream()
            .filter(r -> !r.passed() && r.rule().action() == PolicyAction.FAIL_BATCH)
            .map(r -> r.rule().name() + ": " + r.detail())
            .toList();
    if (!failedGates.isEmpty()) {
      throw new QualityGateException(definition.id().toString(), failedGates);
    }
    if (writeQuarantine && !rejected.isEmpty()) {
      try (RecordWriter writer = new RecordWriter(quarantine)) {
        rejected.forEach(writer::write);
        var append = quarantine.newAppend();
        writer.finish().forEach(append::appendFile);
        summary.forEach(append::set);
        append.set(TableProperties.ROWS_WRITTEN, Long.toString(rejected.size()));
        append.commit();
      }
    }
    RowDelta delta = silver.newRowDelta();
    long written = 0;
    Record template = GenericRecord.create(silver.schema());
    try (RecordWriter writer = new RecordWriter(silver)) {
      for (Candidate candidate : kept) {
        writer.write(candidate.toRecord(template, flagRules));
      }
      written = writer.rows();
      for (DataFile file : writer.finish()) {
        delta.addRows(file);
      }
    }
    for (DeleteFile deletes : replacements.write(silver)) {
      delta.addDeletes(deletes);
    }
    Snapshot base = silver.currentSnapshot();
    if (base != null) {
      delta.validateFromSnapshot(base.snapshotId());
      delta.validateNoConflictingDataFiles();
      delta.validateNoConflictingDeleteFiles();
      // Rows are deleted by position: a compaction that rewrote their file must fail this commit.
      delta.validateDataFilesExist(replacements.referencedFiles());
    }
    summary.forEach(delta::set);
    delta.set(TableProperties.ROWS_WRITTEN, Long.toString(written));
    delta.commit();
    return new TableRun(
        definition.id(),
        Layer.SILVER,
        read,
        written,
        rejected.size(),
        duplicatesTotal,
        replacements.deleted(),
        silver.currentSnapshot().snapshotId());
  }

  /**
   * Compares the batch's latest rows with the live rows already in silver (deletes applied), each
   * with its data file and position for a positional delete.
   */
  private Replacements findReplacements(Table silver) {
    Replacements replacements = new Replacements();
    if (dedup == null || latest.isEmpty() || silver.currentSnapshot() == null) {
      return replacements;
    }
    String orderColumn = dedup.orderBy();
    List<String> columns = new ArrayList<>(List.of(dedup.key(), SilverTable.LINEAGE_INGESTED_AT));
    if (orderColumn != null) {
      columns.add(orderColumn);
    }
    long snapshot = silver.currentSnapshot().snapshotId();
    Map<String, DataFile> files = new HashMap<>();
    try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks =
            silver.newScan().useSnapshot(snapshot).planFiles();
        CloseableIterable<Record> rows =
            IcebergGenerics.read(silver)
                .useSnapshot(snapshot)
                .project(
                    TypeUtil.join(
                        silver.schema().select(columns),
                        new org.apache.iceberg.Schema(
                            MetadataColumns.FILE_PATH, MetadataColumns.ROW_POSITION)))
                .build()) {
      tasks.forEach(task -> files.put(task.file().location(), task.file()));
      for (Record existing : rows) {
        Candidate incoming = latest.get(existing.getField(dedup.key()));
        if (incoming == null || replacements.superseded.contains(incoming)) {
          continue;
        }
        Object existingOrder = orderColumn == null ? null : existing.getField(orderColumn);
        Object existingIngested = existing.getField(SilverTable.LINEAGE_INGESTED_AT);
        if (incoming.winsOver(existingOrder, existingIngested, orderIndex)) {
          replacements.delete(
              files.get((String) existing.getField(MetadataColumns.FILE_PATH.name())),
              (Long) existing.getField(MetadataColumns.ROW_POSITION.name()));
        } else {
          replacements.superseded.add(incoming);
        }
      }
    } catch (java.io.IOException e) {
      throw new MedallionException(
          "Cannot scan " + definition.id() + " for existing keys: " + e.getMessage(), e);
    }
    return replacements;
  }

  /** This batch's metrics, keyed as in the metrics table. */
  private Map<String, Double> metricsOf(long written, long duplicatesTotal) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("rows_read", (double) read);
    values.put("rows_written", (double) written);
    values.put("rows_quarantined", (double) rejected.size());
    values.put("rows_duplicates", (double) duplicatesTotal);
    values.put("score_avg", stats.averageScore());
    values.put("completeness_avg", stats.averageCompleteness());
    values.put("validity_avg", stats.averageValidity());
    values.put("consistency_avg", stats.averageConsistency());
    for (int i = 0; i < stats.rules().size(); i++) {
      long applicable = stats.passed(i) + stats.failed(i);
      if (applicable > 0) {
        values.put(
            MetricsTable.key("pass_rate", stats.rules().get(i).name()),
            (double) stats.passed(i) / applicable);
      }
    }
    long[] histogram = stats.histogram();
    for (int i = 0; i < histogram.length; i++) {
      values.put(MetricsTable.key("score_bucket", Integer.toString(i)), (double) histogram[i]);
    }
    return values;
  }

  private String toJson(MappedRow row) {
    ObjectNode node = context.json().createObjectNode();
    List<Column> columns = mapper.columns();
    for (int i = 0; i < columns.size(); i++) {
      node.set(columns.get(i).name(), UpstreamReader.toJson(row.values()[i]));
    }
    return node.toString();
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("No column " + name);
  }

  private static int ruleIndex(List<io.medallion.quality.Rule> rules, String name) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("No rule " + name);
  }

  static int compareOrder(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    @SuppressWarnings("unchecked")
    Comparable<Object> comparable = (Comparable<Object>) left;
    return comparable.compareTo(right);
  }

  /** A row that passed the policy, waiting for de-duplication. */
  private static final class Candidate {
    private final SourceRow source;
    private final MappedRow row;
    private final RowQuality quality;

    Candidate(SourceRow source, MappedRow row, RowQuality quality) {
      this.source = source;
      this.row = row;
      this.quality = quality;
    }

    /** Later by the order column; ties go to the later ingested record. */
    boolean isLaterThan(Candidate other, int orderIndex) {
      if (orderIndex >= 0) {
        int byOrder = compareOrder(row.values()[orderIndex], other.row.values()[orderIndex]);
        if (byOrder != 0) {
          return byOrder > 0;
        }
      }
      int byTime = compareOrder(source.ingestedAt(), other.source.ingestedAt());
      return byTime != 0 ? byTime > 0 : source.sequence() > other.source.sequence();
    }

    /** An incoming row replaces an existing one unless the existing one is strictly later. */
    boolean winsOver(Object existingOrder, Object existingIngested, int orderIndex) {
      if (orderIndex >= 0) {
        int byOrder = compareOrder(row.values()[orderIndex], existingOrder);
        if (byOrder != 0) {
          return byOrder > 0;
        }
      }
      return compareOrder(source.ingestedAt(), existingIngested) >= 0;
    }

    Record toRecord(Record template, int[] flagRules) {
      Record record = template.copy();
      Object[] values = row.values();
      for (int i = 0; i < values.length; i++) {
        record.set(i, values[i]);
      }
      int next = values.length;
      byte[] outcomes = quality.outcomes();
      for (int flagRule : flagRules) {
        byte outcome = outcomes[flagRule];
        record.set(
            next++, outcome == RuleEvaluator.SKIPPED ? null : outcome == RuleEvaluator.PASSED);
      }
      record.set(next, quality.score());
      record.set(next + 1, quality.completeness());
      record.set(next + 2, quality.validity());
      record.set(next + 3, quality.consistency());
      record.set(next + 4, quality.failures());
      record.set(next + 5, source.batchId());
      record.set(next + 6, source.ingestedAt());
      record.set(next + 7, source.coordinate());
      return record;
    }
  }
}
