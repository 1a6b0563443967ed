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
import java.nio.file.Path;
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
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.TypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one upstream range (or one quarantine replay), on their way to silver and quarantine:
 * mapped, scored, de-duplicated within the batch and against silver, then committed.
 *
 * <p>Rows are written to new data files as they are scored, so memory holds one small entry per
 * de-duplication key (its order value, ingestion and file position), not the rows. A later row that
 * wins over an earlier one of the same batch is written and the earlier one gets a positional
 * delete in the same commit (deletes apply to data files of their own sequence number). A batch
 * that is not committed deletes the files it wrote.
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
   * @param keysInMemory how many de-duplication keys a batch holds before spilling them to disk
   * @param spillDirectory where spilled keys go
   */
  record Context(
      Clock clock,
      ObjectMapper json,
      ContactChecks contacts,
      PhoneValidator phones,
      SilverProcessor.RowMasker masker,
      int keysInMemory,
      Path spillDirectory) {}

  private final Context context;
  private final Set<List<String>> recoveredRejects;
  private final SilverTable definition;
  private final boolean writeQuarantine;
  private final Table silver;
  private final Table quarantine;
  private final Record silverTemplate;
  private final Record quarantineTemplate;
  private final SilverMapper mapper;
  private final RuleEvaluator rules;
  private final QualityStats stats;
  private final QualityPolicy policy;
  private final OffsetDateTime now;
  private final Deduplication dedup;
  private final int keyIndex;
  private final int orderIndex;
  private final LatestByKey latest;
  private final DatasetRows datasetRows;
  private final Replacements replacements = new Replacements();
  private final List<String> gateSamples = new ArrayList<>();
  private RecordWriter silverWriter;
  private RecordWriter quarantineWriter;
  private long kept;
  private long rejected;
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
      Table silver,
      Table quarantine,
      boolean writeQuarantine,
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
    this.silver = silver;
    this.quarantine = quarantine;
    this.silverTemplate = GenericRecord.create(silver.schema());
    this.quarantineTemplate = GenericRecord.create(quarantine.schema());
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
    this.datasetRows = DatasetRows.of(definition.datasetRules(), columns);
    this.latest = new LatestByKey(context.keysInMemory(), context.spillDirectory());
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

  /**
   * An upstream row with its typed values.
   *
   * @param source the upstream row
   * @param row its typed values, or null when its payload did not parse
   */
  record Mapped(SourceRow source, MappedRow row) {}

  /**
   * Maps an upstream row to typed values. Touches no state of the batch, so it may run on another
   * thread than {@link #accept(Mapped)}, one thread at a time.
   */
  Mapped map(SourceRow source) {
    return new Mapped(source, source.record() == null ? null : mapper.map(source.record()));
  }

  /** Maps, scores and routes an upstream row on the calling thread. */
  void accept(SourceRow source) {
    accept(map(source));
  }

  /** Scores and routes a mapped row. */
  void accept(Mapped mapped) {
    read++;
    if (read % PROGRESS_EVERY == 0) {
      LOG.info("{}: {} upstream rows mapped and scored so far", definition.id(), read);
    }
    SourceRow source = mapped.source();
    if (mapped.row() == null) {
      reject(source, null, 0.0, List.of("payload: " + source.parseError()));
      return;
    }
    acceptMapped(source, mapped.row());
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
    Object key = keyIndex < 0 ? null : row.values()[keyIndex];
    Object order = orderIndex < 0 ? null : Kept.orderKey(row.values()[orderIndex]);
    // A blank key identifies nothing: such rows are kept as they come, like null keys.
    if (!Rows.isPresent(key)) {
      write(source, row, quality);
      datasetRows.addUnkeyed(row);
      kept++;
      return true;
    }
    long ingested = Kept.micros(source.ingestedAt());
    Kept previous = latest.get(key);
    if (previous != null) {
      duplicates++;
      if (!Kept.isLater(order, ingested, source.sequence(), previous)) {
        return true;
      }
      replacements.deleteIncoming(previous.path(), previous.position());
    } else {
      kept++;
    }
    RecordWriter.Location location = write(source, row, quality);
    latest.put(
        key,
        new Kept(
            order,
            ingested,
            source.sequence(),
            location.path(),
            location.position(),
            datasetRows.valuesOf(row)));
    return true;
  }

  /** Writes a kept row to silver's new data files. */
  private RecordWriter.Location write(SourceRow source, MappedRow row, RowQuality quality) {
    if (silverWriter == null) {
      silverWriter = new RecordWriter(silver);
    }
    return silverWriter.write(toRecord(source, row, quality));
  }

  private void reject(SourceRow source, MappedRow row, double score, List<String> reasons) {
    rejected++;
    if (!writeQuarantine) {
      return;
    }
    Record record = quarantineTemplate.copy();
    record.setField(SilverTable.LINEAGE_BATCH_ID, source.batchId());
    record.setField(SilverTable.LINEAGE_INGESTED_AT, source.ingestedAt());
    record.setField(SilverTable.LINEAGE_COORDINATE, source.coordinate());
    record.setField(SilverTable.QUARANTINED_AT, now);
    record.setField(SilverTable.QUALITY_SCORE, score);
    record.setField(SilverTable.REASONS, List.copyOf(reasons));
    record.setField(SilverTable.RECORD, row == null ? null : toJson(row));
    if (quarantineWriter == null) {
      quarantineWriter = new RecordWriter(quarantine);
    }
    quarantineWriter.write(record);
  }

  /** Returns the mapper, for replays that restore typed rows. */
  SilverMapper mapper() {
    return mapper;
  }

  /**
   * Commits quarantine (unless this batch writes none) and then silver, each with the summary
   * entries given: the consumed-upstream marker for runs, the replay marker for replays. A batch
   * that fails its policy commits nothing and deletes the files it wrote.
   */
  TableRun commit(Map<String, String> summary) {
    try {
      return commitOrThrow(summary);
    } catch (RuntimeException e) {
      abort();
      throw e;
    } finally {
      latest.close();
    }
  }

  private TableRun commitOrThrow(Map<String, String> summary) {
    if (gateFailures > 0) {
      throw new QualityGateException(
          definition.id().toString(), gateFailures, read, List.copyOf(gateSamples));
    }
    long merged = latest.resolve(existingRows(), orderIndex >= 0, replacements, datasetRows);
    kept -= merged;
    duplicates += merged;
    long superseded = replacements.superseded();
    long duplicatesTotal = duplicates + superseded;
    long written = kept - superseded;
    if (read > 0) {
      // An empty range (upstream snapshots without appends) only advances the marker: its
      // figures would skew the history and fail row-count rules for no data.
      metrics = metricsOf(written, duplicatesTotal);
      datasetResults =
          DatasetRuleEvaluator.evaluate(
              definition.datasetRules(), datasetRows.rows(), metrics, history, now);
    }
    List<String> failedGates =
        datasetResults.stream()
            .filter(r -> !r.passed() && r.rule().action() == PolicyAction.FAIL_BATCH)
            .map(r -> r.rule().name() + ": " + r.detail())
            .toList();
    if (!failedGates.isEmpty()) {
      throw new QualityGateException(definition.id().toString(), failedGates);
    }
    if (quarantineWriter != null) {
      // A row delta, not an append, so that it can check nobody else added rows meanwhile: two
      // runtimes processing the same range would otherwise both quarantine its rejects.
      RowDelta append = quarantine.newRowDelta();
      quarantineWriter.finish().forEach(append::addRows);
      validateNoneAddedSince(append, quarantine.currentSnapshot());
      summary.forEach(append::set);
      append.set(TableProperties.ROWS_WRITTEN, Long.toString(rejected));
      commitAlone(append, quarantine);
      quarantineWriter = null;
    }
    long replaced = replacements.replaced();
    List<String> existingFiles = replacements.referencedFiles();
    RowDelta delta = silver.newRowDelta();
    Map<String, DataFile> added = new HashMap<>();
    if (silverWriter != null) {
      for (DataFile file : silverWriter.finish()) {
        added.put(file.location(), file);
        delta.addRows(file);
      }
    }
    for (DeleteFile deletes : replacements.write(silver, added)) {
      delta.addDeletes(deletes);
    }
    validateNoneAddedSince(delta, silver.currentSnapshot());
    delta.validateNoConflictingDeleteFiles();
    // Rows are deleted by position: a compaction that rewrote their file must fail this commit.
    delta.validateDataFilesExist(existingFiles);
    summary.forEach(delta::set);
    delta.set(TableProperties.ROWS_WRITTEN, Long.toString(written));
    commitAlone(delta, silver);
    silverWriter = null;
    return new TableRun(
        definition.id(),
        Layer.SILVER,
        read,
        written,
        rejected,
        duplicatesTotal,
        replaced,
        silver.currentSnapshot().snapshotId());
  }

  /**
   * Fails the commit if data files were added since the snapshot this batch started from (the table
   * as it was refreshed before reading upstream), or since the table began.
   */
  private static void validateNoneAddedSince(RowDelta delta, Snapshot base) {
    if (base != null) {
      delta.validateFromSnapshot(base.snapshotId());
    }
    delta.validateNoConflictingDataFiles();
  }

  /** Commits, turning a lost race with another runtime into a message that says what to do. */
  private void commitAlone(RowDelta delta, Table table) {
    try {
      delta.commit();
    } catch (ValidationException e) {
      throw new MedallionException(
          "Cannot commit "
              + definition.id()
              + ": another runtime committed rows to "
              + table.name()
              + " while this run processed the same upstream range; this run committed nothing"
              + " there, run again to process what is still new ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** Deletes the files of a batch that will not be committed. */
  void abort() {
    for (RecordWriter writer : new RecordWriter[] {silverWriter, quarantineWriter}) {
      if (writer != null) {
        writer.abort();
      }
    }
    silverWriter = null;
    quarantineWriter = null;
    latest.close();
  }

  /**
   * The live rows already in silver that have a key (deletes applied), each with its data file and
   * position for a positional delete; null when there is nothing to compare with.
   */
  private LatestByKey.ExistingRows existingRows() {
    if (dedup == null || silver.currentSnapshot() == null) {
      return null;
    }
    String orderColumn = dedup.orderBy();
    List<String> columns = new ArrayList<>(List.of(dedup.key(), SilverTable.LINEAGE_INGESTED_AT));
    if (orderColumn != null) {
      columns.add(orderColumn);
    }
    long snapshot = silver.currentSnapshot().snapshotId();
    return sink -> {
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
          Object key = existing.getField(dedup.key());
          if (!Rows.isPresent(key)) {
            continue;
          }
          sink.accept(
              new LatestByKey.Existing(
                  key,
                  orderColumn == null ? null : Kept.orderKey(existing.getField(orderColumn)),
                  Kept.micros(existing.getField(SilverTable.LINEAGE_INGESTED_AT)),
                  files.get((String) existing.getField(MetadataColumns.FILE_PATH.name())),
                  (Long) existing.getField(MetadataColumns.ROW_POSITION.name())));
        }
      } catch (java.io.IOException e) {
        throw new MedallionException(
            "Cannot scan " + definition.id() + " for existing keys: " + e.getMessage(), e);
      }
    };
  }

  /** This batch's metrics, keyed as in the metrics table. */
  private Map<String, Double> metricsOf(long written, long duplicatesTotal) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("rows_read", (double) read);
    values.put("rows_written", (double) written);
    values.put("rows_quarantined", (double) rejected);
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

  private Record toRecord(SourceRow source, MappedRow row, RowQuality quality) {
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
    record.set(next + 4, quality.failures());
    record.set(next + 5, source.batchId());
    record.set(next + 6, source.ingestedAt());
    record.set(next + 7, source.coordinate());
    return record;
  }
}
