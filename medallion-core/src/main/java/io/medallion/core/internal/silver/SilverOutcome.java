package io.medallion.core.internal.silver;

import io.medallion.core.TableRun;
import io.medallion.core.internal.quality.RunQuality;

/**
 * What bringing a silver table up to date did: its counts, and the quality figures when rows were
 * scored.
 *
 * <pre>{@code
 * SilverOutcome outcome = processor.process(users);
 * if (outcome instanceof SilverOutcome.Scored scored) {
 *   report(QualityReports.of("people.users", scored.run(), scored.quality()));
 * }
 * }</pre>
 */
public sealed interface SilverOutcome permits SilverOutcome.Unscored, SilverOutcome.Scored {
  /**
   * Returns the counts.
   *
   * @return the counts of every pass over the table
   */
  TableRun run();

  /**
   * Adds a later pass over the same table: the counts add up, and the later pass's quality figures
   * win when it scored rows (after a crash the first pass only re-does the quarantined range).
   *
   * @param later the later pass
   * @return the combined outcome
   */
  SilverOutcome plus(SilverOutcome later);

  /**
   * Nothing new was scored: upstream had no new rows (a run may still have advanced its marker).
   *
   * @param run the counts
   */
  record Unscored(TableRun run) implements SilverOutcome {
    @Override
    public SilverOutcome plus(SilverOutcome later) {
      TableRun total = run.plus(later.run());
      return later instanceof Scored scored
          ? new Scored(total, scored.quality())
          : new Unscored(total);
    }
  }

  /**
   * Rows were scored.
   *
   * @param run the counts
   * @param quality the quality figures of the latest pass that scored rows
   */
  record Scored(TableRun run, RunQuality quality) implements SilverOutcome {
    @Override
    public SilverOutcome plus(SilverOutcome later) {
      TableRun total = run.plus(later.run());
      return new Scored(total, later instanceof Scored scored ? scored.quality() : quality);
    }
  }
}
