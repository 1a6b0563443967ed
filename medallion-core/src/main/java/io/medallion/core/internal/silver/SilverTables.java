package io.medallion.core.internal.silver;

import io.medallion.core.internal.catalog.TableLayouts;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableProperties;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.quality.DatasetRuleEvaluator;
import io.medallion.core.internal.quality.MetricKey;
import io.medallion.core.internal.quality.MetricsTable;
import io.medallion.core.internal.quality.RunQuality;
import io.medallion.table.SilverTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables one silver run reads and writes (silver, its quarantine and metrics, and upstream),
 * and the two ends of every batch over them: opening it on their current state, and committing it
 * with the upstream snapshot it consumed and recording its metrics.
 */
final class SilverTables {
  private static final Logger LOG = LoggerFactory.getLogger(SilverTables.class);

  final SilverTable definition;
  final Table silver;
  final Table quarantine;
  final Table upstream;
  final String upstreamName;
  private final MetricsTable metrics;
  private final boolean audited;

  SilverTables(TableStore store, SilverTable definition) {
    this.definition = definition;
    this.silver = store.ensure(TableLayouts.silver(definition));
    this.quarantine = store.ensure(TableLayouts.quarantine(definition));
    this.upstream = store.load(definition.source().id());
    this.upstreamName = definition.source().id().toString();
    this.metrics = MetricsTable.open(store.ensure(TableLayouts.metrics(definition)));
    this.audited = store.audited(definition.id());
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

  /**
   * Opens a batch on the tables' current state.
   *
   * @param recoveredRejects the rows a landed quarantine commit rejected, when re-doing its range
   *     (the batch then writes no quarantine), else null
   */
  SilverBatch newBatch(SilverBatch.Context context, Set<RowIdentity> recoveredRejects) {
    return new SilverBatch(
        context,
        definition,
        silver,
        quarantine,
        recoveredRejects == null,
        metrics.history(),
        recoveredRejects,
        audited);
  }

  /**
   * Commits a batch with the upstream snapshot it consumed and records its metrics.
   *
   * @param to the upstream snapshot the batch read up to
   * @return what the batch did
   */
  SilverOutcome commit(SilverBatch batch, long to) {
    SilverOutcome outcome =
        batch.commit(Map.of(TableProperties.consumedKey(upstreamName), Long.toString(to)));
    if (outcome instanceof SilverOutcome.Scored scored) {
      record(scored.quality(), scored.run().snapshotId());
      LOG.info(
          "{}: read {}, wrote {}, quarantined {}, duplicates {}, replaced {}",
          definition.id(),
          scored.run().read(),
          scored.run().written(),
          scored.run().quarantined(),
          scored.run().duplicates(),
          scored.run().replaced());
    }
    return outcome;
  }

  private void record(RunQuality quality, long silverSnapshot) {
    Map<MetricKey, Double> values = new LinkedHashMap<>(quality.metrics());
    for (DatasetRuleEvaluator.Result result : quality.datasetResults()) {
      values.put(
          MetricKey.of(MetricKey.DATASET_RULE, result.rule().name()), result.passed() ? 1.0 : 0.0);
    }
    metrics.append(quality.runId(), quality.runAt(), values, silverSnapshot);
  }
}
