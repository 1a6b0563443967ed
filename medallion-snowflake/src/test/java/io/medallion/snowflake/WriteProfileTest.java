package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-profile check on a real lake whose tables another engine changed. */
class WriteProfileTest {
  @TempDir Path lake;
  private MedallionRuntime runtime;

  @BeforeEach
  void open() {
    runtime = MedallionRuntime.builder().lake(lake).build();
    String record =
        "{\"id\":\"a\",\"name\":\"N\",\"email\":\"a@example.com\",\"country\":\"ch\",\"age\":30,"
            + "\"score\":1.5,\"latitude\":1.0,\"born_at\":\"1990-01-01T00:00:00Z\"}\n";
    runtime.run(
        People.PIPELINE,
        People.RAW,
        JsonSource.stream("a", new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  private SnowflakePlan plan() {
    return SnowflakeLayer.builder(People.PIPELINE, CatalogConfig.embedded(lake), lake.toString())
        .facts(LakeFacts.read(runtime, People.PIPELINE))
        .build()
        .plan();
  }

  @Test
  void plan_tablesAsMedallionWritesThem_keepTheProfile() {
    SnowflakePlan plan = plan();

    assertThat(plan.refusals()).isEmpty();
    // Bronze, silver, and the dimensions and facts whose history only their own tables hold.
    assertThat(plan.statements()).filteredOn(s -> s.kind() == ObjectKind.ICEBERG_TABLE).hasSize(5);
  }

  @Test
  void plan_equalityDeletesInTheHistory_refuseTheTableAndItsGoldViews() {
    Table silver = runtime.table(People.PEOPLE.id());
    DeleteFile equality =
        FileMetadata.deleteFileBuilder(silver.spec())
            .ofEqualityDeletes(silver.schema().findField("id").fieldId())
            .withPath(silver.location() + "/data/eq-deletes.parquet")
            .withFormat(FileFormat.PARQUET)
            .withFileSizeInBytes(100)
            .withRecordCount(1)
            .build();
    silver.newRowDelta().addDeletes(equality).commit();
    long snapshot = silver.currentSnapshot().snapshotId();

    SnowflakePlan plan = plan();

    assertThat(plan.refusals().get(People.PEOPLE.id()))
        .containsExactly(
            "snapshots ["
                + snapshot
                + "] added equality deletes, which stop Snowflake's refresh; rewrite the table"
                + " without them");
    assertThat(plan.statements()).noneMatch(s -> s.sql().contains("\"SILVER\".\"PEOPLE\""));
    assertThat(plan.notes())
        .contains(
            "Gold view gold.people_by_country is left out: its source silver.people is not"
                + " exposed.");
  }

  @Test
  void plan_formatUpgradedWithAnUnmappedType_refusedNamingBoth() {
    Table bronze = runtime.table(People.RAW.id());
    bronze.updateProperties().set("format-version", "3").commit();
    bronze.updateSchema().addColumn("seen_at", Types.TimestampNanoType.withZone()).commit();

    SnowflakePlan plan = plan();

    assertThat(plan.refusals().get(People.RAW.id()))
        .containsExactly(
            "format version 3 is not one Snowflake reads here (allowed: [1, 2])",
            "column seen_at: timestamptz_ns has no Snowflake type");
    assertThat(
            SnowflakeLayer.builder(People.PIPELINE, CatalogConfig.embedded(lake), lake.toString())
                .facts(LakeFacts.read(runtime, People.PIPELINE))
                .writeProfile(WriteProfile.formatVersions(java.util.Set.of(2, 3)))
                .build()
                .plan()
                .refusals()
                .get(People.RAW.id()))
        .isEqualTo(List.of("column seen_at: timestamptz_ns has no Snowflake type"));
  }
}
