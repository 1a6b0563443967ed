package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Layer;
import io.medallion.core.TableRun;
import io.medallion.core.internal.audit.AuditBranches;
import io.medallion.core.internal.quality.ContactChecks;
import io.medallion.core.internal.quality.DatasetRuleEvaluator;
import io.medallion.core.internal.quality.MetricKey;
import io.medallion.core.internal.quality.MetricsTable;
import io.medallion.core.internal.quality.QualityStats;
import io.medallion.core.internal.quality.RowMasker;
import io.medallion.core.internal.quality.RuleEvaluator;
import io.medallion.core.internal.quality.RunQuality;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.quality.FailedRule;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityGateException;
import io.medallion.table.SilverTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one upstream range (or one quarantine replay) on their way to silver and quarantine:
 * mapped ({@link SilverMapper}), scored and routed ({@link RowScorer}), rejected ({@link
 * QuarantineRows}) or kept and de-duplicated ({@link KeptRows}), then committed: quarantine first,
 * then silver. A batch that fails its policy commits nothing and deletes the files it wrote.
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
      RowMasker masker,
      int keysInMemory,
      Path spillDirectory) {}

  /**
   * An upstream row with its typed values.
   *
   * @param source the upstream row
   * @param row its typed values, or null when its payload did not parse
   */
  record Mapped(SourceRow source, MappedRow row) {}

  private final SilverTable definition;
  private final OffsetDateTime now;
  private final SilverMapper mapper;
  private final QualityStats stats;
  private final RowScorer scorer;
  private final QuarantineRows rejected;
  private final KeptRows kept;
  private final List<MetricsTable.Run> history;
  private final boolean audited;
  private final List<String> gateSamples = new ArrayList<>();
  private long read;
  private long gateFailures;

  /**
   * Opens a batch.
   *
   * @param writeQuarantine whether rejected rows are written to quarantine: not when re-doing a
   *     range whose quarantine commit landed, nor when replaying quarantine itself
   * @param history the metrics of earlier runs, oldest first, for dataset rules
   * @param recoveredRejects the rows a landed quarantine commit rejected, when re-doing its range,
   *     else null
   * @param audited whether the batch commits to an audit branch: then the checks that would fail it
   *     are recorded with its commits instead, and hold it back from main
   */
  SilverBatch(
      Context context,
      SilverTable definition,
      Table silver,
      Table quarantine,
      boolean writeQuarantine,
      List<MetricsTable.Run> history,
      Set<RowIdentity> recoveredRejects,
      boolean audited) {
    this.definition = definition;
    this.history = history;
    this.audited = audited;
    this.now = OffsetDateTime.now(context.clock()).withOffsetSameInstant(ZoneOffset.UTC);
    this.mapper = new SilverMapper(definition, now.toLocalDate(), context.phones());
    this.stats = new QualityStats(definition.rules());
    this.scorer =
        new RowScorer(
            definition,
            mapper.columns(),
            new RuleEvaluator(definition.rules(), definition.policy(), now, context.contacts()),
            stats,
            context.masker(),
            recoveredRejects);
    SilverRecords records =
        new SilverRecords(definition, mapper.columns(), silver, quarantine, context.json(), now);
    this.rejected = new QuarantineRows(quarantine, records, writeQuarantine);
    this.kept =
        new KeptRows(
            definition,
            mapper.columns(),
            silver,
            records,
            context.keysInMemory(),
            context.spillDirectory());
  }

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
      rejected.reject(
          source, null, 0.0, List.of(FailedRule.unreadablePayload(source.parseError())));
      return;
    }
    route(source, mapped.row());
  }

  /**
   * Scores an already typed row and routes it.
   *
   * @return true when the row goes on to silver (or loses to a later row of its key), false when it
   *     is rejected
   */
  boolean route(SourceRow source, MappedRow row) {
    RowScorer.Routing routing = scorer.score(source, row);
    if (routing instanceof RowScorer.Reject reject) {
      if (reject.failsBatch()) {
        gateFailures++;
        if (gateSamples.size() < GATE_SAMPLES) {
          gateSamples.add(source.coordinate() + ": " + reject.quality().failures());
        }
      }
      rejected.reject(source, row, reject.quality().score(), reject.quality().failures());
      return false;
    }
    kept.keep(source, row, routing.quality());
    return true;
  }

  /** Returns the mapper, for replays that restore typed rows. */
  SilverMapper mapper() {
    return mapper;
  }

  /**
   * Commits quarantine (unless this batch writes none) and then silver, each with the summary
   * entries given: the consumed-upstream marker for runs, the replay marker for replays. A batch
   * that fails its policy commits nothing and deletes the files it wrote, unless it is audited:
   * then it commits to the audit branch with the failed checks in silver's summary, and they hold
   * it back from main.
   *
   * @return the counts, with the quality figures unless the batch read nothing
   */
  SilverOutcome commit(Map<String, String> summary) {
    try {
      return commitOrThrow(summary);
    } catch (RuntimeException e) {
      abort();
      throw e;
    } finally {
      kept.close();
    }
  }

  private SilverOutcome commitOrThrow(Map<String, String> summary) {
    List<String> failedChecks = new ArrayList<>();
    if (gateFailures > 0) {
      if (!audited) {
        throw new QualityGateException(
            definition.id().toString(), gateFailures, read, List.copyOf(gateSamples));
      }
      failedChecks.add(
          "policy: "
              + gateFailures
              + " of "
              + read
              + " rows fell below the quality policy; first: "
              + gateSamples);
    }
    KeptRows.Settled settled = kept.settle();
    RunQuality quality = null;
    if (read > 0) {
      // An empty range (upstream snapshots without appends) only advances the marker: its
      // figures would skew the history and fail row-count rules for no data.
      Map<MetricKey, Double> metrics = metrics(settled);
      quality =
          new RunQuality(
              UUID.randomUUID().toString(),
              now,
              stats,
              metrics,
              DatasetRuleEvaluator.evaluate(
                  definition.datasetRules(), kept.datasetMeasures(), metrics, history, now),
              history);
      failedChecks.addAll(failedDatasetGates(quality.datasetResults()));
    }
    if (!failedChecks.isEmpty() && !audited) {
      throw new QualityGateException(definition.id().toString(), failedChecks);
    }
    rejected.commit(summary);
    kept.commit(AuditBranches.withFailed(summary, failedChecks), settled.written());
    TableRun run =
        new TableRun(
            definition.id(),
            Layer.SILVER,
            read,
            settled.written(),
            rejected.count(),
            settled.duplicates(),
            settled.replaced(),
            kept.snapshotId(),
            List.of());
    return quality == null
        ? new SilverOutcome.Unscored(run)
        : new SilverOutcome.Scored(run, quality);
  }

  private static List<String> failedDatasetGates(List<DatasetRuleEvaluator.Result> results) {
    return results.stream()
        .filter(r -> !r.passed() && r.rule().action() == PolicyAction.FAIL_BATCH)
        .map(r -> r.rule().name() + ": " + r.detail())
        .toList();
  }

  /** Deletes the files of a batch that will not be committed. */
  void abort() {
    rejected.abort();
    kept.abort();
  }

  /** This batch's metrics, keyed as in the metrics table. */
  private Map<MetricKey, Double> metrics(KeptRows.Settled settled) {
    Map<MetricKey, Double> values = new LinkedHashMap<>();
    values.put(MetricKey.ROWS_READ, (double) read);
    values.put(MetricKey.ROWS_WRITTEN, (double) settled.written());
    values.put(MetricKey.ROWS_QUARANTINED, (double) rejected.count());
    values.put(MetricKey.ROWS_DUPLICATES, (double) settled.duplicates());
    values.put(MetricKey.SCORE_AVG, stats.averageScore());
    values.put(MetricKey.COMPLETENESS_AVG, stats.averageCompleteness());
    values.put(MetricKey.VALIDITY_AVG, stats.averageValidity());
    values.put(MetricKey.CONSISTENCY_AVG, stats.averageConsistency());
    for (int i = 0; i < stats.rules().size(); i++) {
      long applicable = stats.passed(i) + stats.failed(i);
      if (applicable > 0) {
        values.put(
            MetricKey.passRate(stats.rules().get(i).name()), (double) stats.passed(i) / applicable);
      }
    }
    long[] histogram = stats.histogram();
    for (int i = 0; i < histogram.length; i++) {
      values.put(MetricKey.of(MetricKey.SCORE_BUCKET, Integer.toString(i)), (double) histogram[i]);
    }
    return values;
  }
}
