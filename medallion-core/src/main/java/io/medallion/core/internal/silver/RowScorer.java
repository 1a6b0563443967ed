package io.medallion.core.internal.silver;

import io.medallion.core.internal.quality.QualityStats;
import io.medallion.core.internal.quality.RowMasker;
import io.medallion.core.internal.quality.RowQuality;
import io.medallion.core.internal.quality.RuleEvaluator;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.schema.Column;
import io.medallion.table.SilverTable;
import java.util.List;
import java.util.Set;

/**
 * Scores typed rows under a silver table's rules, adds them to the run's statistics, and decides by
 * the policy where each goes.
 */
final class RowScorer {
  private final SilverTable definition;
  private final List<Column> columns;
  private final RuleEvaluator rules;
  private final QualityPolicy policy;
  private final QualityStats stats;
  private final RowMasker masker;
  private final Set<RowIdentity> recoveredRejects;

  /** Where a scored row goes. */
  sealed interface Routing permits Keep, Reject {
    RowQuality quality();
  }

  /** The row goes on to silver. */
  record Keep(RowQuality quality) implements Routing {}

  /**
   * The row goes to quarantine.
   *
   * @param failsBatch whether the policy fails the whole batch for it
   */
  record Reject(RowQuality quality, boolean failsBatch) implements Routing {}

  /**
   * @param recoveredRejects the rows a landed quarantine commit rejected, when re-doing its range,
   *     else null
   */
  RowScorer(
      SilverTable definition,
      List<Column> columns,
      RuleEvaluator rules,
      QualityStats stats,
      RowMasker masker,
      Set<RowIdentity> recoveredRejects) {
    this.definition = definition;
    this.columns = columns;
    this.rules = rules;
    this.policy = definition.policy();
    this.stats = stats;
    this.masker = masker;
    this.recoveredRejects = recoveredRejects;
  }

  Routing score(SourceRow source, MappedRow row) {
    RowQuality quality = rules.evaluate(row, row.typeErrors());
    stats.add(quality, source.coordinate(), () -> masker.mask(definition, columns, row));
    PolicyAction action = quality.actionUnder(policy);
    if (recoveredRejects != null) {
      // Re-doing a range whose quarantine commit landed: that commit, not today's scores
      // (the clock or the rules may have moved), says which rows were rejected.
      action =
          recoveredRejects.contains(new RowIdentity(source.batchId(), source.coordinate()))
              ? PolicyAction.QUARANTINE
              : null;
    }
    if (action == PolicyAction.QUARANTINE || action == PolicyAction.FAIL_BATCH) {
      return new Reject(quality, action == PolicyAction.FAIL_BATCH);
    }
    return new Keep(quality);
  }
}
