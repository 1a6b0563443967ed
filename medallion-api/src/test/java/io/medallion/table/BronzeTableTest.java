package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import org.junit.jupiter.api.Test;

class BronzeTableTest {
  private static final TableId ID = TableId.of("bronze", "raw");

  @Test
  void build_recordsAt_isParsedAsAJsonPath() {
    BronzeTable raw = BronzeTable.builder(ID).recordsAt("data.items").build();

    assertThat(raw.recordsAt()).contains(JsonPath.parse("data.items"));
    assertThat(BronzeTable.builder(ID).build().recordsAt()).isEmpty();
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualDefinition() {
    BronzeTable raw =
        BronzeTable.builder(ID)
            .description("raw users")
            .recordsAt("results")
            .secretPaths("login.password")
            .maxRecordBytes(4096)
            .partitionBy(PartitionField.identity(BronzeTable.SOURCE_NAME))
            .build();

    BronzeTable copy = raw.toBuilder().build();

    assertThat(copy).isNotSameAs(raw).isEqualTo(raw).hasSameHashCodeAs(raw);

    assertThat(copy.id()).isEqualTo(raw.id());
    assertThat(copy.description()).isEqualTo("raw users");
    assertThat(copy.recordsAt()).isEqualTo(raw.recordsAt());
    assertThat(copy.secretPaths()).isEqualTo(raw.secretPaths());
    assertThat(copy.maxRecordBytes()).isEqualTo(4096);
    assertThat(copy.partitioning()).isEqualTo(raw.partitioning());
  }

  @Test
  void toBuilder_settingAPropertyOnce_changesOnlyThatProperty() {
    BronzeTable raw = BronzeTable.builder(ID).recordsAt("results").maxRecordBytes(4096).build();

    BronzeTable bigger = raw.toBuilder().maxRecordBytes(8192).build();

    assertThat(bigger.maxRecordBytes()).isEqualTo(8192);
    assertThat(bigger.recordsAt()).contains(JsonPath.parse("results"));
  }

  @Test
  void build_propertySetTwice_isAProblemNamingThePropertyAndBothValues() {
    assertThatThrownBy(
            () ->
                BronzeTable.builder(ID)
                    .maxRecordBytes(4096)
                    .maxRecordBytes(8192)
                    .recordsAt("results")
                    .recordsAt("data")
                    .secretPaths("login.password", "login.password")
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "maxRecordBytes is set twice: 4096, then 8192; set it once",
                        "recordsAt is set twice: results, then data; set it once",
                        "secret path $.login.password is declared more than once"));
  }

  @Test
  void build_badPaths_areProblemsNamingThem() {
    assertThatThrownBy(() -> BronzeTable.builder(ID).recordsAt("a..b").secretPaths("$.").build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "Invalid JSON path '$.': it names no field",
                        "recordsAt: Invalid JSON path [a, , b]: expected non-empty field names"
                            + " separated by dots"));
  }

  @Test
  void clearSecretPaths_thenSecretPaths_replacesThem() {
    BronzeTable raw =
        BronzeTable.builder(ID).secretPaths("login.password").secretPaths("login.salt").build();

    BronzeTable replaced = raw.toBuilder().clearSecretPaths().secretPaths("login.md5").build();

    assertThat(raw.secretPaths())
        .containsExactly(JsonPath.parse("login.password"), JsonPath.parse("login.salt"));
    assertThat(replaced.secretPaths()).containsExactly(JsonPath.parse("login.md5"));
  }

  @Test
  void sourceColumns_followTheStandardColumnsInBronzeAndDeadLetters() {
    Column offset = Column.of("kafka_offset", ColumnType.LONG);
    BronzeTable raw = BronzeTable.builder(ID).sourceColumns(offset).build();

    assertThat(raw.sourceColumns()).containsExactly(offset);
    assertThat(raw.columns()).last().isEqualTo(offset);
    assertThat(raw.columns()).extracting(Column::name).contains(BronzeTable.PAYLOAD);
    assertThat(raw.deadLetterColumns())
        .extracting(Column::name)
        .endsWith(BronzeTable.PAYLOAD, BronzeTable.PAYLOAD_ENCODING, "kafka_offset");
    assertThat(raw.toBuilder().build()).isEqualTo(raw);
    assertThat(raw.toBuilder().clearSourceColumns().build().sourceColumns()).isEmpty();
    assertThat(raw).isNotEqualTo(BronzeTable.builder(ID).build());
  }

  @Test
  void build_sourceColumnNamedLikeAStandardOne_isAProblemNamingIt() {
    assertThatThrownBy(
            () ->
                BronzeTable.builder(ID)
                    .sourceColumns(Column.of(BronzeTable.PAYLOAD, ColumnType.STRING))
                    .build())
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly("column 'payload' is defined more than once"));
  }
}
