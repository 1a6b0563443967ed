package io.medallion.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What registering a pipeline's tables in a catalog changes: the changes in order, and every
 * difference that cannot be applied safely. A plan with conflicts is never applied.
 *
 * <pre>{@code
 * RegistrationPlan plan = runtime.planRegistration(pipeline); // dry run: nothing changes
 * if (plan.hasConflicts()) {
 *   plan.conflicts().forEach(log::error);
 * } else {
 *   runtime.registerAll(pipeline);
 * }
 * }</pre>
 *
 * @param catalog the catalog's name and type, e.g. {@code medallion (glue)}
 * @param changes the changes, in the order they are applied
 * @param conflicts each incompatible difference between a definition and its table
 */
public record RegistrationPlan(
    String catalog, List<PlannedChange> changes, List<String> conflicts) {

  /**
   * Validates and copies the plan.
   *
   * @param catalog the catalog
   * @param changes the changes
   * @param conflicts the incompatible differences
   */
  public RegistrationPlan {
    Objects.requireNonNull(catalog, "catalog");
    changes = List.copyOf(changes);
    conflicts = List.copyOf(conflicts);
  }

  /**
   * Tells whether the catalog already matches the definitions.
   *
   * @return true when there is nothing to change and nothing in conflict
   */
  public boolean isEmpty() {
    return changes.isEmpty() && conflicts.isEmpty();
  }

  /**
   * Tells whether some difference cannot be applied.
   *
   * @return true when there are conflicts
   */
  public boolean hasConflicts() {
    return !conflicts.isEmpty();
  }

  /**
   * Renders the plan, one line per change or conflict.
   *
   * @return the plan as text
   */
  public String describe() {
    StringBuilder text = new StringBuilder("Registration in ").append(catalog).append(':');
    if (isEmpty()) {
      text.append(" nothing to change");
    }
    changes.forEach(change -> text.append("\n  ").append(change));
    conflicts.forEach(conflict -> text.append("\n  CONFLICT ").append(conflict));
    return text.toString();
  }
}
