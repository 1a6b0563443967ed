package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import io.medallion.core.internal.iceberg.TableStore;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing again moves each entry of the target catalog in one operation: a reader loading the
 * table meanwhile always finds it.
 */
class PublishRepointTest {
  private static final int REPUBLISHES = 5;

  @TempDir Path dir;

  @Test
  void publish_readerLoadingDuringEveryMove_neverFindsTheTableMissing() throws Exception {
    CatalogConfig target =
        JdbcCatalogConfig.builder(
                "jdbc:sqlite:" + dir.resolve("published.db"),
                dir.resolve("published").toUri().toString())
            .build();
    TableIdentifier people = TableStore.identifier(TestPipelines.PEOPLE.id());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicBoolean publishing = new AtomicBoolean(true);
    try (MedallionRuntime laptop = MedallionRuntime.builder().lake(dir.resolve("lake")).build()) {
      laptop.run(TestPipelines.PIPELINE, TestPipelines.RAW, CatalogContractTest.people("a"));
      laptop.publish(TestPipelines.PIPELINE, target);
      Future<Integer> missing =
          pool.submit(
              () -> {
                Catalog reader = IcebergCatalogs.open(target);
                int notFound = 0;
                try {
                  while (publishing.get()) {
                    try {
                      reader.loadTable(people);
                    } catch (NoSuchTableException e) {
                      notFound++;
                    }
                  }
                } finally {
                  ((Closeable) reader).close();
                }
                return notFound;
              });

      for (int i = 0; i < REPUBLISHES; i++) {
        laptop.run(TestPipelines.PIPELINE, TestPipelines.RAW, CatalogContractTest.people("p" + i));
        RegistrationPlan moved = laptop.publish(TestPipelines.PIPELINE, target);
        assertThat(moved.changes())
            .extracting(PlannedChange::kind)
            .as(moved.describe())
            .contains(Kind.UPDATE_REGISTRATION);
      }
      publishing.set(false);

      assertThat(missing.get()).as("loads that found no table").isZero();
      Catalog check = IcebergCatalogs.open(target);
      try {
        Table published = check.loadTable(people);
        assertThat(published.currentSnapshot().snapshotId())
            .isEqualTo(laptop.table(TestPipelines.PEOPLE.id()).currentSnapshot().snapshotId());
        assertThat(TableReads.rows(published)).hasSize(1 + REPUBLISHES);
      } finally {
        ((Closeable) check).close();
      }
    } finally {
      publishing.set(false);
      pool.shutdownNow();
    }
  }
}
