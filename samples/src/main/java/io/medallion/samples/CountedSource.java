package io.medallion.samples;

import io.medallion.core.spi.JsonSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A source whose parts count the bytes read from them, so that progress can tell how far the input
 * is read. Each part keeps its name, identity and file, so loading stays idempotent.
 *
 * <pre>{@code
 * CountedSource counted = CountedSource.of(JsonSource.files(inputs));
 * runtime.run(pipeline, raw, counted.source());
 * counted.bytesRead(); // from any thread
 * }</pre>
 */
final class CountedSource {
  private final JsonSource source;
  private final LongAdder bytesRead;
  private final OptionalLong totalBytes;

  private CountedSource(JsonSource source, LongAdder bytesRead, OptionalLong totalBytes) {
    this.source = source;
    this.bytesRead = bytesRead;
    this.totalBytes = totalBytes;
  }

  /**
   * Wraps a source.
   *
   * @param source the source
   * @return the counted source; its total is known when every part is a file
   */
  static CountedSource of(JsonSource source) {
    LongAdder bytes = new LongAdder();
    List<JsonSource.Part> parts = new ArrayList<>();
    long total = 0;
    boolean sized = true;
    for (JsonSource.Part part : source.parts()) {
      parts.add(new CountedPart(part, bytes));
      Optional<Path> file = part.file();
      if (file.isPresent()) {
        total += size(file.get());
      } else {
        sized = false;
      }
    }
    JsonSource counted = JsonSource.of(parts);
    return new CountedSource(
        source.isForced() ? counted.forced() : counted,
        bytes,
        sized ? OptionalLong.of(total) : OptionalLong.empty());
  }

  JsonSource source() {
    return source;
  }

  long bytesRead() {
    return bytesRead.sum();
  }

  OptionalLong totalBytes() {
    return totalBytes;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // Preflight checked the file; one that vanished since fails the ingestion with its name.
      throw new UncheckedIOException("Cannot read the size of " + file, e);
    }
  }

  /** A part whose stream adds what it reads to a counter. */
  private record CountedPart(JsonSource.Part part, LongAdder bytes) implements JsonSource.Part {
    @Override
    public String name() {
      return part.name();
    }

    @Override
    public Optional<String> identity() {
      return part.identity();
    }

    @Override
    public Optional<Path> file() {
      return part.file();
    }

    @Override
    public InputStream open() throws IOException {
      return new FilterInputStream(part.open()) {
        @Override
        public int read() throws IOException {
          int next = super.read();
          if (next >= 0) {
            bytes.increment();
          }
          return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int read = super.read(buffer, offset, length);
          if (read > 0) {
            bytes.add(read);
          }
          return read;
        }

        @Override
        public long skip(long n) throws IOException {
          long skipped = super.skip(n);
          bytes.add(skipped);
          return skipped;
        }
      };
    }
  }
}
