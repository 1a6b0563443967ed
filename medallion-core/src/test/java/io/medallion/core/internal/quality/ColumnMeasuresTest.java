package io.medallion.core.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.RowView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMeasuresTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T12:00:00Z");
  private static final List<DatasetRule> RULES =
      List.of(
          DatasetRule.unique("id", "country"),
          DatasetRule.distinctRatio("country", 0.5),
          DatasetRule.freshness("seen", Duration.ofDays(2)),
          DatasetRule.rowCount(1, 10_000));

  @TempDir Path dir;

  /** 500 rows over 7 countries: ids repeat every 200 rows, some countries and dates are null. */
  private static List<RowView> rows() {
    List<RowView> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", "u" + (i % 200));
      row.put("country", i % 11 == 0 ? null : "c" + (i % 200) % 7);
      row.put("seen", i % 5 == 0 ? null : LocalDate.of(2026, 5, 1).plusDays(i % 30));
      rows.add(row::get);
    }
    return rows;
  }

  private List<String> evaluate(int keysInMemory) {
    try (ColumnMeasures measures = ColumnMeasures.of(RULES, keysInMemory, dir)) {
      rows().forEach(measures::add);
      return DatasetRuleEvaluator.evaluate(
              RULES, measures, Map.of(MetricKey.ROWS_READ, 500.0), List.of(), NOW)
          .stream()
          .map(result -> result.passed() + " " + result.detail())
          .toList();
    }
  }

  @Test
  void evaluate_twoKeysInMemory_equalsInMemory() throws Exception {
    List<String> inMemory = evaluate(1_000_000);
    List<String> spilled = evaluate(2);

    assertThat(inMemory)
        .containsExactly(
            "false 254 duplicate keys on [id, country]",
            "false distinct ratio 0.0154 vs minimum 0.5000",
            "false newest seen is PT60H old, limit PT48H",
            "true row count 500 within 1..10000");
    assertThat(spilled).isEqualTo(inMemory);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void columnsRead_listsEachColumnOnceInRuleOrder() {
    assertThat(ColumnMeasures.columnsRead(RULES)).containsExactly("id", "country", "seen");
  }

  @Test
  void duplicates_conditionNotMeasured_isRefusedNamingIt() {
    try (ColumnMeasures measures = ColumnMeasures.of(RULES, 2, dir)) {
      DatasetRule.Condition.Unique other = new DatasetRule.Condition.Unique(List.of("email"));

      assertThatThrownBy(() -> measures.duplicates(other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No measure for ")
          .hasMessageContaining("email");
    }
  }
}
