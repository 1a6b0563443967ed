package io.medallion.core.internal.gold;

import java.util.function.Consumer;
import org.apache.iceberg.Table;

/**
 * A seam for crash tests: called with each gold table right after its commit, before the run moves
 * on to the next table. A hook that throws is a process dying between two gold tables. Nothing sets
 * it outside tests.
 *
 * <pre>{@code
 * GoldCommitHook.set(table -> { throw new IllegalStateException("crash after " + table.name()); });
 * }</pre>
 */
public final class GoldCommitHook {
  private static volatile Consumer<Table> hook = table -> {};

  private GoldCommitHook() {}

  /**
   * Sets the hook.
   *
   * @param afterCommit called with each gold table after it committed
   */
  public static void set(Consumer<Table> afterCommit) {
    hook = afterCommit;
  }

  /** Removes the hook. */
  public static void clear() {
    hook = table -> {};
  }

  static void committed(Table table) {
    hook.accept(table);
  }
}
