package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run ensures (loads, creates or evolves) each table once: on Glue and REST catalogs every table
 * look-up is a remote call. The catalog is Iceberg's real JDBC catalog, only counting its calls.
 */
class EnsureOncePerRunTest {
  private static final List<String> WRITTEN_ONLY =
      List.of(
          "bronze.people_raw_dead_letter",
          "silver.people_quarantine",
          "silver.people_quality_metrics",
          "gold.people_by_country",
          "gold.people_by_birth_year");

  @TempDir Path dir;
  private CatalogConfig counted;

  @BeforeEach
  void countingCatalog() {
    counted =
        EmbeddedCatalogConfig.builder(dir)
            .property("catalog-impl", CountingJdbcCatalog.class.getName())
            .build();
    CountingJdbcCatalog.reset();
  }

  @Test
  void run_newLake_createsEachTableOnceAndLoadsNoneItWrites() {
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir).catalog(counted).build()) {
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, CatalogContractTest.people("a", "b"));

      for (String table : WRITTEN_ONLY) {
        assertThat(CountingJdbcCatalog.creates(table))
            .as("creates of %s in %s", table, CountingJdbcCatalog.all())
            .isEqualTo(1);
        // The one look-up that found it missing.
        assertThat(CountingJdbcCatalog.loads(table))
            .as("loads of %s in %s", table, CountingJdbcCatalog.all())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void run_existingTables_loadsEachTableOnceBesidesReadingUpstream() {
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir).catalog(counted).build()) {
      runtime.run(TestPipelines.PIPELINE, TestPipelines.RAW, CatalogContractTest.people("a"));
      runtime.ingest(TestPipelines.RAW, CatalogContractTest.people("b"));
      CountingJdbcCatalog.reset();

      runtime.run(TestPipelines.PIPELINE);

      for (String table : WRITTEN_ONLY) {
        assertThat(CountingJdbcCatalog.loads(table))
            .as("loads of %s in %s", table, CountingJdbcCatalog.all())
            .isEqualTo(1);
        assertThat(CountingJdbcCatalog.creates(table))
            .as("creates of %s in %s", table, CountingJdbcCatalog.all())
            .isZero();
      }
      // Ensured once, and read fresh once by each table built from it: silver by two gold tables.
      assertThat(CountingJdbcCatalog.loads("bronze.people_raw")).isEqualTo(2);
      assertThat(CountingJdbcCatalog.loads("silver.people")).isEqualTo(3);
    }
  }
}
