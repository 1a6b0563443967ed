package io.medallion.core.internal.bronze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.util.Utf8;

/**
 * Splits one message that is already in memory (a Kafka record's value) into records: a JSON object
 * is one record; inside an object, the array at the table's {@link BronzeTable#recordsAt() records
 * path} holds the records; a top-level array's elements are records. Unlike {@link
 * JsonRecordReader} it needs no buffers of its own, which matters at a hundred thousand messages a
 * second. The caller has checked that the message is UTF-8.
 */
final class MessageReader {
  private final JsonFactory factory;
  private final int maxRecordBytes;
  private final List<String> recordsAt;
  private final String recordsLabel;
  private final ParseErrors errors;

  MessageReader(BronzeTable table) {
    this.maxRecordBytes = table.maxRecordBytes();
    this.recordsAt = table.recordsAt().map(path -> path.segments()).orElse(List.of());
    this.recordsLabel = String.join(".", recordsAt);
    this.errors = new ParseErrors(table.secretPaths());
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxRecordBytes).build())
            .build();
  }

  /**
   * Reads a message that is exactly one JSON object in well-formed UTF-8, the common case, without
   * the tokenizer ({@link SingleObjectScan}); tables with a records path always take {@link #read}.
   *
   * @param message the message's bytes, not yet checked
   * @param coordinate where the message is
   * @param sink receives the record
   * @return false, having done nothing, for any other message: check its UTF-8, then {@link #read}
   */
  boolean readSingleObject(byte[] message, String coordinate, RecordSink sink) {
    if (!recordsAt.isEmpty()) {
      return false;
    }
    long found = SingleObjectScan.find(message);
    if (found < 0) {
      return false;
    }
    int start = (int) (found >>> 32);
    int end = (int) found;
    if (end - start > maxRecordBytes) {
      return false;
    }
    byte[] raw =
        start == 0 && end == message.length ? message : Arrays.copyOfRange(message, start, end);
    sink.record(coordinate, new Utf8(raw));
    return true;
  }

  /**
   * Reads one message.
   *
   * @param message the message's bytes, valid UTF-8
   * @param coordinate where the message is, e.g. {@code orders/3@1200}; records inside an envelope
   *     or array add their index
   * @param sink receives the records and dead letters
   */
  void read(byte[] message, String coordinate, RecordSink sink) {
    Pass pass = new Pass(message, coordinate, sink);
    try (JsonParser parser = factory.createParser(message)) {
      pass.values(parser);
    } catch (IOException e) {
      // Parsing an array in memory reads nothing from outside: only a parse error lands here.
      throw new UncheckedIOException(e);
    }
  }

  private final class Pass {
    private final byte[] message;
    private final String coordinate;
    private final RecordSink sink;
    private int emitted;
    private int emittedEnd;
    private String where;
    private boolean inRecords;

    Pass(byte[] message, String coordinate, RecordSink sink) {
      this.message = message;
      this.coordinate = coordinate;
      this.sink = sink;
      this.where = coordinate;
    }

    void values(JsonParser parser) throws IOException {
      int value = 0;
      int start = 0;
      try {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          start = offset(parser.currentTokenLocation().getByteOffset());
          where = value == 0 ? coordinate : coordinate + " value " + (value + 1);
          inRecords = false;
          if (token == JsonToken.START_OBJECT) {
            object(parser, start);
          } else if (token == JsonToken.START_ARRAY) {
            elements(parser, where, "");
          } else {
            parser.finishToken();
            dead(
                where,
                "message value is "
                    + JsonRecordReader.describe(token)
                    + ", expected a JSON object or array",
                start,
                end(parser));
          }
          value++;
        }
      } catch (JsonProcessingException e) {
        List<String> path = ParseErrors.path(parser.getParsingContext());
        if (inRecords && path.size() >= recordsAt.size()) {
          path = path.subList(recordsAt.size(), path.size());
        }
        int from = Math.max(start, emittedEnd);
        dead(where, "invalid JSON: " + errors.describe(e, path), from, message.length);
        return;
      }
      if (emitted == 0) {
        dead(coordinate, "message is empty: no JSON value found", 0, message.length);
      }
    }

    private void object(JsonParser parser, int start) throws IOException {
      boolean found = false;
      if (recordsAt.isEmpty()) {
        parser.skipChildren();
      } else {
        found = RecordsPath.find(parser, recordsAt, p -> elements(p, where, recordsLabel));
      }
      if (!found) {
        emit(where, start, end(parser));
      }
    }

    private void elements(JsonParser parser, String base, String label) throws IOException {
      String prefix = base + " " + label;
      inRecords = true;
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        int start = offset(parser.currentTokenLocation().getByteOffset());
        String element = prefix + "[" + index + "]";
        where = element + " and after";
        parser.skipChildren();
        parser.finishToken();
        int end = end(parser);
        if (token == JsonToken.START_OBJECT) {
          emit(element, start, end);
        } else {
          dead(
              element,
              label
                  + "["
                  + index
                  + "] is "
                  + JsonRecordReader.describe(token)
                  + ", expected a JSON object",
              start,
              end);
        }
        index++;
      }
      inRecords = false;
      where = base;
    }

    private void emit(String at, int start, int end) {
      if (end - start > maxRecordBytes) {
        dead(
            at,
            "record is "
                + (end - start)
                + " bytes, more than the limit of "
                + maxRecordBytes
                + " (BronzeTable.maxRecordBytes)",
            start,
            end);
        return;
      }
      byte[] raw = start == 0 && end == message.length ? message : slice(start, end);
      sink.record(at, new Utf8(raw));
      emitted++;
      emittedEnd = end;
    }

    private void dead(String at, String error, int start, int end) {
      int kept = Math.min(end - start, maxRecordBytes);
      String note =
          kept < end - start
              ? "; the dead letter keeps its first " + kept + " of " + (end - start) + " bytes"
              : "";
      sink.deadLetter(at, error + note, new String(message, start, kept, StandardCharsets.UTF_8));
      emitted++;
      emittedEnd = end;
    }

    private byte[] slice(int start, int end) {
      return Arrays.copyOfRange(message, start, end);
    }

    private int end(JsonParser parser) {
      return offset(parser.currentLocation().getByteOffset());
    }

    private int offset(long byteOffset) {
      return (int) Math.min(byteOffset, message.length);
    }
  }
}
