package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.core.TableRun;
import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.quality.ContactChecks;
import io.medallion.core.internal.quality.RowMasker;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.quality.QualityGateException;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

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
      Objects.requireNonNull(spillDirectory, "spillDirectory");
    }
  }

  /**
   * Processes what is new upstream.
   *
   * @param definition the silver table
   * @return what the run did; its {@code run().committed()} is false when there was nothing new
   * @throws QualityGateException when the policy fails the batch; nothing is committed
   */
  public SilverOutcome process(SilverTable definition) {
    SilverTables tables = new SilverTables(store, definition);
    SilverOutcome outcome =
        new SilverOutcome.Unscored(TableRun.unchanged(definition.id(), Layer.SILVER));
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
          tables.newBatch(
              context,
              quarantineAhead
                  ? rejectedBy(tables.quarantine, tables.upstreamName, quarantined)
                  : null);
      try (Feed<SourceRow> feed = Feed.open(definition, batch, pipelined, row -> row)) {
        if (definition.source() instanceof BronzeTable) {
          upstreamReader.readBronze(tables.upstream, consumed, to, feed);
        } else {
          upstreamReader.readSilver(tables.upstream, consumed, to, feed);
        }
      } catch (RuntimeException e) {
        batch.abort();
        throw e;
      }
      outcome = outcome.plus(tables.commit(batch, to));
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
    SilverOutcome caughtUp = process(definition);
    SilverTables tables = new SilverTables(store, definition);
    tables.refresh();
    SilverBatch batch = tables.newBatch(context, null);
    return new LiveBatch(
        tables,
        batch,
        Feed.open(
            definition,
            batch,
            pipelined,
            record -> UpstreamReader.ingestedRow(context.json(), record)),
        caughtUp,
        () -> process(definition));
  }

  /**
   * Scores quarantined rows again under the table's current rules and moves those that pass to
   * silver, exactly once (see {@link QuarantineReplay}).
   *
   * @param definition the silver table with its current rules
   * @return the replay's counts
   */
  public TableRun replayQuarantine(SilverTable definition) {
    store.ensure(TableLayouts.silver(definition));
    return new QuarantineReplay(store, context).replay(definition);
  }

  /** The rows (batch id, coordinate) a quarantine commit with the given marker added. */
  private static Set<RowIdentity> rejectedBy(Table quarantine, String upstream, long marker) {
    Set<RowIdentity> rejected = new HashSet<>();
    Schema identity =
        quarantine.schema().select(SilverTable.LINEAGE_BATCH_ID, SilverTable.LINEAGE_COORDINATE);
    for (Snapshot snapshot : Lineage.ancestors(quarantine)) {
      if (!Long.toString(marker)
          .equals(snapshot.summary().get(TableProperties.consumedKey(upstream)))) {
        continue;
      }
      for (DataFile file : Lineage.addedDataFiles(quarantine, snapshot)) {
        try (CloseableIterable<Record> rows = ExistingRows.read(quarantine, file, identity)) {
          rows.forEach(r -> rejected.add(new RowIdentity((String) r.get(0), (String) r.get(1))));
        } catch (IOException e) {
          throw new MedallionException("Cannot read " + file.location() + ": " + e.getMessage(), e);
        }
      }
    }
    return rejected;
  }
}
