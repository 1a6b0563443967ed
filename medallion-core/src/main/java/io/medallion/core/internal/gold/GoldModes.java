package io.medallion.core.internal.gold;

import io.medallion.core.internal.iceberg.Lineage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Decides whether a gold table may be brought up to date incrementally. The table property {@value
 * #MODE} set to {@code full} makes every run a full recompute. Otherwise a run is incremental only
 * when the table's newest data commit was written by the same definition: each gold commit records
 * a print of its definition under {@value #DEFINITION}, so a changed definition (or a commit by
 * another writer) recomputes in full.
 *
 * <pre>{@code
 * String print = GoldModes.print(definition.describeAggregation());
 * boolean incremental = GoldModes.incremental(goldTable, print);
 * }</pre>
 */
public final class GoldModes {
  /** Table property choosing how gold is computed: {@code full} or {@code incremental}. */
  public static final String MODE = "medallion.gold.mode";

  /** Snapshot summary key holding the print of the definition that wrote the commit. */
  public static final String DEFINITION = "medallion.definition";

  /**
   * Snapshot summary key telling how the commit was computed: {@value #FULL} or {@value
   * #INCREMENTAL}.
   */
  public static final String RUN = "medallion.gold.run";

  /** {@value #RUN} of a commit recomputed from the whole source. */
  public static final String FULL = "full";

  /** {@value #RUN} of a commit computed from the source's changes. */
  public static final String INCREMENTAL = "incremental";

  private GoldModes() {}

  /**
   * Returns a short, stable print of a definition's canonical text.
   *
   * @param canonical every setting that changes the table's rows, as text
   * @return a UUID-formatted hash
   */
  public static String print(String canonical) {
    return UUID.nameUUIDFromBytes(canonical.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * Tells whether a run may work incrementally on a table.
   *
   * @param table the gold table, with at least one snapshot
   * @param print the print of the definition running now
   * @return false when the table asks for full recomputes or its data came from elsewhere
   */
  public static boolean incremental(Table table, String print) {
    String mode = table.properties().getOrDefault(MODE, INCREMENTAL);
    if (FULL.equals(mode.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (Snapshot snapshot : Lineage.ancestors(table)) {
      // A compaction rewrites files without changing rows: the commit before it still tells.
      if (!DataOperations.REPLACE.equals(snapshot.operation())) {
        return print.equals(snapshot.summary().get(DEFINITION));
      }
    }
    return false;
  }
}
