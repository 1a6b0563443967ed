package io.medallion.core.internal.iceberg;

import io.medallion.catalog.PlannedChange;
import java.util.List;

/**
 * What it takes to make one table match its layout.
 *
 * <pre>{@code
 * TablePlan plan = TablePlanner.plan(table, layout);
 * plan.changes().forEach(change -> log.info("{}", change));
 * }</pre>
 *
 * @param layout the wanted layout
 * @param exists whether the table exists already
 * @param changes the changes, empty when the table matches
 * @param conflicts the differences that cannot be applied in place
 */
public record TablePlan(
    TableLayout layout, boolean exists, List<PlannedChange> changes, List<String> conflicts) {

  /**
   * Copies the lists.
   *
   * @param layout the wanted layout
   * @param exists whether the table exists already
   * @param changes the changes
   * @param conflicts the conflicts
   */
  public TablePlan {
    changes = List.copyOf(changes);
    conflicts = List.copyOf(conflicts);
  }
}
