package io.medallion.samples.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.internal.iceberg.RecordWriter;
import io.medallion.core.internal.quality.DefaultContactChecks;
import io.medallion.core.internal.quality.RowQuality;
import io.medallion.core.internal.quality.RuleEvaluator;
import io.medallion.core.internal.silver.MappedRow;
import io.medallion.core.internal.silver.SilverMapper;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.samples.RandomUserPipeline;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-record work of a silver run on the RandomUser showcase table, one step at a time, over
 * the same 1,000 generated records (with their dirt): parse the bronze payload, map it to typed
 * columns, evaluate the 21 rules, write the row to Parquet. Each result is per record.
 *
 * <pre>{@code
 * java -cp samples/target/medallion-samples.jar org.openjdk.jmh.Main SilverHotPaths -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SilverHotPathsBenchmark {
  private static final int RECORDS = 1_000;
  private static final int ROWS_PER_FILE = 100 * RECORDS;

  private final ObjectMapper json = new ObjectMapper();
  private List<String> payloads;
  private List<JsonNode> parsed;
  private List<MappedRow> mapped;
  private List<Record> rows;
  private SilverMapper mapper;
  private RuleEvaluator rules;
  private Path lake;
  private MedallionRuntime runtime;
  private Table users;

  /** Creates the benchmark; JMH calls {@link #setUp()} before measuring. */
  public SilverHotPathsBenchmark() {}

  /**
   * Generates the records, parses and maps them once, and opens a lake with the silver table.
   *
   * @throws IOException when the temporary lake cannot be created
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    StringWriter text = new StringWriter();
    RandomUserGenerator.withSeed(7).writeNdjson(text, RECORDS);
    payloads = text.toString().lines().toList();
    OffsetDateTime now = OffsetDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC);
    PhoneValidator phones = new PhoneValidator();
    mapper = new SilverMapper(RandomUserPipeline.USERS, now.toLocalDate(), phones);
    rules =
        new RuleEvaluator(
            RandomUserPipeline.USERS.rules(),
            RandomUserPipeline.USERS.policy(),
            now,
            new DefaultContactChecks(EmailValidator.builder().build(), phones));
    parsed = new ArrayList<>();
    mapped = new ArrayList<>();
    for (String payload : payloads) {
      JsonNode record = json.readTree(payload);
      parsed.add(record);
      mapped.add(mapper.map(record));
    }
    lake = Files.createTempDirectory("medallion-jmh");
    runtime = MedallionRuntime.builder().lake(lake).build();
    runtime.registerAll(RandomUserPipeline.PIPELINE);
    users = runtime.table(RandomUserPipeline.USERS.id());
    rows = new ArrayList<>();
    for (MappedRow row : mapped) {
      Record record = GenericRecord.create(users.schema());
      Object[] values = row.values();
      for (int i = 0; i < values.length; i++) {
        record.set(i, values[i]);
      }
      rows.add(record);
    }
  }

  /**
   * Closes the lake and deletes it.
   *
   * @throws IOException when it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    runtime.close();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /**
   * Parses bronze payloads into JSON trees.
   *
   * @param sink keeps results alive
   * @throws IOException never: the payloads are valid JSON
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void parse(Blackhole sink) throws IOException {
    for (String payload : payloads) {
      sink.consume(json.readTree(payload));
    }
  }

  /**
   * Maps parsed records to typed, standardized columns (E.164 phones, emails, derived columns).
   *
   * @param sink keeps results alive
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void map(Blackhole sink) {
    for (JsonNode record : parsed) {
      sink.consume(mapper.map(record));
    }
  }

  /**
   * Evaluates the 21 rules of a mapped row and scores it.
   *
   * @param sink keeps results alive
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void score(Blackhole sink) {
    for (MappedRow row : mapped) {
      RowQuality quality = rules.evaluate(row, row.typeErrors());
      sink.consume(quality);
    }
  }

  /**
   * Writes rows to a Parquet data file of the silver table (not committed), 100,000 rows per file
   * as in a real batch, so the file's set-up cost is shared as it would be.
   *
   * @param sink keeps results alive
   */
  @Benchmark
  @OperationsPerInvocation(ROWS_PER_FILE)
  public void writeRow(Blackhole sink) {
    try (RecordWriter writer = new RecordWriter(users)) {
      for (int copy = 0; copy < ROWS_PER_FILE / RECORDS; copy++) {
        rows.forEach(writer::write);
      }
      sink.consume(writer.finish());
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Cannot write to " + users.location(), e);
    }
  }
}
