package io.medallion.core;

import io.medallion.TableId;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What one pipeline run did, table by table in dependency order.
 *
 * <pre>{@code
 * RunResult result = runtime.run(pipeline);
 * long kept = result.table(TableId.of("silver", "users")).written();
 * }</pre>
 *
 * @param tables one entry per table the run processed
 */
public record RunResult(List<TableRun> tables) {

  /**
   * Copies the list.
   *
   * @param tables the entries
   */
  public RunResult {
    tables = List.copyOf(tables);
  }

  /**
   * Finds one table's entry.
   *
   * @param id the table
   * @return its entry
   * @throws NoSuchElementException when the run did not process that table
   */
  public TableRun table(TableId id) {
    return tables.stream()
        .filter(t -> t.table().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("The run did not process table " + id));
  }
}
