package io.medallion.core.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.catalog.TableLayouts;
import io.medallion.core.exec.Handoff;
import io.medallion.core.iceberg.Lineage;
import io.medallion.core.iceberg.TableProperties;
import io.medallion.core.iceberg.TableStore;
import io.medallion.core.quality.ContactChecks;
import io.medallion.core.quality.DatasetRuleEvaluator;
import io.medallion.core.quality.MetricsTable;
import io.medallion.core.quality.QualityStats;
import io.medallion.core.quality.contact.PhoneValidator;
import io.medallion.quality.QualityGateException;
import io.medallion.schema.Column;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
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

  private final TableStore store;
  private final UpstreamReader upstreamReader;
  private final SilverBatch.Context context;
  private final boolean pipelined;

  /**
   * Creates a processor.
   *
   * @param store the tables
   * @param clock the run's clock, for quarantine times, ages and tenure
   * @param json the JSON mapper for payloads
   * @param contacts email and phone validity for the rules that need it
   * @param phones the phone validator behind the E.164 standardizer
   * @param masker masks sample values kept for reports
   * @param tuning threads and memory
   */
  public SilverProcessor(
      TableStore store,
      Clock clock,
      ObjectMapper json,
      ContactChecks contacts,
      PhoneValidator phones,
      RowMasker masker,
      Tuning tuning) {
    this.store = store;
    this.pipelined = tuning.pipelined();
    this.upstreamReader = new UpstreamReader(json);
    this.context =
        new SilverBatch.Context(
            clock, json, contacts, phones, masker, tuning.keysInMemory(), tuning.spillDirectory());
  }

  /**
   * How a processor uses the machine.
   *
   * @param pipelined whether upstream rows are read and parsed on the calling thread while another
   *     thread maps and scores them; false does everything on the calling thread
   * @param keysInMemory how many de-duplication keys a batch holds in memory before spilling them
   *     to disk, at least 1
   * @param spillDirectory the folder spilled keys are written to (in a temporary sub-folder that is
   *     deleted when the batch ends)
   */
  public record Tuning(boolean pipelined, int keysInMemory, Path spillDirectory) {
    /**
     * Checks the values.
     *
     * @param pipelined whether reading and scoring run on two threads
     * @param keysInMemory de-duplication keys held before spilling, at least 1
     * @param spillDirectory the folder for spilled keys
     */
    public Tuning {
      if (keysInMemory < 1) {
        throw new IllegalArgumentException("keysInMemory must be at least 1, got " + keysInMemory);
      }
      java.util.Objects.requireNonNull(spillDirectory, "spillDirectory");
    }
  }

  /** The JSON mapper payloads are parsed with. */
  ObjectMapper json() {
    return context.json();
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
    Tables tables = open(definition);
    Outcome outcome = tables.unchanged();
    while (true) {
      tables.refresh();
      Snapshot head = tables.upstream.currentSnapshot();
      Long consumed = tables.consumed();
      if (head == null || (consumed != null && consumed == head.snapshotId())) {
        return outcome;
      }
      Long quarantined = Lineage.consumed(tables.quarantine, tables.upstreamName);
      boolean quarantineAhead =
          quarantined != null && Lineage.isAfter(tables.upstream, quarantined, consumed);
      long to = quarantineAhead ? quarantined : head.snapshotId();
      SilverBatch batch =
          newBatch(
              tables,
              quarantineAhead
                  ? rejectedBy(tables.quarantine, tables.upstreamName, quarantined)
                  : null);
      Consumer<Consumer<SourceRow>> reader =
          definition.source() instanceof BronzeTable
              ? sink -> upstreamReader.readBronze(tables.upstream, consumed, to, sink)
              : sink -> upstreamReader.readSilver(tables.upstream, to, sink);
      try {
        feed(definition, reader, batch);
      } catch (RuntimeException e) {
        batch.abort();
        throw e;
      }
      outcome = commit(definition, tables, batch, to, outcome);
    }
  }

  /**
   * Brings a silver table that reads a bronze table up to date, then opens a batch that the next
   * ingestion into that bronze table feeds as it writes (see {@link LiveBatch}).
   *
   * @param definition a silver table whose source is a bronze table
   * @return the batch, ready for records
   */
  public LiveBatch startLive(SilverTable definition) {
    Outcome caughtUp = process(definition);
    Tables tables = open(definition);
    tables.refresh();
    SilverBatch batch = newBatch(tables, null);
    return new LiveBatch(this, definition, tables, batch, caughtUp, pipelined);
  }

  /**
   * Opens a batch on a table's current state.
   *
   * @param recoveredRejects the rows a landed quarantine commit rejected, when re-doing its range
   *     (the batch then writes no quarantine), else null
   */
  private SilverBatch newBatch(Tables tables, Set<List<String>> recoveredRejects) {
    return new SilverBatch(
        context,
        tables.definition,
        tables.silver,
        tables.quarantine,
        recoveredRejects == null,
        tables.metrics.history(),
        recoveredRejects);
  }

  /**
   * Commits a batch with the upstream snapshot it consumed and records its metrics.
   *
   * @return the outcome so far, the batch's run added
   */
  Outcome commit(
      SilverTable definition, Tables tables, SilverBatch batch, long to, Outcome previous) {
    TableRun run =
        batch.commit(Map.of(TableProperties.consumedKey(tables.upstreamName), Long.toString(to)));
    TableRun total = previous.run().plus(run);
    if (batch.metrics().isEmpty()) {
      return new Outcome(
          total,
          previous.runId(),
          previous.runAt(),
          previous.stats(),
          previous.metrics(),
          previous.datasetResults(),
          previous.history());
    }
    String runId = UUID.randomUUID().toString();
    List<MetricsTable.Point> points = new ArrayList<>();
    batch.metrics().forEach((key, value) -> points.add(point(key, value)));
    for (DatasetRuleEvaluator.Result result : batch.datasetResults()) {
      points.add(
          new MetricsTable.Point("dataset_rule", result.rule().name(), result.passed() ? 1 : 0));
    }
    List<MetricsTable.Run> history = tables.metrics.history();
    tables.metrics.append(runId, batch.now(), points, run.snapshotId());
    LOG.info(
        "{}: read {}, wrote {}, quarantined {}, duplicates {}, replaced {}",
        definition.id(),
        run.read(),
        run.written(),
        run.quarantined(),
        run.duplicates(),
        run.replaced());
    // After a crash the first pass only re-does the quarantined range; report the newest pass.
    return new Outcome(
        total, runId, batch.now(), batch.stats(), batch.metrics(), batch.datasetResults(), history);
  }

  /** The tables one silver run reads and writes. */
  final class Tables {
    final SilverTable definition;
    final Table silver;
    final Table quarantine;
    final Table upstream;
    final String upstreamName;
    final MetricsTable metrics;

    private Tables(SilverTable definition) {
      this.definition = definition;
      this.silver = ensure(definition);
      this.quarantine = store.ensure(TableLayouts.quarantine(definition));
      this.upstream = store.load(definition.source().id());
      this.upstreamName = definition.source().id().toString();
      this.metrics = MetricsTable.open(store.ensure(TableLayouts.metrics(definition)));
    }

    void refresh() {
      upstream.refresh();
      silver.refresh();
      quarantine.refresh();
    }

    /** The upstream snapshot silver has consumed up to, or null. */
    Long consumed() {
      return Lineage.consumed(silver, upstreamName);
    }

    Outcome unchanged() {
      return new Outcome(
          TableRun.unchanged(definition.id(), Layer.SILVER),
          null,
          null,
          null,
          Map.of(),
          List.of(),
          metrics.history());
    }
  }

  private Tables open(SilverTable definition) {
    return new Tables(definition);
  }

  /**
   * Scores quarantined rows again under the table's current rules and moves those that pass to
   * silver, exactly once (see {@link QuarantineReplay}).
   *
   * @param definition the silver table with its current rules
   * @return the replay's counts
   */
  public TableRun replayQuarantine(SilverTable definition) {
    ensure(definition);
    return new QuarantineReplay(store, context).replay(definition);
  }

  /**
   * Reads upstream into a batch. Pipelined, three stages run at once on their own threads: reading
   * and parsing (the calling thread), mapping, and scoring with writing; measured on two cores, the
   * mapping (E.164 phones, timestamps) is about as costly as the rest together.
   */
  private void feed(
      SilverTable definition, Consumer<Consumer<SourceRow>> reader, SilverBatch batch) {
    if (!pipelined) {
      reader.accept(batch::accept);
      return;
    }
    // Closed in reverse order: mapping drains into scoring before scoring is closed.
    try (Handoff<SilverBatch.Mapped> scoring =
            Handoff.start("medallion-" + definition.id() + "-score", batch::accept);
        Handoff<SourceRow> mapping =
            Handoff.start(
                "medallion-" + definition.id() + "-map", row -> scoring.accept(batch.map(row)))) {
      reader.accept(mapping);
    }
  }

  /** The rows (batch id, coordinate) a quarantine commit with the given marker added. */
  private static Set<List<String>> rejectedBy(Table quarantine, String upstream, long marker) {
    Set<List<String>> rejected = new HashSet<>();
    Schema identity =
        quarantine.schema().select(SilverTable.LINEAGE_BATCH_ID, SilverTable.LINEAGE_COORDINATE);
    for (Snapshot snapshot : Lineage.ancestors(quarantine)) {
      if (!Long.toString(marker)
          .equals(snapshot.summary().get(TableProperties.consumedKey(upstream)))) {
        continue;
      }
      for (DataFile file : snapshot.addedDataFiles(quarantine.io())) {
        try (CloseableIterable<Record> rows = ExistingRows.read(quarantine, file, identity)) {
          rows.forEach(r -> rejected.add(List.of((String) r.get(0), (String) r.get(1))));
        } catch (IOException e) {
          throw new MedallionException("Cannot read " + file.location() + ": " + e.getMessage(), e);
        }
      }
    }
    return rejected;
  }

  private static MetricsTable.Point point(String key, double value) {
    int colon = key.indexOf(':');
    return colon < 0
        ? new MetricsTable.Point(key, null, value)
        : new MetricsTable.Point(key.substring(0, colon), key.substring(colon + 1), value);
  }

  private Table ensure(SilverTable definition) {
    return store.ensure(TableLayouts.silver(definition));
  }
}
