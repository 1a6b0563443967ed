package io.medallion.samples.randomuser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Generates RandomUser records offline, in the exact JSON shape of the API version 1.4, for all 21
 * of its nationalities. The output depends only on the seed, the {@link Dirt} and the reference
 * instant, never on the clock: the same settings always give byte-identical output.
 *
 * <pre>{@code
 * RandomUserGenerator generator =
 *     RandomUserGenerator.withSeed(42)
 *         .dirt(Dirt.defaults())
 *         .referenceInstant(Instant.parse("2024-06-01T00:00:00Z"));
 * try (Writer out = Files.newBufferedWriter(Path.of("users.ndjson"))) {
 *   generator.writeNdjson(out, 1_000_000);
 * }
 * }</pre>
 *
 * <p>Records are streamed: memory stays constant however many are written. Like the API, a seed
 * defines an endless sequence of records and page {@code p} of size {@code n} holds records {@code
 * (p - 1) * n} to {@code p * n - 1}, so {@code writeResponse(out, 10, 2)} continues {@code
 * writeResponse(out, 10, 1)}. Instances are immutable and thread-safe.
 */
public final class RandomUserGenerator {

  /** The reference instant used unless {@link #referenceInstant(Instant)} sets another. */
  public static final Instant DEFAULT_REFERENCE_INSTANT = Instant.parse("2025-01-01T00:00:00Z");

  /** The API version whose shape the records follow. */
  public static final String VERSION = "1.4";

  // Keeps every generated date a four-digit year, as the API's ISO dates are.
  private static final Instant EARLIEST_REFERENCE = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST_REFERENCE = Instant.parse("9999-01-01T00:00:00Z");

  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((String) null)
          .build();

  private final long seed;
  private final Dirt dirt;
  private final Instant referenceInstant;

  private RandomUserGenerator(long seed, Dirt dirt, Instant referenceInstant) {
    this.seed = seed;
    this.dirt = dirt;
    this.referenceInstant = referenceInstant;
  }

  /**
   * A generator for the given seed, with {@link Dirt#defaults()} and {@link
   * #DEFAULT_REFERENCE_INSTANT}.
   *
   * <pre>{@code
   * Iterator<String> records = RandomUserGenerator.withSeed(1).records(10);
   * }</pre>
   *
   * @param seed any value; equal seeds give equal records
   * @return a new generator
   */
  public static RandomUserGenerator withSeed(long seed) {
    return new RandomUserGenerator(seed, Dirt.defaults(), DEFAULT_REFERENCE_INSTANT);
  }

  /**
   * A copy of this generator that spoils records at the given rates.
   *
   * <pre>{@code
   * RandomUserGenerator clean = RandomUserGenerator.withSeed(1).dirt(Dirt.none());
   * }</pre>
   *
   * @param dirt how often each kind of dirt appears
   * @return a new generator
   */
  public RandomUserGenerator dirt(Dirt dirt) {
    return new RandomUserGenerator(seed, Objects.requireNonNull(dirt, "dirt"), referenceInstant);
  }

  /**
   * A copy of this generator that computes ages against {@code referenceInstant}, the moment the
   * records are supposed to have been fetched. Birth dates fall 21 to 80 years and registrations 0
   * to 20 years before it.
   *
   * <pre>{@code
   * RandomUserGenerator generator =
   *     RandomUserGenerator.withSeed(1).referenceInstant(Instant.parse("2022-05-20T00:00:00Z"));
   * }</pre>
   *
   * @param referenceInstant the "now" of the generated data, from 1900 to 9999
   * @return a new generator
   * @throws IllegalArgumentException if {@code referenceInstant} is outside 1900 to 9999
   */
  public RandomUserGenerator referenceInstant(Instant referenceInstant) {
    Objects.requireNonNull(referenceInstant, "referenceInstant");
    if (referenceInstant.isBefore(EARLIEST_REFERENCE)
        || referenceInstant.isAfter(LATEST_REFERENCE)) {
      throw new IllegalArgumentException(
          "referenceInstant must be between "
              + EARLIEST_REFERENCE
              + " and "
              + LATEST_REFERENCE
              + ", got "
              + referenceInstant);
    }
    return new RandomUserGenerator(seed, dirt, referenceInstant);
  }

  /**
   * The first {@code count} records, each as one compact JSON object. Records are generated as the
   * iterator advances.
   *
   * <pre>{@code
   * RandomUserGenerator.withSeed(1).records(100).forEachRemaining(producer::send);
   * }</pre>
   *
   * @param count how many records, at least 0
   * @return an iterator over {@code count} JSON strings
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public Iterator<String> records(int count) {
    checkCount(count);
    return new RecordIterator(count);
  }

  /**
   * Writes the first {@code count} records as newline-delimited JSON: one record and a {@code \n}
   * per line. The writer is flushed but not closed.
   *
   * <pre>{@code
   * RandomUserGenerator.withSeed(1).writeNdjson(writer, 1_000);
   * }</pre>
   *
   * @param out where to write
   * @param count how many records, at least 0
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public void writeNdjson(Writer out, int count) throws IOException {
    checkCount(count);
    PersonSource source = newSource();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      for (int i = 0; i < count; i++) {
        RecordWriter.write(json, source.at(i));
        json.writeRaw('\n');
      }
    }
  }

  /**
   * Writes one page as the API would answer it: {@code {"results": [...], "info": {"seed": ...,
   * "results": count, "page": page, "version": "1.4"}}}, where the seed is this generator's seed in
   * 16 hexadecimal digits. The writer is flushed but not closed.
   *
   * <pre>{@code
   * RandomUserGenerator.withSeed(1).writeResponse(writer, 5_000, 3);
   * }</pre>
   *
   * @param out where to write
   * @param count how many records in the page, at least 0
   * @param page which page, from 1
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if {@code count} is negative or {@code page} is below 1
   */
  public void writeResponse(Writer out, int count, int page) throws IOException {
    checkCount(count);
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, got " + page);
    }
    PersonSource source = newSource();
    long first = (long) (page - 1) * count;
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("results");
      for (long i = first; i < first + count; i++) {
        RecordWriter.write(json, source.at(i));
      }
      json.writeEndArray();
      json.writeObjectFieldStart("info");
      String hex = Long.toHexString(seed);
      json.writeStringField("seed", "0".repeat(16 - hex.length()) + hex);
      json.writeNumberField("results", count);
      json.writeNumberField("page", page);
      json.writeStringField("version", VERSION);
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  @Override
  public String toString() {
    return "RandomUserGenerator{seed="
        + seed
        + ", dirt="
        + dirt
        + ", referenceInstant="
        + referenceInstant
        + "}";
  }

  private PersonSource newSource() {
    return new PersonSource(seed, dirt, referenceInstant.toEpochMilli());
  }

  private static void checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, got " + count);
    }
  }

  /** Renders one record at a time into a reused buffer. */
  private final class RecordIterator implements Iterator<String> {
    private final int count;
    private final PersonSource source = newSource();
    private final StringWriter buffer = new StringWriter(2_048);
    private final JsonGenerator json;
    private int next;

    RecordIterator(int count) {
      this.count = count;
      try {
        json = JSON.createGenerator(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException("all " + count + " records were returned");
      }
      try {
        RecordWriter.write(json, source.at(next++));
        json.flush();
      } catch (IOException e) {
        // A StringWriter does not fail; this only satisfies the JsonGenerator signature.
        throw new UncheckedIOException(e);
      }
      String record = buffer.toString();
      buffer.getBuffer().setLength(0);
      return record;
    }
  }
}
