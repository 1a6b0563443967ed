package io.medallion.kafka;

import io.medallion.Layer;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.BronzeAppender;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.TableRun;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertKind;
import io.medallion.core.spi.MarkerConflictException;
import io.medallion.core.spi.SourceMarker;
import io.medallion.kafka.internal.BatchPositions;
import io.medallion.kafka.internal.MessageValues;
import io.medallion.kafka.internal.OffsetMarkers;
import io.medallion.kafka.internal.RecordedOffsets;
import io.medallion.quality.Severity;
import io.medallion.table.BronzeTable;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a Kafka topic into a bronze table, exactly once, and keeps the pipeline's silver and gold
 * tables current. The offsets of every partition written are committed in the snapshot summary of
 * the bronze commit that holds their records; on start and on every assignment the consumer seeks
 * to the offsets the table records, never the group's (group offsets are committed afterwards only
 * so that lag tools show progress). See {@code docs/streaming.md} for the protocol.
 *
 * <p>Run it in the caller's thread ({@link #run()}, {@link #runUntilCaughtUp()}) or on its own
 * ({@link #start()}); {@link #close()} flushes, commits and stops. Not for use by several threads,
 * except {@link #stop()}, {@link #close()} and {@link #progress()}. Stop it from a signal handler
 * or another thread rather than a JVM shutdown hook: Iceberg's worker pool shuts down with the JVM,
 * so a commit during shutdown fails and the batch is read again on restart.
 *
 * <pre>{@code
 * try (KafkaIngestion ingestion = KafkaIngestion.open(runtime, pipeline, raw, stream)) {
 *   StreamProgress done = ingestion.runUntilCaughtUp();
 * }
 * }</pre>
 */
public final class KafkaIngestion implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestion.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long CONTACT_CHECK_NANOS = Duration.ofSeconds(5).toNanos();
  private static final Duration CONTACT_TIMEOUT = Duration.ofSeconds(2);

  private final MedallionRuntime runtime;
  private final Pipeline pipeline;
  private final BronzeTable table;
  private final KafkaStream stream;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final BronzeAppender appender;
  private final BatchPositions positions = new BatchPositions();
  private final ExecutorService committer;
  private final MessageValues values = new MessageValues();
  private final Map<TopicPartition, Long> caughtUpTargets = new HashMap<>();

  /**
   * Starts found by time or at the end for partitions the table does not record yet: kept until a
   * commit records them, so a failed commit does not look for "latest" again and skip what arrived
   * meanwhile.
   */
  private final Map<TopicPartition, Long> pinnedStarts = new HashMap<>();

  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Per table, the newest Kafka timestamp (epoch milliseconds) it holds: its lag's origin. */
  private final Map<TableId, Long> newestTimestamps = new ConcurrentHashMap<>();

  /** The gauges of each registry given, removed when the stream closes. */
  private final List<StreamGauges> gauges = new CopyOnWriteArrayList<>();

  /**
   * How often the loop checks every table's lag between commits, so a stream that stalls (no new
   * message, or commits that do not land) raises its lag alert while the stall lasts.
   */
  private static final long LAG_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

  private long lastLagCheckNanos = System.nanoTime();

  /** Tables past the lag limit whose alert was raised; touched by the looping thread only. */
  private final Set<TableId> lagging = new HashSet<>();

  /** What the stream did to each table, bronze first; guarded by itself. */
  private final Map<TableId, TableRun> runs = new LinkedHashMap<>();

  private final long startedNanos = System.nanoTime();
  private BronzeAppender.Batch batch;
  private InFlight inFlight;
  private long batchRecords;
  private long batchBytes;
  private long batchOpenedNanos = -1;
  private int failedCommits;
  private RuntimeException lastCommitFailure;
  private long lastContactNanos = System.nanoTime();
  private long lastDownstreamNanos = System.nanoTime();
  private int commitsSinceDownstream;
  private long newestCommittedTimestamp = Long.MIN_VALUE;
  private volatile long records;
  private volatile long deadLetters;
  private volatile long commits;
  private volatile long downstreamRuns;
  private Thread looping;
  private volatile Throwable failure;
  private volatile boolean failureSeen;
  private boolean consumerClosed;
  private boolean closing;

  private KafkaIngestion(
      MedallionRuntime runtime, Pipeline pipeline, BronzeTable table, KafkaStream stream) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.pipeline = pipeline;
    this.table = Objects.requireNonNull(table, "table");
    this.stream = Objects.requireNonNull(stream, "stream");
    if (!table.sourceColumns().equals(KafkaColumns.ALL)) {
      throw new IllegalArgumentException(
          table.id()
              + " needs the Kafka source columns "
              + KafkaColumns.ALL.stream().map(c -> c.name()).toList()
              + "; define it with KafkaColumns.bronzeTable(id)");
    }
    this.appender = runtime.bronzeAppender(table);
    this.consumer = new KafkaConsumer<>(consumerProperties(stream));
    this.committer =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "medallion-kafka-commit-" + table.id());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Opens a stream into a bronze table only.
   *
   * @param runtime the runtime holding the lake
   * @param table the bronze table, defined with {@link KafkaColumns#bronzeTable}
   * @param stream where to read
   * @return the ingestion, not yet running
   */
  public static KafkaIngestion open(
      MedallionRuntime runtime, BronzeTable table, KafkaStream stream) {
    return new KafkaIngestion(runtime, null, table, stream);
  }

  /**
   * Opens a stream into a bronze table whose pipeline's silver and gold tables run incrementally
   * after bronze commits, as {@link KafkaStream#downstreamEveryCommits()} says.
   *
   * @param runtime the runtime holding the lake
   * @param pipeline the pipeline reading the bronze table
   * @param table the bronze table, defined with {@link KafkaColumns#bronzeTable}
   * @param stream where to read
   * @return the ingestion, not yet running
   */
  public static KafkaIngestion open(
      MedallionRuntime runtime, Pipeline pipeline, BronzeTable table, KafkaStream stream) {
    return new KafkaIngestion(runtime, Objects.requireNonNull(pipeline, "pipeline"), table, stream);
  }

  /**
   * Consumes until {@link #stop()} or {@link #close()} is called, then commits what it holds.
   *
   * @throws KafkaStreamException when commits keep failing, the brokers stay unreachable, or a
   *     recorded offset no longer exists
   */
  public void run() {
    loop(false);
  }

  /**
   * Consumes until every assigned partition reached the end offset it had when first assigned,
   * commits, runs silver and gold once more, and returns. For tests, backfills and scheduled runs.
   *
   * @return what the stream did
   * @throws KafkaStreamException as {@link #run()}
   */
  public StreamProgress runUntilCaughtUp() {
    loop(true);
    return progress();
  }

  /**
   * Runs {@link #run()} on a thread of its own.
   *
   * @return this ingestion
   */
  public KafkaIngestion start() {
    Thread thread =
        new Thread(
            () -> {
              try {
                run();
              } catch (RuntimeException | Error e) {
                failure = e;
                LOG.error("{}: stream stopped: {}", table.id(), e.getMessage(), e);
              }
            },
            "medallion-kafka-" + table.id());
    synchronized (this) {
      if (looping != null || consumerClosed) {
        throw new IllegalStateException(
            "the stream of " + table.id() + " is already running or closed; open a new one");
      }
      // Claimed before it starts, so a close() right away waits for it.
      looping = thread;
    }
    thread.start();
    return this;
  }

  /**
   * Returns why a stream started with {@link #start()} stopped on its own, if it did.
   *
   * @return the failure
   */
  public Optional<Throwable> failure() {
    Throwable failed = failure;
    if (failed != null) {
      failureSeen = true;
    }
    return Optional.ofNullable(failed);
  }

  /** Asks the stream to commit what it holds and stop; safe from any thread. */
  public void stop() {
    stopping.set(true);
    consumer.wakeup();
  }

  /**
   * Returns what the stream has done so far; safe from any thread.
   *
   * @return the progress
   */
  public StreamProgress progress() {
    List<TableRun> tables;
    synchronized (runs) {
      tables = List.copyOf(runs.values());
    }
    Instant now = Instant.now();
    Map<TableId, Duration> lag = new HashMap<>();
    newestTimestamps.forEach(
        (id, newest) -> lag.put(id, Duration.between(Instant.ofEpochMilli(newest), now)));
    return new StreamProgress(
        records, deadLetters, commits, records / elapsedSeconds(), lag, downstreamRuns, tables);
  }

  /**
   * Registers the stream's gauges on a registry: per table it feeds (bronze, and the pipeline's
   * silver and gold tables), {@code medallion.stream.lag} (now minus the newest Kafka timestamp the
   * table holds) and {@code medallion.stream.records.rate} (rows written per second since the
   * stream started), tagged {@code pipeline}, {@code table} and {@code layer}. They are removed
   * when the stream closes. Pass the registry given to {@link
   * MedallionRuntime.Builder#meterRegistry} to find them beside the run metrics.
   *
   * <pre>{@code
   * try (KafkaIngestion ingestion =
   *     KafkaIngestion.open(runtime, pipeline, raw, stream).meterRegistry(registry)) {
   *   ingestion.run();
   * }
   * }</pre>
   *
   * @param registry where the gauges go
   * @return this ingestion
   */
  public KafkaIngestion meterRegistry(MeterRegistry registry) {
    Map<TableId, Layer> fed = new LinkedHashMap<>();
    fed.put(table.id(), Layer.BRONZE);
    if (pipeline != null) {
      pipeline.tables().stream()
          .filter(definition -> definition.layer() != Layer.BRONZE)
          .forEach(definition -> fed.put(definition.id(), definition.layer()));
    }
    String name = pipeline != null ? pipeline.name() : table.id().toString();
    gauges.add(new StreamGauges(Objects.requireNonNull(registry, "registry"), this, name, fed));
    return this;
  }

  /**
   * Returns how far a table is behind its topic, for its gauge.
   *
   * @param id the table
   * @return milliseconds between now and the newest Kafka timestamp it holds; NaN before it holds
   *     any
   */
  double lagMillis(TableId id) {
    Long newest = newestTimestamps.get(id);
    return newest == null ? Double.NaN : System.currentTimeMillis() - newest;
  }

  /**
   * Returns how fast the stream fills a table, for its gauge.
   *
   * @param id the table
   * @return rows written to it per second since the stream started
   */
  double writtenPerSecond(TableId id) {
    TableRun run;
    synchronized (runs) {
      run = runs.get(id);
    }
    return run == null ? 0 : run.written() / elapsedSeconds();
  }

  private double elapsedSeconds() {
    return Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
  }

  /**
   * Stops the stream; when it runs on another thread (its own, or a caller's loop stopped from a
   * shutdown hook), waits for it to commit what it holds and finish.
   *
   * @throws KafkaStreamException when the stream started with {@link #start()} stopped with a
   *     failure, its last commit included, that the caller has not seen yet through {@link
   *     #failure()}
   */
  @Override
  public void close() {
    stop();
    gauges.forEach(StreamGauges::remove);
    gauges.clear();
    synchronized (this) {
      while (looping != null && looping != Thread.currentThread()) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (!consumerClosed) {
        consumerClosed = true;
        consumer.close();
      }
    }
    Throwable failed = failure;
    if (failed != null && !failureSeen) {
      failureSeen = true;
      throw failed instanceof KafkaStreamException stopped
          ? stopped
          : new KafkaStreamException(
              table.id() + ": stream stopped: " + failed.getMessage(), failed);
    }
  }

  private void loop(boolean untilCaughtUp) {
    synchronized (this) {
      if ((looping != null && looping != Thread.currentThread()) || consumerClosed) {
        throw new IllegalStateException(
            "the stream of " + table.id() + " is already running or closed; open a new one");
      }
      looping = Thread.currentThread();
    }
    try {
      newBatch();
      subscribe();
      while (!stopping.get()) {
        try {
          if (step(untilCaughtUp)) {
            break;
          }
        } catch (WakeupException e) {
          // stop() woke a blocking call: the loop condition decides.
        } catch (KafkaException e) {
          throw unwrap(e);
        }
      }
      commitLast();
      if (pipeline != null && (untilCaughtUp || commitsSinceDownstream > 0)) {
        runDownstream(true);
      }
    } catch (RuntimeException e) {
      alertStopped(e);
      throw e;
    } finally {
      // What is left after a failure is read again from the table's offsets on restart; closing
      // the consumer revokes partitions, which must not try to commit it.
      closing = true;
      if (inFlight != null) {
        // Its outcome no longer matters here (the table's offsets tell a restart where to
        // resume), but it must not be half-way while the stream closes.
        try {
          await(inFlight.result());
        } catch (ExecutionException e) {
          LOG.debug("{}: commit in flight at stop: {}", table.id(), e.toString());
        }
        inFlight = null;
      }
      committer.shutdown();
      if (batch != null) {
        batch.close();
      }
      synchronized (this) {
        try {
          if (!consumerClosed) {
            consumerClosed = true;
            consumer.close();
          }
        } finally {
          looping = null;
          notifyAll();
        }
      }
    }
  }

  /** Commits what the stream holds on stop; failing loudly, as it cannot be read again here. */
  private void commitLast() {
    int failedBefore = failedCommits;
    // A batch refused because another instance owns its partitions now is theirs to commit.
    if (!commit() && failedCommits > failedBefore) {
      throw new KafkaStreamException(
          table.id()
              + ": the last batch could not be committed on stop ("
              + failedCommits
              + " failed attempt(s), see the log); nothing is lost: a restart reads it again"
              + " from the offsets the table records",
          lastCommitFailure);
    }
  }

  /** One poll and what follows it; returns true when caught up (and committed). */
  private boolean step(boolean untilCaughtUp) {
    ConsumerRecords<byte[], byte[]> polled;
    try {
      polled = consumer.poll(POLL);
    } catch (OffsetOutOfRangeException e) {
      throw new KafkaStreamException(
          table.id()
              + ": the offsets it records are outside their partitions "
              + e.offsetOutOfRangePartitions()
              + " (the topic was recreated, or retention deleted messages not yet read); move"
              + " them with KafkaOffsets.move (CLI: kafka-offsets move) to earliest, latest or a"
              + " timestamp",
          e);
    }
    if (!polled.isEmpty()) {
      lastContactNanos = System.nanoTime();
    }
    for (ConsumerRecord<byte[], byte[]> message : polled) {
      add(message);
      // Within a poll too: the byte trigger is what bounds a batch's memory. After a failed
      // commit the partitions were sought back, so the rest of this poll is read again later.
      if (due() && !commitInBackground()) {
        return false;
      }
    }
    for (TopicPartition partition : polled.partitions()) {
      positions.movedTo(partition, consumer.position(partition));
      opened();
    }
    if (due()) {
      commitInBackground();
    } else {
      settleIfDone();
    }
    maybeRunDownstream();
    checkLag();
    if (polled.isEmpty()) {
      checkBrokers();
    }
    return untilCaughtUp && caughtUp();
  }

  private void add(ConsumerRecord<byte[], byte[]> message) {
    TopicPartition partition = new TopicPartition(message.topic(), message.partition());
    String coordinate = message.topic() + "/" + message.partition() + "@" + message.offset();
    Object[] sourceValues = values.of(message);
    boolean deadWritten = positions.deadLettersWritten(partition, message.offset());
    long deadBefore = batch.deadLetters();
    byte[] value = message.value();
    if (value == null) {
      if (!deadWritten) {
        batch.deadLetter(
            message.topic(),
            coordinate,
            "tombstone: the message has no value (a deletion marker)",
            null,
            sourceValues);
      }
    } else if (value.length > stream.maxMessageBytes()) {
      if (!deadWritten) {
        batch.deadLetter(
            message.topic(),
            coordinate,
            "message is "
                + value.length
                + " bytes, more than the limit of "
                + stream.maxMessageBytes()
                + " (KafkaStream.maxMessageBytes); the dead letter keeps its first "
                + stream.maxMessageBytes()
                + " bytes",
            Arrays.copyOf(value, stream.maxMessageBytes()),
            sourceValues);
      }
    } else if (deadWritten) {
      batch.addAgain(message.topic(), coordinate, value, sourceValues);
    } else {
      batch.add(message.topic(), coordinate, value, sourceValues);
    }
    if (batch.deadLetters() > deadBefore) {
      positions.deadLetter(partition, message.offset());
    }
    positions.added(partition, message.offset(), message.timestamp());
    opened();
    batchRecords++;
    batchBytes +=
        (value == null ? 0 : value.length) + (message.key() == null ? 0 : message.key().length);
  }

  private void opened() {
    if (batchOpenedNanos < 0 && !positions.isEmpty()) {
      batchOpenedNanos = System.nanoTime();
    }
  }

  private boolean due() {
    return !positions.isEmpty()
        && (batchRecords >= stream.commitRecords()
            || batchBytes >= stream.commitBytes()
            || System.nanoTime() - batchOpenedNanos >= stream.commitInterval().toNanos());
  }

  /**
   * Commits the batch, if it holds anything, and waits for it and any commit still in flight; on
   * failure, reads again from what the table records.
   *
   * @return false when a batch was dropped and the partitions sought back
   */
  private boolean commit() {
    return commitInBackground() && settle();
  }

  /**
   * Hands the batch to the committing thread and opens the next one, which starts where this one
   * ends, so consuming goes on while the commit writes its files' ends, manifests and metadata. At
   * most one commit is in flight: an earlier one is waited for first. The next batch's fencing
   * expects this one's offsets in the table, so it cannot land unless this one did.
   *
   * @return false when the earlier commit failed: both batches are dropped and the partitions
   *     sought back
   */
  private boolean commitInBackground() {
    if (!settle()) {
      return false;
    }
    if (positions.isEmpty()) {
      return true;
    }
    Map<TopicPartition, Long> ends = positions.ends();
    SourceMarker deadLetterMarker =
        OffsetMarkers.deadLetters(positions.firstDeadLetters(), positions.deadLetterEnds());
    SourceMarker bronzeMarker = OffsetMarkers.bronze(positions.starts(), ends);
    BronzeAppender.Batch committing = batch;
    long newest = positions.newestTimestamp();
    inFlight =
        new InFlight(
            committer.submit(() -> committing.commit(deadLetterMarker, bronzeMarker)),
            ends,
            newest);
    positions.committed();
    newBatch();
    return true;
  }

  /**
   * Waits for the commit in flight, if there is one, and takes its outcome.
   *
   * @return false when it failed: the batch in progress was dropped too and the partitions sought
   *     back to what the table records
   */
  private boolean settle() {
    InFlight pending = inFlight;
    if (pending == null) {
      return true;
    }
    inFlight = null;
    TableRun run;
    try {
      run = await(pending.result());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof MarkerConflictException conflict) {
        LOG.warn("{}: {}", table.id(), conflict.getMessage());
        rereadFromTable(consumer.assignment());
      } else if (cause instanceof RuntimeException failed) {
        recoverFrom(failed);
      } else {
        throw new KafkaStreamException(
            table.id() + ": the commit failed: " + cause.getMessage(), cause);
      }
      return false;
    }
    records += run.written();
    deadLetters += run.quarantined();
    added(run);
    commits++;
    commitsSinceDownstream++;
    failedCommits = 0;
    if (pending.newestTimestamp() > newestCommittedTimestamp) {
      newestCommittedTimestamp = pending.newestTimestamp();
    }
    noteLag(table.id());
    commitGroupOffsets(pending.ends());
    LOG.debug("{}: committed {} records up to {}", table.id(), run.written(), pending.ends());
    return true;
  }

  /** Takes the outcome of a commit that finished meanwhile, without waiting for one. */
  private void settleIfDone() {
    if (inFlight != null && inFlight.result().isDone()) {
      settle();
    }
  }

  /**
   * A batch being committed on the committing thread.
   *
   * @param result its outcome
   * @param ends the offsets it records
   * @param newestTimestamp its newest message timestamp
   */
  private record InFlight(
      Future<TableRun> result, Map<TopicPartition, Long> ends, long newestTimestamp) {}

  /**
   * After a failed commit: waits, then reads again from what the table records; gives up, loudly,
   * once {@link KafkaStream#maxFailedCommits()} attempts in a row failed (reading the table again
   * counts as one when it fails too). It never consumes further while it cannot commit.
   */
  private void recoverFrom(RuntimeException first) {
    RuntimeException last = first;
    lastCommitFailure = first;
    while (true) {
      failedCommits++;
      if (failedCommits >= stream.maxFailedCommits()) {
        throw new KafkaStreamException(
            table.id()
                + ": "
                + failedCommits
                + " commits in a row failed, the last with: "
                + rootMessage(last)
                + "; the stream stopped without consuming further. Nothing committed is lost:"
                + " once the cause is fixed, a restart reads again from the offsets the table"
                + " records",
            last);
      }
      LOG.warn(
          "{}: commit {} of {} failed, reading the batch again: {}",
          table.id(),
          failedCommits,
          stream.maxFailedCommits(),
          rootMessage(last));
      backOff();
      try {
        rereadFromTable(consumer.assignment());
        return;
      } catch (KafkaException e) {
        throw e;
      } catch (RuntimeException e) {
        last = e;
      }
    }
  }

  private void newBatch() {
    batch = appender.newBatch();
    batchRecords = 0;
    batchBytes = 0;
    batchOpenedNanos = -1;
  }

  private void commitGroupOffsets(Map<TopicPartition, Long> ends) {
    Map<TopicPartition, OffsetAndMetadata> group = new HashMap<>();
    ends.forEach((partition, offset) -> group.put(partition, new OffsetAndMetadata(offset)));
    consumer.commitAsync(
        group,
        (offsets, error) -> {
          if (error != null) {
            LOG.debug(
                "{}: group offsets not committed (lag tools only): {}",
                table.id(),
                error.getMessage());
          }
        });
  }

  /** Forgets the batch and seeks the partitions to what the bronze table records. */
  private void rereadFromTable(Collection<TopicPartition> partitions) {
    Map<String, String> bronzeEntries = appender.recorded(RecordedOffsets.PREFIX);
    Map<String, String> deadEntries = appender.recordedInDeadLetters(RecordedOffsets.PREFIX);
    requireFinishedMove(bronzeEntries, deadEntries);
    Map<TopicPartition, Long> bronze = RecordedOffsets.parse(bronzeEntries);
    Map<TopicPartition, Long> dead = RecordedOffsets.parse(deadEntries);
    batch.close();
    newBatch();
    positions.reset(bronze, dead);
    Set<TopicPartition> unrecorded = new HashSet<>();
    for (TopicPartition partition : partitions) {
      Long recorded = positions.recorded(partition);
      Long pinned = pinnedStarts.get(partition);
      if (recorded != null) {
        consumer.seek(partition, recorded);
      } else if (pinned != null) {
        pin(partition, pinned);
      } else {
        unrecorded.add(partition);
      }
    }
    if (!unrecorded.isEmpty()) {
      seekToStart(unrecorded);
    }
  }

  /**
   * Refuses to read when an offset move committed to the dead-letter table but not to bronze: the
   * two would disagree on which messages already have their dead letters.
   */
  private void requireFinishedMove(Map<String, String> bronze, Map<String, String> deadLetters) {
    String bronzeNote = bronze.get(RecordedOffsets.NOTE);
    String deadNote = deadLetters.get(RecordedOffsets.NOTE);
    if (!Objects.equals(bronzeNote, deadNote)) {
      throw new KafkaStreamException(
          table.id()
              + ": an offset move did not finish (the dead-letter table records \""
              + deadNote
              + "\", bronze \""
              + bronzeNote
              + "\"); run the same KafkaOffsets.move (CLI: kafka-offsets move) again before"
              + " streaming",
          null);
    }
  }

  private void seekToStart(Set<TopicPartition> partitions) {
    Set<TopicPartition> added = new HashSet<>();
    for (TopicPartition partition : partitions) {
      if (positions.records(partition.topic())) {
        added.add(partition);
      }
    }
    if (!added.isEmpty()) {
      // Partitions added to a topic the table already reads: every message in them is new.
      consumer.seekToBeginning(added);
      partitions = new HashSet<>(partitions);
      partitions.removeAll(added);
      if (partitions.isEmpty()) {
        return;
      }
    }
    StartPosition start = stream.startPosition();
    if (start instanceof StartPosition.AtTimestamp at) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(partition -> query.put(partition, at.instant().toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      for (TopicPartition partition : partitions) {
        OffsetAndTimestamp offset = found.get(partition);
        pin(partition, offset != null ? offset.offset() : ends.get(partition));
      }
    } else if (start == StartPosition.latest()) {
      consumer.seekToEnd(partitions);
      for (TopicPartition partition : partitions) {
        pin(partition, consumer.position(partition));
      }
    } else {
      consumer.seekToBeginning(partitions);
    }
  }

  /**
   * Seeks to a start found by time or by the end, and records it with the next commit: a restart
   * before any message arrived must not look for "latest" again and skip what came meanwhile.
   */
  private void pin(TopicPartition partition, long offset) {
    pinnedStarts.put(partition, offset);
    consumer.seek(partition, offset);
    positions.movedTo(partition, offset);
    opened();
  }

  /** Commits once every assigned partition reached its target; true when that commit held. */
  private boolean caughtUp() {
    if (!reachedTargets()) {
      return false;
    }
    commit();
    // A failed commit sought the partitions back to what the table records.
    return positions.isEmpty() && reachedTargets();
  }

  private boolean reachedTargets() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    for (TopicPartition partition : assigned) {
      Long target = caughtUpTargets.get(partition);
      if (target == null || consumer.position(partition) < target) {
        return false;
      }
    }
    return true;
  }

  private void maybeRunDownstream() {
    if (pipeline == null || commitsSinceDownstream == 0) {
      return;
    }
    long interval = stream.downstreamInterval().toNanos();
    boolean byTime = interval > 0 && System.nanoTime() - lastDownstreamNanos >= interval;
    if (commitsSinceDownstream >= stream.downstreamEveryCommits() || byTime) {
      runDownstream(false);
    }
  }

  /** Runs silver and gold; a failure stops the stream only when {@code mustSucceed}. */
  private void runDownstream(boolean mustSucceed) {
    long timestamp = newestCommittedTimestamp;
    try {
      RunResult result = runtime.run(pipeline);
      result.tables().forEach(this::added);
      downstreamRuns++;
      commitsSinceDownstream = 0;
      lastDownstreamNanos = System.nanoTime();
      if (timestamp != Long.MIN_VALUE) {
        result.tables().forEach(run -> lagged(run.table(), timestamp, result.runId()));
      }
    } catch (RuntimeException e) {
      if (mustSucceed) {
        throw e;
      }
      LOG.error(
          "{}: silver and gold did not run: {}; bronze goes on and they catch up on the next run",
          table.id(),
          e.getMessage(),
          e);
    }
  }

  private void added(TableRun run) {
    synchronized (runs) {
      runs.merge(run.table(), run, TableRun::plus);
    }
  }

  private void noteLag(TableId id) {
    if (newestCommittedTimestamp != Long.MIN_VALUE) {
      lagged(id, newestCommittedTimestamp, streamRun());
    }
  }

  /** Re-evaluates each table's lag as time passes, without waiting for its next commit. */
  private void checkLag() {
    long now = System.nanoTime();
    if (stream.lagAlert().isEmpty() || now - lastLagCheckNanos < LAG_CHECK_NANOS) {
      return;
    }
    lastLagCheckNanos = now;
    Map.copyOf(newestTimestamps).forEach((id, newest) -> lagged(id, newest, streamRun()));
  }

  /**
   * Records the newest Kafka timestamp a table holds and raises one alert when its lag first
   * exceeds the stream's limit.
   */
  private void lagged(TableId id, long newestTimestamp, String runId) {
    newestTimestamps.put(id, newestTimestamp);
    if (stream.lagAlert().isEmpty()) {
      return;
    }
    Duration behind = Duration.between(Instant.ofEpochMilli(newestTimestamp), Instant.now());
    Duration limit = stream.lagAlert().get();
    if (behind.compareTo(limit) <= 0) {
      lagging.remove(id);
    } else if (lagging.add(id)) {
      runtime.alert(
          new Alert(
              runId,
              pipelineName(),
              Optional.of(id),
              AlertKind.STREAM_LAG,
              Severity.WARNING,
              String.format(
                  Locale.ROOT,
                  "%.1f s behind the newest message of the topic it holds, above the %.1f s limit",
                  behind.toMillis() / 1000.0,
                  limit.toMillis() / 1000.0),
              List.of("stream " + stream),
              Optional.empty(),
              Instant.now()));
    }
  }

  /** Raises an alert for a stream that stopped on a failure. */
  private void alertStopped(RuntimeException failure) {
    String message = String.valueOf(failure.getMessage());
    runtime.alert(
        new Alert(
            streamRun(),
            pipelineName(),
            Optional.of(table.id()),
            AlertKind.RUN_FAILED,
            Severity.CRITICAL,
            "the stream stopped: " + String.join(" ", message.lines().toList()),
            List.of(failure.getClass().getName(), "stream " + stream),
            Optional.empty(),
            Instant.now()));
  }

  /** What alerts about the stream itself name as their run: the stream's consumer group. */
  private String streamRun() {
    return "stream:" + stream.group();
  }

  private String pipelineName() {
    return pipeline != null ? pipeline.name() : table.id().toString();
  }

  /** Fails when no broker answered for longer than the stream allows. */
  private void checkBrokers() {
    long now = System.nanoTime();
    if (now - lastContactNanos < CONTACT_CHECK_NANOS) {
      return;
    }
    try {
      consumer.listTopics(CONTACT_TIMEOUT);
      lastContactNanos = System.nanoTime();
    } catch (TimeoutException e) {
      Duration silent = Duration.ofNanos(System.nanoTime() - lastContactNanos);
      if (silent.compareTo(stream.brokerTimeout()) >= 0) {
        throw new KafkaStreamException(
            table.id()
                + ": no Kafka broker at "
                + stream.bootstrapServers()
                + " answered for "
                + silent.toSeconds()
                + " s (KafkaStream.brokerTimeout "
                + stream.brokerTimeout().toSeconds()
                + " s); the stream stopped after committing what it held. Restart it once the"
                + " brokers are reachable",
            e);
      }
      LOG.warn("{}: no broker answered for {} s", table.id(), silent.toSeconds());
    }
  }

  private void subscribe() {
    ConsumerRebalanceListener listener = new Rebalance();
    if (stream.topicPattern().isPresent()) {
      consumer.subscribe(stream.topicPattern().get(), listener);
    } else {
      consumer.subscribe(stream.topics(), listener);
    }
  }

  /** Flushes before partitions leave, and seeks to the table's offsets when they arrive. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (closing) {
        return;
      }
      commit();
      positions.forget(new HashSet<>(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      commit();
      try {
        rereadFromTable(consumer.assignment());
      } catch (KafkaException e) {
        throw e;
      } catch (RuntimeException e) {
        recoverFrom(e);
      }
      Set<TopicPartition> fresh = new HashSet<>(partitions);
      fresh.removeAll(caughtUpTargets.keySet());
      if (!fresh.isEmpty()) {
        caughtUpTargets.putAll(consumer.endOffsets(fresh));
      }
      LOG.info("{}: assigned {}", table.id(), partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      if (closing) {
        return;
      }
      LOG.warn("{}: lost {} without a rebalance; dropping the batch", table.id(), partitions);
      settle();
      positions.forget(new HashSet<>(partitions));
      Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
      kept.removeAll(partitions);
      rereadFromTable(kept);
    }
  }

  private void backOff() {
    long bound = Math.min(5_000, 250L << Math.min(failedCommits, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.set(true);
    }
  }

  private RuntimeException unwrap(KafkaException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof KafkaStreamException stopped) {
        return stopped;
      }
    }
    return new KafkaStreamException(table.id() + ": Kafka client failed: " + e.getMessage(), e);
  }

  /**
   * Waits for a commit even when interrupted (a commit is never left half-way), then re-asserts it.
   */
  private static <T> T await(Future<T> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e == root
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }

  private static Properties consumerProperties(KafkaStream stream) {
    Properties properties = new Properties();
    properties.putAll(stream.properties());
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stream.bootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, stream.group());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Offsets come from the table; a partition without one is sought explicitly.
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return properties;
  }
}
