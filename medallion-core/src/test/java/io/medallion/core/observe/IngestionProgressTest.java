package io.medallion.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observers hear how many records an ingestion has written while it runs, for progress lines. */
class IngestionProgressTest {
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "orders")).build();

  @TempDir Path dir;
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private MedallionRuntime runtime;

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private MedallionRuntime runtime() {
    runtime =
        MedallionRuntime.builder()
            .lake(dir.resolve("lake"))
            .observer(
                new RunObserver() {
                  @Override
                  public void recordsIngested(TableId table, long records) {
                    heard.add(table + " " + records);
                  }
                })
            .build();
    return runtime;
  }

  /** {@code count} records, with a broken line after every 500th that is not counted. */
  private static JsonSource orders(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines.append("{\"id\":\"").append(i).append("\"}\n");
      if (i % 500 == 0) {
        lines.append("not json\n");
      }
    }
    return JsonSource.stream(
        "orders.ndjson",
        new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ingest_2500Records_heardAfterEveryThousandWrittenDeadLettersNotCounted() {
    runtime().ingest(RAW, orders(2_500));

    assertThat(heard).containsExactly("bronze.orders 1000", "bronze.orders 2000");
  }

  @Test
  void runWithSource_ingestionFeedingSilver_heardToo() {
    SilverTable silver =
        SilverTable.builder(TableId.of("silver", "orders"), RAW)
            .map("id", ColumnType.STRING, "id")
            .build();

    runtime().run(Pipeline.builder("orders").tables(RAW, silver).build(), RAW, orders(1_200));

    assertThat(heard).containsExactly("bronze.orders 1000");
  }

  @Test
  void ingest_fewerThanAThousand_nothingHeardTheOutcomeHasTheCounts() {
    runtime().ingest(RAW, orders(999));

    assertThat(heard).isEmpty();
  }
}
