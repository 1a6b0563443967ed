package io.medallion.samples.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RecordValidator;
import io.medallion.core.ValidatedRecord;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.samples.RandomUserPipeline;
import io.medallion.samples.randomuser.RandomUserGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
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
 * columns and evaluate the rules ({@link RecordValidator}, exactly what a run does per row), write
 * the row to Parquet with Iceberg's writer and the table's settings. Each result is per record.
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
  private List<Record> rows;
  private RecordValidator validator;
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
    validator =
        RecordValidator.of(
            RandomUserPipeline.USERS,
            Clock.fixed(now.toInstant(), ZoneOffset.UTC),
            EmailValidator.builder().build());
    parsed = new ArrayList<>();
    for (String payload : payloads) {
      parsed.add(json.readTree(payload));
    }
    lake = Files.createTempDirectory("medallion-jmh");
    runtime = MedallionRuntime.builder().lake(lake).build();
    runtime.registerAll(RandomUserPipeline.PIPELINE);
    users = runtime.table(RandomUserPipeline.USERS.id());
    rows = new ArrayList<>();
    for (JsonNode record : parsed) {
      Record row = GenericRecord.create(users.schema());
      validator.validate(record).values().forEach(row::setField);
      rows.add(row);
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
   * Maps parsed records to typed, standardized columns (E.164 phones, emails, derived columns) and
   * evaluates the table's rules.
   *
   * @param sink keeps results alive
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void validate(Blackhole sink) {
    for (JsonNode record : parsed) {
      ValidatedRecord checked = validator.validate(record);
      sink.consume(checked);
    }
  }

  /**
   * Writes rows to a Parquet data file of the silver table (not committed), 100,000 rows per file
   * as in a real batch, so the file's set-up cost is shared as it would be.
   *
   * @param sink keeps results alive
   * @throws IOException when the file cannot be written
   */
  @Benchmark
  @OperationsPerInvocation(ROWS_PER_FILE)
  public void writeRow(Blackhole sink) throws IOException {
    OutputFileFactory files =
        OutputFileFactory.builderFor(users, 1, 1).format(FileFormat.PARQUET).build();
    DataWriter<Record> writer =
        new GenericAppenderFactory(users.schema(), PartitionSpec.unpartitioned())
            .setAll(users.properties())
            .newDataWriter(files.newOutputFile(), FileFormat.PARQUET, null);
    try (writer) {
      for (int copy = 0; copy < ROWS_PER_FILE / RECORDS; copy++) {
        rows.forEach(writer::write);
      }
    }
    DataFile written = writer.toDataFile();
    sink.consume(written);
    users.io().deleteFile(written.location());
  }
}
