package io.medallion.core.observe;

import java.util.Locale;

/**
 * How a run ended for one table.
 *
 * <pre>{@code
 * TableStatus.NOTHING_NEW.label(); // "nothing-new"
 * }</pre>
 */
public enum TableStatus {
  /** A snapshot with new rows was committed. */
  COMMITTED,
  /** Upstream had nothing new; nothing was committed. */
  NOTHING_NEW,
  /** Every new row was quarantined or dead-lettered; none reached the table. */
  QUARANTINED_ONLY,
  /** The table's processing failed; nothing of this run is visible in it. */
  FAILED,
  /** The rows were written to an audit branch and wait for their checks to publish them. */
  AUDIT_PENDING,
  /** An audited snapshot was published to the main branch. */
  PUBLISHED;

  /**
   * Returns the name the run log and the CLI use.
   *
   * @return the lower-case name with hyphens, e.g. {@code "quarantined-only"}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
