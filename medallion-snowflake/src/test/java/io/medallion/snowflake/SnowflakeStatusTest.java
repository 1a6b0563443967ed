package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.Function;

/**
 * The freshness status of a real lake's tables, against an embedded database whose
 * SYSTEM$GET_ICEBERG_TABLE_INFORMATION answers with the metadata file a test chooses, as Snowflake
 * answers with the one it serves.
 */
class SnowflakeStatusTest {
  @TempDir Path lake;
  private MedallionRuntime runtime;
  private Connection snowflake;
  private final Map<String, String> served = new HashMap<>();

  @BeforeEach
  void open() throws SQLException {
    runtime = MedallionRuntime.builder().lake(lake).build();
    snowflake = DriverManager.getConnection("jdbc:sqlite::memory:");
    Function.create(
        snowflake,
        "SYSTEM$GET_ICEBERG_TABLE_INFORMATION",
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            result(served.getOrDefault(value_text(0), "{\"status\":\"Table does not exist\"}"));
          }
        });
  }

  @AfterEach
  void close() throws SQLException {
    snowflake.close();
    runtime.close();
  }

  private void ingest(String id) {
    String record =
        "{\"id\":\""
            + id
            + "\",\"name\":\"N\",\"email\":\""
            + id
            + "@example.com\",\"country\":\"ch\","
            + "\"age\":30,\"score\":1.5,\"latitude\":1.0,\"born_at\":\"1990-01-01T00:00:00Z\"}\n";
    runtime.run(
        People.PIPELINE,
        People.RAW,
        JsonSource.stream(id, new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8))));
  }

  private SnowflakePlan plan() {
    return SnowflakeLayer.builder(People.PIPELINE, CatalogConfig.embedded(lake), lake.toString())
        .facts(LakeFacts.read(runtime, People.PIPELINE))
        .build()
        .plan();
  }

  private static TableMetadata metadata(Table table) {
    return ((HasTableOperations) table).operations().current();
  }

  @Test
  void status_servingTheCurrentMetadata_isCurrent() {
    ingest("a");
    Table silver = runtime.table(People.PEOPLE.id());
    served.put(
        "\"MEDALLION\".\"SILVER\".\"PEOPLE\"", json(metadata(silver).metadataFileLocation()));

    List<TableStatus> status = SnowflakeStatus.of(snowflake, plan(), runtime);

    TableStatus people = status.get(1);
    assertThat(people.id()).isEqualTo(TableId.of("silver", "people"));
    assertThat(people.current()).isTrue();
    assertThat(people.describe())
        .isEqualTo(
            "silver.people: current (snapshot " + silver.currentSnapshot().snapshotId() + ")");
    assertThat(status.get(0).describe())
        .isEqualTo("bronze.people_raw: unknown (Snowflake reports status 'Table does not exist')");
  }

  @Test
  void status_servingAnOlderMetadataFile_countsTheSnapshotsBehindAndTheLag() {
    ingest("a");
    String older = metadata(runtime.table(People.PEOPLE.id())).metadataFileLocation();
    ingest("b");
    ingest("c");
    Table silver = runtime.table(People.PEOPLE.id());
    served.put("\"MEDALLION\".\"SILVER\".\"PEOPLE\"", json(older));

    TableStatus people = SnowflakeStatus.of(snowflake, plan(), runtime).get(1);

    assertThat(people.current()).isFalse();
    assertThat(people.snapshotsBehind()).isEqualTo(2);
    long writtenAt =
        metadata(silver).previousFiles().stream()
            .filter(e -> e.file().equals(older))
            .findFirst()
            .orElseThrow()
            .timestampMillis();
    assertThat(people.lag().toMillis())
        .isEqualTo(silver.currentSnapshot().timestampMillis() - writtenAt);
    assertThat(people.describe()).startsWith("silver.people: 2 snapshots behind (lag PT");
  }

  @Test
  void status_servingAFileTheCatalogNeverWrote_saysSo() {
    ingest("a");
    served.put(
        "\"MEDALLION\".\"SILVER\".\"PEOPLE\"", json("s3://elsewhere/metadata/v9.metadata.json"));

    TableStatus people = SnowflakeStatus.of(snowflake, plan(), runtime).get(1);

    assertThat(people.problem())
        .contains(
            "Snowflake serves s3://elsewhere/metadata/v9.metadata.json, which is not in the catalog's metadata log");
  }

  private static String json(String metadataLocation) {
    return "{\"metadataLocation\":\"" + metadataLocation + "\",\"status\":\"success\"}";
  }
}
