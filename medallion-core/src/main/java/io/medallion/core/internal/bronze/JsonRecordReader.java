package io.medallion.core.internal.bronze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.medallion.table.BronzeTable;
import io.medallion.table.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.util.Utf8;

/**
 * Streams JSON records out of one input without holding it in memory: newline-delimited JSON, a
 * top-level array's elements, or one JSON document spanning lines; inside a top-level object, the
 * array at the table's {@link BronzeTable#recordsAt() records path}. Each record keeps its exact
 * raw bytes. Broken input becomes dead letters: each line of newline-delimited JSON stands alone,
 * so a broken line costs that line only; a break inside a document that spans lines dead-letters
 * the rest of it, whose records cannot be told apart. A value larger than the table's maximum
 * record size is a dead letter keeping its first bytes, found while reading.
 */
final class JsonRecordReader {
  private final JsonFactory factory;
  private final int maxRecordBytes;
  private final List<String> recordsAt;
  private final String recordsLabel;
  private final ParseErrors errors;

  /**
   * Creates a reader.
   *
   * @param maxRecordBytes the largest record accepted
   * @param recordsAt the path of the records inside a top-level object, or null when each object is
   *     a record
   * @param secretPaths paths whose text error messages must never quote
   */
  JsonRecordReader(int maxRecordBytes, JsonPath recordsAt, List<JsonPath> secretPaths) {
    this.maxRecordBytes = maxRecordBytes;
    this.recordsAt = recordsAt == null ? List.of() : recordsAt.segments();
    this.recordsLabel = String.join(".", this.recordsAt);
    this.errors = new ParseErrors(secretPaths);
    // A longer string cannot be part of an accepted record: fail before buffering it.
    this.factory =
        JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxRecordBytes).build())
            .build();
  }

  /**
   * Creates the reader for a bronze table.
   *
   * @param table the table
   * @return a reader with the table's size limit, records path and secret paths
   */
  static JsonRecordReader of(BronzeTable table) {
    return new JsonRecordReader(
        table.maxRecordBytes(), table.recordsAt().orElse(null), table.secretPaths());
  }

  /**
   * Reads one input to its end.
   *
   * @param input the bytes, closed by the caller
   * @param sink receives records and dead letters
   * @return the number of records and dead letters emitted
   * @throws IOException when the input cannot be read (not when it cannot be parsed)
   */
  long read(InputStream input, RecordSink sink) throws IOException {
    Segments segments = new Segments(input);
    if (isMultiLineDocument(segments)) {
      segments.wholeInput();
    }
    Pass pass = new Pass(sink, new RecordingInputStream(segments, maxRecordBytes));
    long line = 0;
    do {
      pass.readSegment(line++);
    } while (segments.next());
    if (pass.emitted == 0) {
      sink.deadLetter("line 1", "input is empty: no JSON value found", "");
      return 1;
    }
    return pass.emitted;
  }

  /**
   * Tells whether the input is one JSON document spread over lines (e.g. pretty-printed) rather
   * than newline-delimited JSON: its first line ends inside a value, and its second line is no
   * complete value on its own (else the first line is a broken line of newline-delimited JSON).
   */
  private boolean isMultiLineDocument(Segments segments) throws IOException {
    byte[] first = segments.peekContentLine(1);
    if (first == null || completeness(first) != Completeness.OPEN) {
      return false;
    }
    byte[] second = segments.peekContentLine(2);
    return second == null || completeness(second) != Completeness.COMPLETE;
  }

  /** How a line parses on its own. */
  private enum Completeness {
    COMPLETE,
    OPEN,
    BROKEN
  }

  private Completeness completeness(byte[] line) throws IOException {
    try (JsonParser parser = factory.createParser(line)) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
      return Completeness.COMPLETE;
    } catch (JsonEOFException e) {
      return Completeness.OPEN;
    } catch (JsonProcessingException e) {
      return Completeness.BROKEN;
    }
  }

  /** Reads the segments of one input: its lines, or the whole input as one segment. */
  private final class Pass {
    private final RecordSink sink;
    private final RecordingInputStream bytes;
    private long emitted;
    private long lineBase;
    private String where;
    private boolean inRecords;

    Pass(RecordSink sink, RecordingInputStream bytes) {
      this.sink = sink;
      this.bytes = bytes;
    }

    /** Reads one segment; {@code lineBase} is the number of lines before it. */
    void readSegment(long lineBase) throws IOException {
      this.lineBase = lineBase;
      long offsetBase = bytes.position();
      bytes.keepFrom(offsetBase);
      try (JsonParser parser = factory.createParser(bytes)) {
        if (!(parser.getInputSource() instanceof InputStream)) {
          // Jackson took zero bytes or a byte-order mark for UTF-16 or UTF-32 and decodes chars.
          bytes.drain();
          dead(
              "line " + (lineBase + 1),
              "input is not UTF-8: its first bytes look like UTF-16 or UTF-32, or binary data",
              offsetBase,
              bytes.position());
          return;
        }
        readValues(parser, offsetBase);
      }
    }

    private void readValues(JsonParser parser, long offsetBase) throws IOException {
      long valueStart = offsetBase;
      long valueLine = lineBase + 1;
      try {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          valueStart = offsetBase + parser.currentTokenLocation().getByteOffset();
          valueLine = line(parser.currentTokenLocation());
          where = "line " + valueLine;
          inRecords = false;
          bytes.keepFrom(valueStart);
          if (token == JsonToken.START_ARRAY) {
            readElements(parser, offsetBase, "");
          } else if (token == JsonToken.START_OBJECT) {
            readRootObject(parser, offsetBase, valueStart);
          } else {
            parser.finishToken();
            dead(
                where,
                "top-level value is " + describe(token) + ", expected a JSON object or array",
                valueStart,
                offsetBase + parser.currentLocation().getByteOffset());
          }
          // Whatever breaks next starts after this value, not at it.
          valueStart = offsetBase + parser.currentLocation().getByteOffset();
          valueLine = line(parser.currentLocation());
          bytes.keepFrom(valueStart);
        }
      } catch (JsonProcessingException e) {
        broken(parser, e, valueStart, valueLine);
      }
    }

    /** A top-level object: the records at the records path when it has them, else one record. */
    private void readRootObject(JsonParser parser, long offsetBase, long start) throws IOException {
      boolean found = false;
      if (recordsAt.isEmpty()) {
        parser.skipChildren();
      } else {
        found = RecordsPath.find(parser, recordsAt, p -> readElements(p, offsetBase, recordsLabel));
      }
      if (!found) {
        emit(where, start, offsetBase + parser.currentLocation().getByteOffset());
      }
    }

    private void readElements(JsonParser parser, long offsetBase, String label) throws IOException {
      String line = "line " + line(parser.currentLocation()) + ", ";
      where = line + label + "[0] and after";
      inRecords = true;
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        long start = offsetBase + parser.currentTokenLocation().getByteOffset();
        bytes.keepFrom(start);
        String coordinate =
            "line " + line(parser.currentTokenLocation()) + ", " + label + "[" + index + "]";
        where = coordinate + " and after";
        parser.skipChildren();
        // Jackson reads string contents lazily; finish the token so its end offset is known.
        parser.finishToken();
        long end = offsetBase + parser.currentLocation().getByteOffset();
        if (token == JsonToken.START_OBJECT) {
          emit(coordinate, start, end);
        } else {
          dead(
              coordinate,
              label + "[" + index + "] is " + describe(token) + ", expected a JSON object",
              start,
              end);
        }
        bytes.keepFrom(end);
        index++;
        where =
            "line " + line(parser.currentLocation()) + ", " + label + "[" + index + "] and after";
      }
      inRecords = false;
    }

    private void emit(String coordinate, long start, long end) {
      long size = end - start;
      if (size > maxRecordBytes) {
        dead(
            coordinate,
            "record is "
                + size
                + " bytes, more than the limit of "
                + maxRecordBytes
                + " (BronzeTable.maxRecordBytes)",
            start,
            end);
        return;
      }
      byte[] raw = bytes.slice(start, end);
      sink.record(coordinate, Utf8Check.isValid(raw) ? new Utf8(raw) : decode(raw));
      emitted++;
    }

    /** Emits a dead letter; its payload keeps at most the first {@code maxRecordBytes}. */
    private void dead(String coordinate, String error, long start, long end) {
      byte[] kept = bytes.slice(start, Math.min(end, start + maxRecordBytes));
      String note =
          kept.length < end - start
              ? "; the dead letter keeps its first "
                  + kept.length
                  + " of "
                  + (end - start)
                  + " bytes"
              : "";
      sink.deadLetter(coordinate, error + note, decode(kept));
      emitted++;
    }

    /**
     * The segment broke: dead-letter it from the broken value (or from after the last record
     * emitted) to its end, which is the end of the line for newline-delimited JSON.
     */
    private void broken(JsonParser parser, JsonProcessingException e, long valueStart, long line)
        throws IOException {
      List<String> path = ParseErrors.path(parser.getParsingContext());
      if (inRecords && path.size() >= recordsAt.size()) {
        path = path.subList(recordsAt.size(), path.size());
      }
      String message = "invalid JSON: " + errors.describe(e, path) + at(e.getLocation());
      // After records of this value were emitted, the dead letter starts where they ended.
      boolean afterRecords = valueStart < bytes.keepFrom();
      long start = afterRecords ? bytes.keepFrom() : valueStart;
      bytes.drain();
      long end = bytes.position();
      long skippedLines = 0;
      int b;
      while (start < end && (b = bytes.byteAt(start)) >= 0 && isSpace(b)) {
        skippedLines += b == '\n' ? 1 : 0;
        start++;
      }
      String coordinate = afterRecords ? where : "line " + (line + skippedLines);
      dead(coordinate, message, start, end);
    }

    private String at(JsonLocation location) {
      if (location == null) {
        return "";
      }
      return " (line " + line(location) + ", column " + location.getColumnNr() + ")";
    }

    private long line(JsonLocation location) {
      return lineBase + location.getLineNr();
    }
  }

  private static boolean isSpace(int b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** Names a JSON value's kind for an error message: "an array", "a string", ... */
  static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String decode(byte[] raw) {
    return new String(raw, StandardCharsets.UTF_8);
  }
}
