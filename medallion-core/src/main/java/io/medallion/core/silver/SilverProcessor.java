package io.medallion.core.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.iceberg.Lineage;
import io.medallion.core.iceberg.RecordWriter;
import io.medallion.core.iceberg.TableProperties;
import io.medallion.core.iceberg.TableStore;
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
import io.medallion.table.BronzeTable;
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
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a silver table up to date with its upstream table, incrementally: maps the new upstream
 * rows, scores them, quarantines those below the policy, de-duplicates the rest (within the batch
 * and against rows already in silver, replacing older rows with positional deletes) and commits,
 * recording the consumed upstream snapshot in the same commit.
 *
 * <p>Quarantine is committed before silver with the same marker. If a crash falls between the two
 * commits, the next run first re-processes exactly the quarantined range without writing quarantine
 * again, so no row is lost or duplicated.
 */
public final class SilverProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(SilverProcessor.class);
  private static final int GATE_SAMPLES = 5;
  private static final long PROGRESS_EVERY = 100_000;

  private final TableStore store;
  private final Clock clock;
  private final ObjectMapper json;
  private final ContactChecks contacts;
  private final PhoneValidator phones;
  private final RowMasker masker;

  /**
   * Creates a processor.
   *
   * @param store the tables
   * @param clock the run's clock, for quarantine times, ages and tenure
   * @param json the JSON mapper for payloads
   * @param contacts email and phone validity for the rules that need it
   * @param phones the phone validator behind the E.164 standardizer
   * @param masker masks sample values kept for reports
   */
  public SilverProcessor(
      TableStore store,
      Clock clock,
      ObjectMapper json,
      ContactChecks contacts,
      PhoneValidator phones,
      RowMasker masker) {
    this.store = store;
    this.clock = clock;
    this.json = json;
    this.contacts = contacts;
    this.phones = phones;
    this.masker = masker;
  }

  /** Masks the values of a row for report samples. */
  @FunctionalInterface
  public interface RowMasker {
    /**
     * Masks a row.
     *
     * @param table the silver table, which says which columns may be shown
     * @param columns the user columns, in row order
     * @param row the typed row
     * @return column name to masked text
     */
    Map<String, String> mask(SilverTable table, List<Column> columns, MappedRow row);
  }

  /**
   * What a silver run did, with its quality figures.
   *
   * @param run the counts
   * @param runId the id under which the run's metrics were recorded, or null when nothing was new
   * @param runAt when the run happened
   * @param stats the quality figures of the rows scored, or null when nothing was new
   * @param metrics the run's metrics by key
   * @param datasetResults the dataset rules' outcomes
   * @param history the metrics of earlier runs, oldest first
   */
  public record Outcome(
      TableRun run,
      String runId,
      OffsetDateTime runAt,
      QualityStats stats,
      Map<String, Double> metrics,
      List<DatasetRuleEvaluator.Result> datasetResults,
      List<MetricsTable.Run> history) {}

  /**
   * Processes what is new upstream.
   *
   * @param definition the silver table
   * @return what the run did; {@code committed()} is false when there was nothing new
   * @throws QualityGateException when the policy fails the batch; nothing is committed
   */
  public Outcome process(SilverTable definition) {
    Table silver = ensure(definition);
    Table quarantine =
        store.ensure(
            definition.quarantineId(),
            Layer.QUARANTINE,
            SilverTable.quarantineColumns(),
            List.of(),
            "Rows of " + definition.id() + " below its quality policy");
    Table upstream = store.load(definition.source().id());
    String upstreamName = definition.source().id().toString();
    MetricsTable metricsTable = MetricsTable.open(store, definition.metricsId(), definition.id());
    List<MetricsTable.Run> history = metricsTable.history();
    TableRun total = TableRun.unchanged(definition.id(), Layer.SILVER);
    Outcome outcome = new Outcome(total, null, null, null, Map.of(), List.of(), history);
    while (true) {
      upstream.refresh();
      silver.refresh();
      quarantine.refresh();
      Snapshot head = upstream.currentSnapshot();
      Long consumed = Lineage.consumed(silver, upstreamName);
      if (head == null || (consumed != null && consumed == head.snapshotId())) {
        return outcome;
      }
      Long quarantined = Lineage.consumed(quarantine, upstreamName);
      boolean quarantineAhead =
          quarantined != null && Lineage.isAfter(upstream, quarantined, consumed);
      long to = quarantineAhead ? quarantined : head.snapshotId();
      Batch batch = new Batch(definition, !quarantineAhead, quarantine.schema(), history);
      if (definition.source() instanceof BronzeTable) {
        new UpstreamReader(json).readBronze(upstream, consumed, to, batch::accept);
      } else {
        new UpstreamReader(json).readSilver(upstream, to, batch::accept);
      }
      TableRun run = batch.commit(silver, quarantine, upstreamName, to);
      total = total.plus(run);
      String runId = UUID.randomUUID().toString();
      List<MetricsTable.Point> points = new ArrayList<>();
      batch.metrics.forEach((key, value) -> points.add(point(key, value)));
      for (DatasetRuleEvaluator.Result result : batch.datasetResults) {
        points.add(
            new MetricsTable.Point("dataset_rule", result.rule().name(), result.passed() ? 1 : 0));
      }
      metricsTable.append(runId, batch.now, points, run.snapshotId());
      // After a crash the first pass only re-does the quarantined range; report the newest pass.
      outcome =
          new Outcome(
              total, runId, batch.now, batch.stats, batch.metrics, batch.datasetResults, history);
      history = metricsTable.history();
      LOG.info(
          "{}: read {}, wrote {}, quarantined {}, duplicates {}, replaced {}",
          definition.id(),
          run.read(),
          run.written(),
          run.quarantined(),
          run.duplicates(),
          run.replaced());
    }
  }

  private static MetricsTable.Point point(String key, double value) {
    int colon = key.indexOf(':');
    return colon < 0
        ? new MetricsTable.Point(key, null, value)
        : new MetricsTable.Point(key.substring(0, colon), key.substring(colon + 1), value);
  }

  private Table ensure(SilverTable definition) {
    return store.ensure(
        definition.id(),
        Layer.SILVER,
        definition.columns(),
        definition.partitioning(),
        definition.description());
  }

  /** The rows of one upstream range, on their way to silver and quarantine. */
  private final class Batch {
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

    Batch(
        SilverTable definition,
        boolean writeQuarantine,
        org.apache.iceberg.Schema quarantineSchema,
        List<MetricsTable.Run> history) {
      this.history = history;
      this.flagRules =
          definition.ruleFlags().stream()
              .mapToInt(flag -> ruleIndex(definition.rules(), flag.rule()))
              .toArray();
      this.definition = definition;
      this.writeQuarantine = writeQuarantine;
      this.quarantineSchema = quarantineSchema;
      this.now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
      this.mapper = new SilverMapper(definition, now.toLocalDate(), phones);
      this.policy = definition.policy();
      this.rules = new RuleEvaluator(definition.rules(), policy, now, contacts);
      this.stats = new QualityStats(definition.rules());
      this.dedup = definition.deduplication().orElse(null);
      List<Column> columns = mapper.columns();
      this.keyIndex = dedup == null ? -1 : indexOf(columns, dedup.key());
      this.orderIndex =
          dedup == null || dedup.orderBy() == null ? -1 : indexOf(columns, dedup.orderBy());
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
      MappedRow row = mapper.map(source.record());
      RowQuality quality = rules.evaluate(row, row.typeErrors());
      stats.add(quality, source.coordinate(), () -> masker.mask(definition, mapper.columns(), row));
      PolicyAction action = quality.forcedAction();
      if (action == null && quality.score() < policy.minScore()) {
        action = policy.action();
      }
      if (action == PolicyAction.QUARANTINE || action == PolicyAction.FAIL_BATCH) {
        if (action == PolicyAction.FAIL_BATCH) {
          gateFailures++;
          if (gateSamples.size() < GATE_SAMPLES) {
            gateSamples.add(source.coordinate() + ": " + quality.failures());
          }
        }
        reject(source, row, quality.score(), quality.failures());
        return;
      }
      Candidate candidate = new Candidate(source, row, quality);
      Object key = keyIndex < 0 ? null : row.values()[keyIndex];
      if (key == null) {
        unkeyed.add(candidate);
        return;
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

    TableRun commit(Table silver, Table quarantine, String upstreamName, long to) {
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
      metrics = metricsOf(kept.size(), duplicatesTotal);
      datasetResults =
          DatasetRuleEvaluator.evaluate(
              definition.datasetRules(),
              kept.stream().map(c -> c.row).toList(),
              metrics,
              history,
              now);
      List<String> failedGates =
          datasetResults.stream()
              .filter(r -> !r.passed() && r.rule().action() == PolicyAction.FAIL_BATCH)
              .map(r -> r.rule().name() + ": " + r.detail())
              .toList();
      if (!failedGates.isEmpty()) {
        throw new QualityGateException(definition.id().toString(), failedGates);
      }
      String marker = Long.toString(to);
      if (writeQuarantine && !rejected.isEmpty()) {
        try (RecordWriter writer = new RecordWriter(quarantine)) {
          rejected.forEach(writer::write);
          var append = quarantine.newAppend();
          writer.finish().forEach(append::appendFile);
          append.set(TableProperties.consumedKey(upstreamName), marker);
          append.set(TableProperties.ROWS_WRITTEN, Long.toString(rejected.size()));
          append.commit();
        }
      }
      RowDelta delta = silver.newRowDelta();
      long written = 0;
      try (RecordWriter writer = new RecordWriter(silver)) {
        for (Candidate candidate : kept) {
          writer.write(candidate.toRecord(silver.schema(), flagRules));
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
      }
      delta.set(TableProperties.consumedKey(upstreamName), marker);
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

    /** Compares the batch's latest rows with rows already in silver. */
    private Replacements findReplacements(Table silver) {
      Replacements replacements = new Replacements();
      if (dedup == null || latest.isEmpty() || silver.currentSnapshot() == null) {
        return replacements;
      }
      String orderColumn = dedup.orderBy();
      org.apache.iceberg.Schema projection =
          orderColumn == null
              ? silver.schema().select(dedup.key())
              : silver.schema().select(dedup.key(), orderColumn);
      try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks =
          silver.newScan().useSnapshot(silver.currentSnapshot().snapshotId()).planFiles()) {
        for (org.apache.iceberg.FileScanTask task : tasks) {
          DataFile file = task.file();
          long position = 0;
          try (CloseableIterable<Record> rows = ExistingRows.read(silver, file, projection)) {
            for (Record existing : rows) {
              Candidate incoming = latest.get(existing.getField(dedup.key()));
              if (incoming != null && !replacements.superseded.contains(incoming)) {
                Object existingOrder = orderColumn == null ? null : existing.getField(orderColumn);
                if (incoming.winsOver(existingOrder, orderIndex)) {
                  replacements.delete(file, position);
                } else {
                  replacements.superseded.add(incoming);
                }
              }
              position++;
            }
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
      ObjectNode node = json.createObjectNode();
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
    boolean winsOver(Object existingOrder, int orderIndex) {
      return orderIndex < 0 || compareOrder(row.values()[orderIndex], existingOrder) >= 0;
    }

    Record toRecord(org.apache.iceberg.Schema schema, int[] flagRules) {
      Record record = GenericRecord.create(schema);
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
