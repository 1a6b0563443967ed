package io.medallion.core.internal.bronze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.util.Utf8;

/**
 * Streams JSON records out of one input without holding it in memory: a RandomUser envelope's
 * {@code results}, a top-level array's elements, or newline-delimited objects. Each record keeps
 * its exact raw bytes. Broken input becomes dead letters: a broken line of newline-delimited JSON
 * costs that line only; a break inside an array dead-letters the rest of the input, whose records
 * cannot be told apart.
 */
final class JsonRecordReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private final int maxRecordBytes;

  JsonRecordReader(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
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
    Pass pass = new Pass(sink, new RecordingInputStream(input), 0);
    long emitted = 0;
    while (pass != null) {
      pass.run();
      emitted += pass.emitted;
      pass = pass.next;
    }
    if (emitted == 0) {
      sink.deadLetter("line 1", "input is empty: no JSON value found", "");
      emitted = 1;
    }
    return emitted;
  }

  /** One parser over the input; a broken line of newline-delimited JSON starts the next pass. */
  private final class Pass {
    private final RecordSink sink;
    private final RecordingInputStream bytes;
    private final long lineBase;
    private long emitted;
    private Pass next;

    Pass(RecordSink sink, RecordingInputStream bytes, long lineBase) {
      this.sink = sink;
      this.bytes = bytes;
      this.lineBase = lineBase;
    }

    void run() throws IOException {
      try (JsonParser parser = FACTORY.createParser(bytes)) {
        long valueStart = 0;
        long valueLine = lineBase + 1;
        try {
          JsonToken token;
          while ((token = parser.nextToken()) != null) {
            valueStart = parser.currentTokenLocation().getByteOffset();
            valueLine = line(parser.currentTokenLocation());
            bytes.keepFrom(valueStart);
            if (token == JsonToken.START_ARRAY) {
              readElements(parser, "");
            } else if (token == JsonToken.START_OBJECT) {
              readRootObject(parser, valueStart, valueLine);
            } else {
              parser.finishToken();
              long end = parser.currentLocation().getByteOffset();
              dead(
                  "line " + valueLine,
                  "top-level value is " + describe(token) + ", expected a JSON object or array",
                  valueStart,
                  end);
            }
            bytes.keepFrom(parser.currentLocation().getByteOffset());
            // Whatever breaks next starts after this value, not at it.
            valueStart = parser.currentLocation().getByteOffset();
            valueLine = line(parser.currentLocation());
          }
        } catch (ElementsBroken broken) {
          bytes.drain();
          dead(broken.coordinate, broken.getMessage(), bytes.keepFrom(), bytes.position());
        } catch (JsonProcessingException e) {
          recover(e, valueStart, valueLine);
        }
      }
    }

    private void readRootObject(JsonParser parser, long start, long line) throws IOException {
      boolean envelope = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!envelope && "results".equals(field) && value == JsonToken.START_ARRAY) {
          envelope = true;
          readElements(parser, "results");
        } else {
          parser.skipChildren();
        }
      }
      if (!envelope) {
        emit("line " + line, start, parser.currentLocation().getByteOffset());
      }
    }

    private void readElements(JsonParser parser, String label) throws IOException {
      int index = 0;
      JsonToken token;
      String coordinate = "line " + line(parser.currentLocation()) + ", " + label + "[0]";
      try {
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          long start = parser.currentTokenLocation().getByteOffset();
          coordinate =
              "line " + line(parser.currentTokenLocation()) + ", " + label + "[" + index + "]";
          parser.skipChildren();
          // Jackson reads string contents lazily; finish the token so its end offset is known.
          parser.finishToken();
          long end = parser.currentLocation().getByteOffset();
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
        }
      } catch (JsonProcessingException e) {
        throw new ElementsBroken(coordinate + " and after", message(e), e);
      }
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

    private void dead(String coordinate, String error, long start, long end) {
      sink.deadLetter(coordinate, error, text(start, end));
      emitted++;
    }

    private String text(long start, long end) {
      return decode(bytes.slice(start, end));
    }

    private static String decode(byte[] raw) {
      return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * A value at the top level is broken: dead-letter its line (or its lines up to a line that
     * starts a new object) and resume after them with a fresh parser.
     */
    private void recover(JsonProcessingException e, long valueStart, long valueLine)
        throws IOException {
      long errorAt = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
      long start = valueStart;
      long startLine = valueLine;
      if (start < bytes.keepFrom()) {
        // The broken value began inside an envelope whose records were already emitted.
        start = bytes.keepFrom();
        startLine = e.getLocation() == null ? valueLine : line(e.getLocation());
      }
      if (errorAt < start) {
        errorAt = bytes.position();
      }
      while (start < Math.min(errorAt, bytes.position()) && isSpace(bytes.byteAt(start))) {
        if (bytes.byteAt(start) == '\n') {
          startLine++;
        }
        start++;
      }
      long cut = cutPoint(start, errorAt);
      dead("line " + startLine, message(e), start, cut);
      long lines = startLine - 1;
      for (long i = start; i < cut; i++) {
        if (bytes.byteAt(i) == '\n') {
          lines++;
        }
      }
      byte[] rest = bytes.slice(cut, bytes.position());
      next =
          new Pass(
              sink, new RecordingInputStream(PushbackChain.of(rest, bytes.remaining())), lines);
    }

    private long cutPoint(long start, long errorAt) throws IOException {
      long lineStart = -1;
      for (long i = Math.min(errorAt, bytes.position()) - 1; i > start; i--) {
        if (bytes.byteAt(i) == '\n') {
          lineStart = i + 1;
          break;
        }
      }
      if (lineStart > 0) {
        long first = lineStart;
        while (first < bytes.position() && isBlank(bytes.byteAt(first))) {
          first++;
        }
        if (first < bytes.position() && bytes.byteAt(first) == '{') {
          return lineStart;
        }
      }
      long i = Math.max(errorAt, start);
      while (true) {
        while (i >= bytes.position()) {
          if (!bytes.fill()) {
            return bytes.position();
          }
        }
        if (bytes.byteAt(i) == '\n') {
          return i + 1;
        }
        i++;
      }
    }

    private long line(JsonLocation location) {
      return lineBase + location.getLineNr();
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String message(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return "invalid JSON: " + e.getOriginalMessage() + where;
  }

  /** A break inside an array: the records after it cannot be told apart. */
  private static final class ElementsBroken extends IOException {
    private static final long serialVersionUID = 1L;
    private final String coordinate;

    ElementsBroken(String coordinate, String message, Throwable cause) {
      super(message, cause);
      this.coordinate = coordinate;
    }
  }
}
