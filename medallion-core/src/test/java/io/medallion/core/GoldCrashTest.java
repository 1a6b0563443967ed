package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.internal.gold.GoldCommitHook;
import io.medallion.table.TableDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process dying between two gold tables: one committed, the next not. The next run must finish
 * the tables left behind exactly once and leave every gold table as a run without the crash does;
 * the table that had committed commits nothing again.
 */
class GoldCrashTest {
  private static final List<TableDefinition> GOLD = IncrementalGoldPropertyTest.gold("");
  private static final Pipeline PIPELINE = pipeline();

  @TempDir Path dir;

  @AfterEach
  void clearHook() {
    GoldCommitHook.clear();
  }

  private static Pipeline pipeline() {
    List<TableDefinition> tables =
        new ArrayList<>(
            List.of(IncrementalGoldPropertyTest.RAW, IncrementalGoldPropertyTest.USERS));
    tables.addAll(GOLD);
    return Pipeline.builder("users").tables(tables).build();
  }

  @Test
  void run_crashAfterAnAggregateCommits_nextRunFinishesTheOtherTablesOnce() {
    crashAfter(TableId.of("gold", "by_country"));
  }

  @Test
  void run_crashAfterATimeSeriesCommits_nextRunFinishesTheOtherTablesOnce() {
    crashAfter(TableId.of("gold", "daily"));
  }

  @Test
  void run_crashAfterADimensionCommitsBeforeItsFacts_nextRunFinishesTheFactsOnce() {
    crashAfter(TableId.of("gold", "dim_location"));
  }

  private void crashAfter(TableId crashed) {
    List<List<String>> batches = batches();
    try (MedallionRuntime clean = MedallionRuntime.builder().lake(dir.resolve("clean")).build();
        MedallionRuntime crashing =
            MedallionRuntime.builder().lake(dir.resolve("crashing")).build()) {
      run(clean, batches.get(0), "b1");
      run(crashing, batches.get(0), "b1");
      run(clean, batches.get(1), "b2");

      crashing.ingest(
          IncrementalGoldPropertyTest.RAW,
          IncrementalGoldPropertyTest.source("b2", batches.get(1)));
      AtomicBoolean crashedOnce = new AtomicBoolean();
      GoldCommitHook.set(
          table -> {
            if (table.name().endsWith(crashed.toString())
                && crashedOnce.compareAndSet(false, true)) {
              throw new IllegalStateException("process died after committing " + crashed);
            }
          });
      assertThatThrownBy(() -> crashing.run(PIPELINE))
          .isInstanceOf(MedallionException.class)
          .hasMessageContaining(crashed.toString())
          .hasRootCauseMessage("process died after committing " + crashed);
      GoldCommitHook.clear();
      Map<TableId, Integer> committedBeforeRecovery = snapshotCounts(crashing);

      RunResult recovery = crashing.run(PIPELINE);

      assertThat(recovery.table(crashed).committed()).as("the table that had committed").isFalse();
      Map<TableId, Integer> afterRecovery = snapshotCounts(crashing);
      for (TableDefinition table : GOLD) {
        int commits = afterRecovery.get(table.id()) - committedBeforeRecovery.get(table.id());
        assertThat(commits)
            .as("commits of %s in the recovery run", table.id())
            .isLessThanOrEqualTo(1);
      }
      assertSameGold(clean, crashing, "after the recovery");
      assertThat(afterRecovery).isEqualTo(snapshotCounts(clean));

      run(clean, batches.get(2), "b3");
      run(crashing, batches.get(2), "b3");
      assertSameGold(clean, crashing, "after the next batch");
    }
  }

  private static List<List<String>> batches() {
    IncrementalGoldPropertyTest.Users users = new IncrementalGoldPropertyTest.Users(new Random(42));
    List<List<String>> batches = new ArrayList<>();
    for (int batch = 1; batch <= 3; batch++) {
      List<String> lines = new ArrayList<>();
      // Big enough that every table changes in every batch.
      while (lines.size() < 12) {
        lines.addAll(users.batch(batch));
      }
      batches.add(lines);
    }
    return batches;
  }

  private static void run(MedallionRuntime runtime, List<String> lines, String name) {
    runtime.ingest(
        IncrementalGoldPropertyTest.RAW, IncrementalGoldPropertyTest.source(name, lines));
    runtime.run(PIPELINE);
  }

  private static Map<TableId, Integer> snapshotCounts(MedallionRuntime runtime) {
    Map<TableId, Integer> counts = new HashMap<>();
    for (TableDefinition table : GOLD) {
      Table loaded = runtime.table(table.id());
      int count = 0;
      for (var ignored : loaded.snapshots()) {
        count++;
      }
      counts.put(table.id(), count);
    }
    return counts;
  }

  private static void assertSameGold(
      MedallionRuntime clean, MedallionRuntime crashing, String when) {
    for (TableDefinition table : GOLD) {
      assertThat(IncrementalGoldPropertyTest.rows(crashing.table(table.id())))
          .as("%s %s", table.id(), when)
          .containsExactlyElementsOf(IncrementalGoldPropertyTest.rows(clean.table(table.id())));
    }
  }
}
