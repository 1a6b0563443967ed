package io.medallion.core.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistinctCountTest {
  @TempDir Path dir;

  /** 1000 keys of mixed types, nulls and repeats: 337 distinct. */
  private static void addKeys(DistinctCount count) {
    for (int i = 0; i < 1000; i++) {
      int n = i % 337;
      count.add(Arrays.asList(n % 3 == 0 ? null : "k" + n, (long) n, new BigDecimal(n + ".50")));
    }
  }

  @Test
  void distinct_twoKeysInMemory_equalsTheInMemoryCount() {
    try (DistinctCount memory = new DistinctCount(1_000_000, dir, "memory");
        DistinctCount spilled = new DistinctCount(2, dir, "spilled")) {
      addKeys(memory);
      addKeys(spilled);

      assertThat(memory.spills()).isZero();
      assertThat(spilled.spills()).isGreaterThan(100);
      assertThat(memory.distinct()).isEqualTo(337);
      assertThat(spilled.distinct()).isEqualTo(337);
      assertThat(spilled.added()).isEqualTo(memory.added()).isEqualTo(1000);
    }
  }

  @Test
  void close_afterSpilling_leavesNoFiles() throws Exception {
    try (DistinctCount count = new DistinctCount(2, dir, "spilled")) {
      addKeys(count);
      count.distinct();
    }

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void add_afterCounting_isRefused() {
    try (DistinctCount count = new DistinctCount(2, dir, "spilled")) {
      count.add(List.of("a"));
      count.distinct();

      assertThatThrownBy(() -> count.add(List.of("b")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Keys were already counted; no more can be added");
    }
  }

  @Test
  void constructor_keysInMemoryBelowOne_isRefusedWithTheValue() {
    assertThatThrownBy(() -> new DistinctCount(0, dir, "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keysInMemory must be at least 1, got 0");
  }

  @Test
  void add_valueThatCannotSpill_namesItsType() {
    try (DistinctCount count = new DistinctCount(1, dir, "bad")) {
      assertThatThrownBy(() -> count.add(List.of(new Object() {})))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Cannot spill a value of type");
    }
  }
}
