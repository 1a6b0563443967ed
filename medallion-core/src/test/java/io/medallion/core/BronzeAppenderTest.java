package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.core.spi.MarkerConflictException;
import io.medallion.core.spi.SourceMarker;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/** Messages from a streaming source reach bronze with their source columns and markers. */
class BronzeAppenderTest extends EmbeddedLakeTest {
  private static final String PREFIX = "medallion.source.test.";
  private static final Column OFFSET = Column.of("msg_offset", ColumnType.LONG);
  private static final Column AT = Column.of("msg_time", ColumnType.TIMESTAMP_TZ);
  private static final Column HEADERS =
      Column.of(
          "msg_headers",
          ColumnType.list(
              ColumnType.struct(
                  List.of(
                      Column.of("key", ColumnType.STRING),
                      Column.of("value", ColumnType.STRING)))));
  private static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "events"))
          .recordsAt("results")
          .maxRecordBytes(1024)
          .sourceColumns(OFFSET, AT, HEADERS)
          .build();
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Object[] values(long offset) {
    return new Object[] {offset, T0, List.of(Map.of("key", "trace", "value", "t" + offset))};
  }

  /** Records the next offset; refuses a batch that does not start where the table stands. */
  private record NextOffset(long start, long next) implements SourceMarker {
    @Override
    public String keyPrefix() {
      return PREFIX;
    }

    @Override
    public Map<String, String> entries(Map<String, String> recorded) {
      long stands = Long.parseLong(recorded.getOrDefault(PREFIX + "next", "0"));
      if (stands != start) {
        throw new MarkerConflictException(
            "table stands at " + stands + ", batch starts at " + start);
      }
      return Map.of(PREFIX + "next", Long.toString(next));
    }
  }

  private List<Record> rows(TableId id) {
    List<Record> rows = new ArrayList<>(TableReads.rows(runtime.table(id)));
    rows.sort(Comparator.comparing(row -> (Long) row.getField(BronzeTable.RECORD_INDEX)));
    return rows;
  }

  @Test
  void commit_mixedMessages_everyMessageIsARecordOrADeadLetter() {
    BronzeAppender appender = runtime.bronzeAppender(RAW);
    byte[] latin1 = "{\"name\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    TableRun run;
    try (BronzeAppender.Batch batch = appender.newBatch()) {
      batch.add("events", "events/0@0", utf8("{\"id\":1}"), values(0));
      batch.add("events", "events/0@1", utf8("{\"results\":[{\"id\":2},{\"id\":3}]}"), values(1));
      batch.add("events", "events/0@2", utf8("{\"id\":"), values(2));
      batch.add("events", "events/0@3", latin1, values(3));
      batch.add("events", "events/0@4", new byte[0], values(4));
      batch.add("events", "events/0@5", utf8("{\"big\":\"" + "x".repeat(2000) + "\"}"), values(5));
      batch.deadLetter("events", "events/0@6", "tombstone (null value)", null, values(6));
      batch.add("events", "events/0@7", utf8("[{\"id\":8}, 42]"), values(7));
      run = batch.commit(new NextOffset(0, 8), new NextOffset(0, 8));
    }

    assertThat(run.written()).isEqualTo(4);
    assertThat(run.quarantined()).isEqualTo(6);
    List<Record> bronze = rows(RAW.id());
    assertThat(bronze)
        .extracting(row -> row.getField(BronzeTable.SOURCE_COORDINATE).toString())
        .containsExactly(
            "events/0@0", "events/0@1 results[0]", "events/0@1 results[1]", "events/0@7 [0]");
    assertThat(bronze.get(1).getField(BronzeTable.PAYLOAD).toString()).isEqualTo("{\"id\":2}");
    assertThat(bronze.get(0).getField("msg_offset")).isEqualTo(0L);
    assertThat(bronze.get(1).getField("msg_time")).isEqualTo(T0);
    Record header = (Record) ((List<?>) bronze.get(3).getField("msg_headers")).get(0);
    assertThat(header.getField("value")).isEqualTo("t7");
    Map<String, Record> dead = new HashMap<>();
    rows(RAW.deadLetterId())
        .forEach(row -> dead.put(row.getField(BronzeTable.SOURCE_COORDINATE).toString(), row));
    assertThat(dead)
        .containsOnlyKeys(
            "events/0@2", "events/0@3", "events/0@4", "events/0@5", "events/0@6", "events/0@7 [1]");
    assertThat(dead.get("events/0@2").getField(BronzeTable.ERROR).toString())
        .startsWith("invalid JSON: ");
    assertThat(dead.get("events/0@3").getField(BronzeTable.ERROR))
        .isEqualTo("message is not UTF-8 (its bytes are kept in base64)");
    assertThat(dead.get("events/0@3").getField(BronzeTable.PAYLOAD_ENCODING))
        .isEqualTo(BronzeTable.BASE64);
    assertThat(
            Base64.getDecoder()
                .decode(dead.get("events/0@3").getField(BronzeTable.PAYLOAD).toString()))
        .isEqualTo(latin1);
    assertThat(dead.get("events/0@4").getField(BronzeTable.ERROR))
        .isEqualTo("message is empty: no JSON value found");
    assertThat(dead.get("events/0@5").getField(BronzeTable.ERROR).toString())
        .contains("more than the limit of 1024")
        .contains("keeps its first 1024 of");
    assertThat(dead.get("events/0@6").getField(BronzeTable.PAYLOAD)).isNull();
    assertThat(dead.get("events/0@6").getField("msg_offset")).isEqualTo(6L);
    assertThat(dead.get("events/0@7 [1]").getField(BronzeTable.ERROR))
        .isEqualTo("[1] is a number, expected a JSON object");
    assertThat(appender.recorded(PREFIX)).containsExactly(Map.entry(PREFIX + "next", "8"));
    assertThat(appender.recordedInDeadLetters(PREFIX))
        .containsExactly(Map.entry(PREFIX + "next", "8"));
  }

  @Test
  void commit_onlyDeadLetters_bronzeStillRecordsTheMarker() {
    BronzeAppender appender = runtime.bronzeAppender(RAW);
    try (BronzeAppender.Batch batch = appender.newBatch()) {
      batch.add("events", "events/0@0", utf8("nope"), values(0));
      batch.commit(new NextOffset(0, 1), new NextOffset(0, 1));
    }

    assertThat(rows(RAW.id())).isEmpty();
    assertThat(rows(RAW.deadLetterId())).hasSize(1);
    assertThat(appender.recorded(PREFIX)).containsEntry(PREFIX + "next", "1");
  }

  @Test
  void commit_markerRefuses_nothingCommittedAndNoFilesLeft() throws IOException {
    BronzeAppender appender = runtime.bronzeAppender(RAW);
    try (BronzeAppender.Batch first = appender.newBatch()) {
      first.add("events", "events/0@0", utf8("{\"id\":1}"), values(0));
      first.commit(new NextOffset(0, 1), new NextOffset(0, 1));
    }
    long files = dataFiles();

    try (BronzeAppender.Batch stale = appender.newBatch()) {
      stale.add("events", "events/0@0", utf8("{\"id\":1}"), values(0));
      assertThatThrownBy(() -> stale.commit(new NextOffset(0, 1), new NextOffset(0, 1)))
          .isInstanceOf(MarkerConflictException.class)
          .hasMessage("table stands at 1, batch starts at 0");
    }

    assertThat(rows(RAW.id())).hasSize(1);
    assertThat(dataFiles()).isEqualTo(files);
  }

  @Test
  void commit_anotherWriterCommittedMeanwhile_markerSeesItsEntries() {
    BronzeAppender mine = runtime.bronzeAppender(RAW);
    try (MedallionRuntime other = MedallionRuntime.builder().lake(lake()).build();
        BronzeAppender.Batch batch = mine.newBatch()) {
      batch.add("events", "events/1@0", utf8("{\"id\":1}"), values(0));
      BronzeAppender theirs = other.bronzeAppender(RAW);
      try (BronzeAppender.Batch first = theirs.newBatch()) {
        first.add("events", "events/0@0", utf8("{\"id\":2}"), values(0));
        first.commit(new NextOffset(0, 1), new NextOffset(0, 1));
      }
      List<Map<String, String>> seen = new ArrayList<>();
      SourceMarker merging =
          new SourceMarker() {
            @Override
            public String keyPrefix() {
              return PREFIX;
            }

            @Override
            public Map<String, String> entries(Map<String, String> recorded) {
              seen.add(recorded);
              Map<String, String> merged = new HashMap<>(recorded);
              merged.put(PREFIX + "other", "1");
              return merged;
            }
          };
      batch.commit(merging, merging);

      assertThat(seen).containsExactly(Map.of(PREFIX + "next", "1"));
    }
    assertThat(mine.recorded(PREFIX))
        .containsExactlyInAnyOrderEntriesOf(Map.of(PREFIX + "next", "1", PREFIX + "other", "1"));
    assertThat(rows(RAW.id())).hasSize(2);
  }

  @Test
  void commit_anotherWriterCommitsWhileTheMarkerComputes_markerIsAskedAgainOnTheNewTable() {
    BronzeAppender mine = runtime.bronzeAppender(RAW);
    List<Map<String, String>> seen = new ArrayList<>();
    try (MedallionRuntime other = MedallionRuntime.builder().lake(lake()).build();
        BronzeAppender.Batch batch = mine.newBatch()) {
      BronzeAppender theirs = other.bronzeAppender(RAW);
      batch.add("events", "events/1@0", utf8("{\"id\":1}"), values(0));
      SourceMarker racing =
          new SourceMarker() {
            @Override
            public String keyPrefix() {
              return PREFIX;
            }

            @Override
            public Map<String, String> entries(Map<String, String> recorded) {
              seen.add(recorded);
              if (seen.size() == 1) {
                // Another writer lands between reading the marker and committing.
                try (BronzeAppender.Batch first = theirs.newBatch()) {
                  first.add("events", "events/0@0", utf8("{\"id\":2}"), values(0));
                  first.commit(new NextOffset(0, 1), new NextOffset(0, 1));
                }
              }
              Map<String, String> merged = new HashMap<>(recorded);
              merged.put(PREFIX + "mine", "1");
              return merged;
            }
          };

      batch.commit(racing, racing);
    }

    assertThat(seen).containsExactly(Map.of(), Map.of(PREFIX + "next", "1"));
    assertThat(mine.recorded(PREFIX))
        .containsExactlyInAnyOrderEntriesOf(Map.of(PREFIX + "next", "1", PREFIX + "mine", "1"));
    assertThat(rows(RAW.id())).hasSize(2);
  }

  @Test
  void add_valueOfTheWrongType_failsNamingTheColumn() {
    try (BronzeAppender.Batch batch = runtime.bronzeAppender(RAW).newBatch()) {
      assertThatThrownBy(
              () -> batch.add("events", "events/0@0", utf8("{}"), "seven", T0, List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("source column msg_offset is long and takes a Long, got a String");
      assertThatThrownBy(() -> batch.add("events", "events/0@0", utf8("{}"), 1L))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("expected 3 source values ([msg_offset, msg_time, msg_headers]), got 1");
    }
  }

  @Test
  void commit_markerPrefixOutsideTheRoot_isRefused() {
    SourceMarker stray =
        new SourceMarker() {
          @Override
          public String keyPrefix() {
            return "acme.";
          }

          @Override
          public Map<String, String> entries(Map<String, String> recorded) {
            return Map.of();
          }
        };
    try (BronzeAppender.Batch batch = runtime.bronzeAppender(RAW).newBatch()) {
      batch.add("events", "events/0@0", utf8("{}"), values(0));
      assertThatThrownBy(() -> batch.commit(stray, stray))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("source marker prefix acme. must start with medallion.source.");
    }
    assertThat(rows(RAW.id())).isEmpty();
  }

  private long dataFiles() throws IOException {
    try (Stream<Path> files = Files.walk(lake())) {
      return files.filter(file -> file.toString().endsWith(".parquet")).count();
    }
  }
}
