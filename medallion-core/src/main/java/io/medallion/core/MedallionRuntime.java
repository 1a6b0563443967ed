package io.medallion.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.Layer;
import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.alert.Alerting;
import io.medallion.core.audit.Audits;
import io.medallion.core.audit.WriteAuditPublish;
import io.medallion.core.internal.alert.AlertLogReader;
import io.medallion.core.internal.alert.AlertLogWriter;
import io.medallion.core.internal.alert.AlertObserver;
import io.medallion.core.internal.audit.AuditBranches;
import io.medallion.core.internal.audit.AuditPublisher;
import io.medallion.core.internal.audit.AuditRun;
import io.medallion.core.internal.audit.ObservedAudits;
import io.medallion.core.internal.audit.PipelineAudits;
import io.medallion.core.internal.bronze.BronzeIngestor;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import io.medallion.core.internal.catalog.MessageSecrets;
import io.medallion.core.internal.catalog.Publisher;
import io.medallion.core.internal.catalog.Registrar;
import io.medallion.core.internal.gold.DimensionalModel;
import io.medallion.core.internal.gold.GoldAggregator;
import io.medallion.core.internal.iceberg.Lineage;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.internal.lineage.LineageObserver;
import io.medallion.core.internal.maintenance.LakeMaintenance;
import io.medallion.core.internal.observe.CommitReports;
import io.medallion.core.internal.observe.RunMetrics;
import io.medallion.core.internal.observe.RunTracker;
import io.medallion.core.internal.observe.runlog.RunLogEntries;
import io.medallion.core.internal.observe.runlog.RunLogReader;
import io.medallion.core.internal.observe.runlog.RunLogWriter;
import io.medallion.core.internal.quality.DefaultContactChecks;
import io.medallion.core.internal.quality.QualityReports;
import io.medallion.core.internal.quality.SampleMasking;
import io.medallion.core.internal.read.IcebergTableRead;
import io.medallion.core.internal.silver.LiveBatch;
import io.medallion.core.internal.silver.SilverOutcome;
import io.medallion.core.internal.silver.SilverProcessor;
import io.medallion.core.lineage.LineageTarget;
import io.medallion.core.observe.RunLogEntry;
import io.medallion.core.observe.RunLogQuery;
import io.medallion.core.observe.RunObserver;
import io.medallion.core.read.TableRead;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import io.medallion.core.spi.JsonSource;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.maintenance.MaintenanceOptions;
import io.medallion.maintenance.MaintenanceReport;
import io.medallion.read.ReadRequest;
import io.medallion.report.QualityReport;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Runs pipelines against Iceberg tables. The embedded default keeps an Iceberg JDBC catalog in
 * {@code <lake>/catalog.db} (SQLite) and data under {@code <lake>/warehouse}, both created on first
 * use; {@link Builder#catalog(CatalogConfig)} moves the same pipeline to PostgreSQL, a REST
 * catalog, AWS Glue or a file-system catalog, with data on S3 or local disk.
 *
 * <pre>{@code
 * try (MedallionRuntime runtime = MedallionRuntime.builder().lake(Path.of("lakehouse")).build()) {
 *   runtime.ingest(raw, JsonSource.file(Path.of("users.json")));
 *   RunResult result = runtime.run(pipeline);
 * }
 * }</pre>
 */
public final class MedallionRuntime implements AutoCloseable {
  private final Path lake;
  private final CatalogConfig catalogConfig;
  private final Catalog catalog;
  private final CommitReports.Registration commitReports;
  private final TableFailures failures;
  private final TableStore store;
  private final BronzeIngestor bronze;
  private final SilverProcessor silver;
  private final GoldAggregator gold;
  private final DimensionalModel model;
  private final LakeMaintenance maintenance;
  private final String disposableDomains;
  private final Clock clock;
  private final boolean pipelined;
  private final List<RunObserver> observers;
  private final AlertObserver alerts;
  private final WriteAuditPublish audit;

  private MedallionRuntime(Builder builder) {
    this.lake = builder.lake.toAbsolutePath().normalize();
    this.catalogConfig = builder.catalog != null ? builder.catalog : CatalogConfig.embedded(lake);
    this.commitReports = commitReports(builder.registries, catalogConfig.name());
    this.catalog = open(catalogConfig, commitReports);
    this.failures = new TableFailures(catalogConfig.label());
    this.store = new TableStore(catalog);
    this.clock = builder.clock;
    this.pipelined = builder.parallelism > 1;
    this.alerts = alertObserver(builder, store, new MessageSecrets(catalogConfig));
    this.observers = observers(builder);
    this.audit = builder.audit;
    this.bronze = new BronzeIngestor(store, builder.clock, builder.parallelism > 1);
    PhoneValidator phones = new PhoneValidator();
    this.silver =
        new SilverProcessor(
            store,
            builder.clock,
            new ObjectMapper(),
            new DefaultContactChecks(builder.emails, phones),
            phones,
            new SampleMasking(),
            new SilverProcessor.Tuning(
                builder.parallelism > 1, builder.keysInMemory, builder.spillDirectory));
    this.gold = new GoldAggregator(store);
    this.model = new DimensionalModel(store);
    this.maintenance = new LakeMaintenance(store, builder.clock);
    this.disposableDomains = builder.emails.disposableDomains().description();
  }

  /** Each Iceberg commit's report goes to the application's registries, when it gave any. */
  private static CommitReports.Registration commitReports(
      List<MeterRegistry> registries, String catalogName) {
    if (registries.isEmpty()) {
      return null;
    }
    String prefix = catalogName + ".";
    return CommitReports.register(
        report -> {
          String name = report.tableName();
          String table = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
          registries.forEach(registry -> RunMetrics.commit(registry, table, report));
        });
  }

  private static Catalog open(CatalogConfig config, CommitReports.Registration commitReports) {
    if (commitReports == null) {
      return IcebergCatalogs.open(config);
    }
    try {
      return IcebergCatalogs.open(config, commitReports.catalogProperties());
    } catch (RuntimeException e) {
      commitReports.close();
      throw e;
    }
  }

  /**
   * Alerts are raised when they go somewhere: to the alert log, kept with the run log, or to the
   * configured sinks.
   */
  private static AlertObserver alertObserver(
      Builder builder, TableStore store, MessageSecrets secrets) {
    Optional<AlertLogWriter> log =
        builder.runLog ? Optional.of(new AlertLogWriter(store)) : Optional.empty();
    AlertObserver observer =
        new AlertObserver(
            builder.alerting != null ? builder.alerting : Alerting.builder().build(), log, secrets);
    return observer.delivers() ? observer : null;
  }

  /**
   * The run log first, so the other observers hear of a run once it is logged; then the
   * application's observers, then alerts and lineage when they are configured.
   */
  private List<RunObserver> observers(Builder builder) {
    List<RunObserver> all = new ArrayList<>();
    if (builder.runLog) {
      all.add(new RunLogWriter(store, new RunLogEntries(new MessageSecrets(catalogConfig))));
    }
    all.addAll(builder.observers);
    if (alerts != null) {
      all.add(alerts);
    }
    if (builder.lineage != null) {
      all.add(
          new LineageObserver(
              builder.lineage,
              builder.lineage.datasetNamespace(catalogConfig),
              store::load,
              new MessageSecrets(catalogConfig)));
    }
    return List.copyOf(all);
  }

  /**
   * Starts configuring a runtime.
   *
   * @return a builder with the embedded defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Appends one batch from a source to a bronze table; undecodable input goes to its dead-letter
   * table. Parts an earlier batch loaded (same file path, size and content, or same part identity)
   * are skipped and listed in {@link TableRun#skipped()}, unless the source is {@link
   * JsonSource#forced()}.
   *
   * <pre>{@code
   * TableRun again = runtime.ingest(raw, JsonSource.file(Path.of("users.json")));
   * again.skipped(); // [skipped users.json: already loaded in snapshot 42]
   * }</pre>
   *
   * @param table the bronze table
   * @param source the input
   * @return the batch's counts: {@code written} records and {@code quarantined} dead letters, and
   *     the parts skipped
   */
  public TableRun ingest(BronzeTable table, JsonSource source) {
    RunTracker tracker = RunTracker.start(observers, table.id().toString(), clock);
    tracker.tableStarted(table.id(), Layer.BRONZE);
    store.beginRun();
    TableRun run;
    try {
      run = bronze.ingest(table, source, null, tracker.ingestionProgress(table.id()));
    } catch (RuntimeException e) {
      throw tracker.fail(
          failures.naming(table.id().toString(), table.id() + " was not updated", e));
    }
    tracker.tableDone(run, null, OptionalLong::empty);
    tracker.finish();
    return run;
  }

  /**
   * Opens an appender for a streaming source (a Kafka topic, a queue) that splits its own input
   * into messages and commits what it consumed with each batch. The bronze table and its
   * dead-letter table are created or evolved first.
   *
   * <pre>{@code
   * BronzeAppender appender = runtime.bronzeAppender(raw);
   * }</pre>
   *
   * @param table the bronze table, usually with {@link BronzeTable#sourceColumns() source columns}
   * @return the appender
   */
  public BronzeAppender bronzeAppender(BronzeTable table) {
    store.beginRun();
    try {
      Table bronzeTable = bronze.ensure(table);
      Table deadLetters = store.load(table.deadLetterId());
      return new BronzeAppender(table, bronzeTable, deadLetters, clock, pipelined);
    } catch (RuntimeException e) {
      throw failures.naming(table.id().toString(), table.id() + " could not be opened", e);
    }
  }

  /**
   * Brings every silver and gold table of a pipeline up to date with what is new upstream. Tables
   * whose upstream has not changed commit nothing. Tables are first registered as {@link
   * #registerAll(Pipeline)} does, so a definition that gained columns evolves its table.
   *
   * @param pipeline the pipeline
   * @return one entry per silver and gold table, in dependency order
   * @throws MedallionException when a definition differs incompatibly from its table
   */
  public RunResult run(Pipeline pipeline) {
    RunTracker tracker = RunTracker.start(observers, pipeline.name(), clock);
    AuditRun audited = null;
    try {
      audited = prepare(pipeline, tracker);
      List<TableRun> runs = new ArrayList<>();
      Map<TableId, QualityReport> reports = new LinkedHashMap<>();
      runTables(pipeline, Map.of(), runs, reports, tracker, null, audited);
      tracker.finish();
      return new RunResult(tracker.runId(), runs, reports);
    } catch (RuntimeException e) {
      throw tracker.fail(e);
    } finally {
      endAudit(audited);
    }
  }

  /**
   * Starts a run of a pipeline: finishes any publish a crash interrupted, registers the tables,
   * then starts the run's audit.
   */
  private AuditRun prepare(Pipeline pipeline, RunTracker tracker) {
    store.beginRun();
    AuditPublisher publisher = new AuditPublisher(store);
    AuditRun.recover(publisher, audit, pipeline);
    register(pipeline);
    if (AuditRun.interruptedPublish(store, pipeline)) {
      // Recorded before write-audit-publish was turned off: finish it, then see the tables anew.
      publisher.recover(AuditBranches.tablesOf(pipeline));
      store.beginRun();
      register(pipeline);
    }
    return AuditRun.start(store, publisher, audit, pipeline, tracker.runId(), auditReports());
  }

  private static void endAudit(AuditRun audited) {
    if (audited != null) {
      audited.end();
    }
  }

  private Path auditReports() {
    return lake.resolve("audits");
  }

  /** Runs every table in dependency order; silver tables already fed report what they did. */
  private void runTables(
      Pipeline pipeline,
      Map<TableId, SilverOutcome> fed,
      List<TableRun> runs,
      Map<TableId, QualityReport> reports,
      RunTracker tracker,
      Instant fedSince,
      AuditRun audited) {
    for (TableDefinition table : pipeline.tables()) {
      if (table instanceof BronzeTable raw) {
        bronze.ensure(raw);
        continue;
      }
      tracker.tableStarted(
          table.id(), table.layer(), fed.containsKey(table.id()) ? fedSince : clock.instant());
      TableRun run;
      QualityReport report = null;
      if (table instanceof SilverTable typed) {
        SilverOutcome outcome = fed.get(typed.id());
        if (outcome == null) {
          outcome = processSilver(typed);
        }
        run = outcome.run();
        if (outcome instanceof SilverOutcome.Scored scored) {
          report =
              QualityReports.of(
                  typed.id().toString(), scored.run(), scored.quality(), disposableDomains);
          reports.put(typed.id(), report);
        }
      } else if (table instanceof GoldTable aggregate) {
        run = processGold(aggregate);
      } else if (DimensionalModel.handles(table)) {
        run = processModel(table);
      } else {
        continue;
      }
      runs.add(run);
      tracker.tableDone(run, report, () -> upstreamConsumed(table), settle(audited, table, report));
    }
  }

  /** Publishes an audited table whose checks passed, or leaves it pending. */
  private Optional<RunTracker.Audited> settle(
      AuditRun audited, TableDefinition table, QualityReport report) {
    try {
      return audited.settle(table, report);
    } catch (RuntimeException e) {
      throw failures.naming(table.id().toString(), table.id() + " was not published", e);
    }
  }

  /**
   * The upstream snapshot a table's newest commit recorded as consumed, for the run's observers.
   */
  private OptionalLong upstreamConsumed(TableDefinition table) {
    if (table.upstream().isEmpty()) {
      return OptionalLong.empty();
    }
    // The table the run ensured shows its own commit: no further catalog call per table.
    Table written = store.ensuredThisRun(table.id()).orElseGet(() -> store.load(table.id()));
    Long consumed = Lineage.consumed(written, table.upstream().get().id().toString());
    return consumed == null ? OptionalLong.empty() : OptionalLong.of(consumed);
  }

  private void register(Pipeline pipeline) {
    try {
      registrar().apply(pipeline);
    } catch (RuntimeException e) {
      throw failures.naming(
          pipeline.name(), "The tables of pipeline " + pipeline.name() + " were not registered", e);
    }
  }

  /** Aborts a fed batch; a failure to clean up must not hide the failure that made it abort. */
  private static void abortKeeping(LiveBatch batch, RuntimeException failure) {
    try {
      batch.abort();
    } catch (RuntimeException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  private SilverOutcome processSilver(SilverTable table) {
    try {
      return silver.process(table);
    } catch (RuntimeException e) {
      throw failures.naming(table.id().toString(), table.id() + " was not updated", e);
    }
  }

  private TableRun processGold(GoldTable table) {
    try {
      return gold.process(table);
    } catch (RuntimeException e) {
      throw failures.naming(table.id().toString(), table.id() + " was not updated", e);
    }
  }

  private TableRun processModel(TableDefinition table) {
    try {
      return model.process(table);
    } catch (RuntimeException e) {
      throw failures.naming(table.id().toString(), table.id() + " was not updated", e);
    }
  }

  /**
   * Ingests one batch into a bronze table and brings the pipeline up to date, handing the batch's
   * records to the silver tables that read that bronze table as they are written, instead of
   * reading them back from bronze and parsing them again. The tables written are the same as with
   * {@link #ingest} followed by {@link #run(Pipeline)}; bronze stays the source of truth: if
   * another ingestion commits to the bronze table meanwhile, silver reads bronze as usual.
   *
   * <pre>{@code
   * RunResult result = runtime.run(pipeline, raw, JsonSource.file(Path.of("users.ndjson")));
   * result.table(raw.id()).written(); // records ingested
   * }</pre>
   *
   * @param pipeline the pipeline
   * @param table a bronze table of the pipeline
   * @param source the input
   * @return the ingestion's counts first, then one entry per silver and gold table
   * @throws IllegalArgumentException when the pipeline does not contain the table
   */
  public RunResult run(Pipeline pipeline, BronzeTable table, JsonSource source) {
    if (!pipeline.tables().contains(table)) {
      throw new IllegalArgumentException(
          "Pipeline " + pipeline.name() + " does not contain " + table.id());
    }
    RunTracker tracker = RunTracker.start(observers, pipeline.name(), clock);
    AuditRun audited = null;
    try {
      audited = prepare(pipeline, tracker);
      tracker.tableStarted(table.id(), Layer.BRONZE);
      Instant fedSince = clock.instant();
      Map<TableId, LiveBatch> live = new LinkedHashMap<>();
      TableRun ingested;
      try {
        for (TableDefinition definition : pipeline.tables()) {
          if (definition instanceof SilverTable typed && typed.source().id().equals(table.id())) {
            live.put(typed.id(), silver.startLive(typed));
          }
        }
        ingested =
            bronze.ingest(
                table,
                source,
                record -> live.values().forEach(b -> b.accept(record)),
                tracker.ingestionProgress(table.id()));
      } catch (RuntimeException e) {
        RuntimeException failure =
            failures.naming(table.id().toString(), table.id() + " was not updated", e);
        live.values().forEach(batch -> abortKeeping(batch, failure));
        throw failure;
      }
      tracker.tableDone(ingested, null, OptionalLong::empty);
      Map<TableId, SilverOutcome> fed = finishLive(live, ingested, tracker, fedSince);
      List<TableRun> runs = new ArrayList<>(List.of(ingested));
      Map<TableId, QualityReport> reports = new LinkedHashMap<>();
      runTables(pipeline, fed, runs, reports, tracker, fedSince, audited);
      tracker.finish();
      return new RunResult(tracker.runId(), runs, reports);
    } catch (RuntimeException e) {
      throw tracker.fail(e);
    } finally {
      endAudit(audited);
    }
  }

  /**
   * Returns the pending audits of a pipeline's tables, to list, publish anyway or discard (see
   * {@link Builder#writeAuditPublish(WriteAuditPublish)}).
   *
   * <pre>{@code
   * Audits audits = runtime.audits(pipeline);
   * audits.pending().forEach(audit -> log.info("{} {}", audit.runId(), audit.failedChecks()));
   * }</pre>
   *
   * @param pipeline the pipeline whose tables to look at
   * @return the pipeline's audits
   */
  public Audits audits(Pipeline pipeline) {
    return new ObservedAudits(
        new PipelineAudits(store, pipeline, auditReports()), store, pipeline, observers, clock);
  }

  /**
   * Commits the silver batches fed during an ingestion; once one fails, the ones after it are
   * aborted, as {@link #run(Pipeline)} does not bring the tables after a failed one up to date.
   */
  private Map<TableId, SilverOutcome> finishLive(
      Map<TableId, LiveBatch> live, TableRun ingested, RunTracker tracker, Instant fedSince) {
    Long bronzeSnapshot = ingested.written() > 0 ? ingested.snapshotId() : null;
    Map<TableId, SilverOutcome> fed = new LinkedHashMap<>();
    RuntimeException failure = null;
    for (Map.Entry<TableId, LiveBatch> batch : live.entrySet()) {
      if (failure != null) {
        abortKeeping(batch.getValue(), failure);
        continue;
      }
      try {
        fed.put(batch.getKey(), batch.getValue().finish(bronzeSnapshot));
      } catch (RuntimeException e) {
        failure =
            failures.naming(batch.getKey().toString(), batch.getKey() + " was not updated", e);
        // Names the failed table in the run's outcomes.
        tracker.tableStarted(batch.getKey(), Layer.SILVER, fedSince);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return fed;
  }

  /**
   * Scores a silver table's quarantined rows again under its current rules, typically after the
   * rules changed, and moves those that now pass to silver, exactly once: a crash mid-way is
   * finished by the next replay, never repeated.
   *
   * @param table the silver table with its current rules
   * @return {@code read} rows scored, {@code written} moved to silver, {@code quarantined} still
   *     failing
   */
  public TableRun replayQuarantine(SilverTable table) {
    store.beginRun();
    return silver.replayQuarantine(table);
  }

  /**
   * Registers every table of a pipeline in this runtime's catalog: namespaces with descriptions,
   * tables with column docs and properties (layer, owner, description, quality policy, source).
   * Idempotent: a second call changes nothing; a definition that gained columns or wider types
   * evolves its table.
   *
   * <pre>{@code
   * RegistrationPlan applied = runtime.registerAll(pipeline);
   * log.info(applied.describe());
   * }</pre>
   *
   * @param pipeline the pipeline
   * @return the changes made
   * @throws MedallionException listing every incompatible difference; nothing is changed then
   */
  public RegistrationPlan registerAll(Pipeline pipeline) {
    store.beginRun();
    return registrar().apply(pipeline);
  }

  /**
   * Plans {@link #registerAll(Pipeline)} without changing anything: a dry run.
   *
   * @param pipeline the pipeline
   * @return the changes it would make and every incompatible difference
   */
  public RegistrationPlan planRegistration(Pipeline pipeline) {
    return registrar().plan(pipeline);
  }

  /**
   * Publishes this runtime's tables of a pipeline in another catalog without copying data, e.g. a
   * lake built on the embedded catalog into Glue or a REST catalog. Publishing again moves each
   * entry to the newest metadata.
   *
   * <pre>{@code
   * runtime.publish(pipeline, GlueCatalogConfig.builder("eu-west-1", "s3://acme-lake/lake").build());
   * }</pre>
   *
   * @param pipeline the pipeline whose tables to publish
   * @param target the catalog to publish in
   * @return the changes made
   * @throws MedallionException listing every conflict; nothing is changed then
   */
  public RegistrationPlan publish(Pipeline pipeline, CatalogConfig target) {
    return withTarget(target, publisher -> publisher.publish(pipeline));
  }

  /**
   * Plans {@link #publish(Pipeline, CatalogConfig)} without changing anything.
   *
   * @param pipeline the pipeline whose tables to publish
   * @param target the catalog to publish in
   * @return the changes it would make and every conflict
   */
  public RegistrationPlan planPublish(Pipeline pipeline, CatalogConfig target) {
    return withTarget(target, publisher -> publisher.plan(pipeline));
  }

  /**
   * Maintains a pipeline's tables: merges small data files, expires old snapshots and removes files
   * that no snapshot references (left by failed writers). Snapshots that a downstream table resumes
   * from are kept whatever their age, so incremental runs and crash recovery keep working; a run in
   * progress at the same time either commits or fails cleanly, and files younger than {@link
   * MaintenanceOptions#orphanFilesOlderThan()} are never removed.
   *
   * <pre>{@code
   * MaintenanceReport planned =
   *     runtime.maintain(pipeline, MaintenanceOptions.builder().dryRun(true).build());
   * planned.orphanFiles(); // listed, not removed
   * }</pre>
   *
   * @param pipeline the pipeline whose existing tables to maintain
   * @param options what to expire, remove and merge
   * @return what was done, or would be done in a dry run, per table
   */
  public MaintenanceReport maintain(Pipeline pipeline, MaintenanceOptions options) {
    return maintenance.maintain(pipeline, options);
  }

  /**
   * Records an alert in the alert log and sends it to this runtime's alert sinks, as the runtime
   * does with the alerts its runs raise; for conditions a caller detects, such as a stream that
   * lags. A sink that fails is logged with the alert and never throws here.
   *
   * <pre>{@code
   * runtime.alert(
   *     new Alert(runId, "users", Optional.of(raw.id()), AlertKind.STREAM_LAG, Severity.WARNING,
   *         "5 minutes behind the topic", List.of(), Optional.empty(), Instant.now()));
   * }</pre>
   *
   * @param alert the alert
   * @return false when it went nowhere: the run log is off and no alert sink is configured
   */
  public boolean alert(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    if (alerts == null) {
      return false;
    }
    alerts.raise(List.of(alert));
    return true;
  }

  /**
   * Reads the run log ({@link RunLogEntry#TABLE}): one row per table per run of every runtime that
   * logs to this catalog, failed runs included, newest run first.
   *
   * <pre>{@code
   * List<RunLogEntry> recent =
   *     runtime.runs(RunLogQuery.builder().table(TableId.of("silver", "users")).last(10).build());
   * recent.get(0).status(); // TableStatus.COMMITTED
   * }</pre>
   *
   * @param query which rows: one table's or all, of the last N runs or all
   * @return the rows, empty when nothing was logged yet
   * @throws MedallionException when the catalog or the table's files cannot be read
   */
  public List<RunLogEntry> runs(RunLogQuery query) {
    Objects.requireNonNull(query, "query");
    return readLog(RunLogEntry.TABLE, table -> RunLogReader.read(table, query));
  }

  /**
   * Reads the alert log ({@link Alert#TABLE}): every alert raised by a runtime that logs runs to
   * this catalog, newest first. The query picks one table's alerts or all, and the alerts of the
   * last N runs that raised any.
   *
   * <pre>{@code
   * List<Alert> recent =
   *     runtime.alerts(RunLogQuery.builder().table(TableId.of("silver", "users")).last(10).build());
   * recent.get(0).kind(); // AlertKind.DATASET_RULE
   * }</pre>
   *
   * @param query which alerts: one table's or all, of the last N runs that raised any or all
   * @return the alerts, empty when none was raised yet
   * @throws MedallionException when the catalog or the table's files cannot be read
   */
  public List<Alert> alerts(RunLogQuery query) {
    Objects.requireNonNull(query, "query");
    return readLog(Alert.TABLE, table -> AlertLogReader.read(table, query));
  }

  private <T> List<T> readLog(TableId log, Function<Table, List<T>> read) {
    try {
      return store.find(log).map(read).orElse(List.of());
    } catch (RuntimeException e) {
      throw failures.naming(log.toString(), "Cannot read " + log, e);
    }
  }

  /**
   * Returns the catalog configuration this runtime uses.
   *
   * @return the configuration; its {@code toString()} shows no secret
   */
  public CatalogConfig catalogConfig() {
    return catalogConfig;
  }

  private Registrar registrar() {
    return new Registrar(store, catalogConfig.label());
  }

  private RegistrationPlan withTarget(
      CatalogConfig target, Function<Publisher, RegistrationPlan> action) {
    Catalog targetCatalog = IcebergCatalogs.open(target);
    try {
      return action.apply(new Publisher(catalog, targetCatalog, target.label()));
    } finally {
      closeCatalog(targetCatalog);
    }
  }

  /**
   * Resolves a read of one table: its columns, a filter and a point in time (the current snapshot
   * by default). Iceberg prunes partitions and data files with the filter; the rows come as Arrow
   * batches or as plain rows, and rows deleted by de-duplication never appear.
   *
   * <pre>{@code
   * TableRead read =
   *     runtime.read(
   *         ReadRequest.builder(TableId.of("silver", "users"))
   *             .columns("user_id", "email")
   *             .filter(Filter.eq("country", "FR"))
   *             .build());
   * try (ArrowBatches batches = read.arrow()) {
   *   while (batches.next()) {
   *     VectorSchemaRoot batch = batches.root();
   *   }
   * }
   * }</pre>
   *
   * @param request what to read
   * @return the read, with its snapshot fixed
   * @throws io.medallion.ValidationException listing every unknown column, snapshot, branch or tag
   *     and every literal that does not fit its column
   * @throws MedallionException when the table does not exist or the catalog fails
   */
  public TableRead read(ReadRequest request) {
    Table table;
    try {
      table = store.load(request.table());
    } catch (NoSuchTableException missing) {
      throw new MedallionException(
          "Cannot read "
              + request.table()
              + ": the table does not exist in catalog "
              + catalogConfig.label(),
          missing);
    } catch (RuntimeException e) {
      throw failures.naming(request.table().toString(), "Cannot read " + request.table(), e);
    }
    return IcebergTableRead.of(table, request);
  }

  /**
   * Returns a table as Iceberg sees it: the escape hatch for reads and maintenance.
   *
   * @param id the table id
   * @return the Iceberg table
   */
  public Table table(TableId id) {
    return store.load(id);
  }

  /**
   * Tells whether a table exists.
   *
   * @param id the table id
   * @return true when it exists
   */
  public boolean exists(TableId id) {
    return store.exists(id);
  }

  /**
   * Returns the lake folder.
   *
   * @return the absolute folder holding {@code catalog.db} and {@code warehouse}
   */
  public Path lake() {
    return lake;
  }

  @Override
  public void close() {
    if (commitReports != null) {
      commitReports.close();
    }
    closeCatalog(catalog);
  }

  private static void closeCatalog(Catalog catalog) {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new MedallionException("Cannot close the catalog: " + e.getMessage(), e);
      }
    }
  }

  /** Configures a {@link MedallionRuntime}. */
  public static final class Builder {
    /** De-duplication keys one silver batch holds in memory by default: about 50 MiB. */
    public static final int DEFAULT_KEYS_IN_MEMORY = 250_000;

    private Path lake = Path.of("lakehouse");
    private CatalogConfig catalog;
    private Clock clock = Clock.systemUTC();
    private EmailValidator emails = EmailValidator.builder().build();
    private int parallelism = Math.min(2, Runtime.getRuntime().availableProcessors());
    private int keysInMemory = DEFAULT_KEYS_IN_MEMORY;
    private Path spillDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private final List<RunObserver> observers = new ArrayList<>();
    private final List<MeterRegistry> registries = new ArrayList<>();
    private Alerting alerting;
    private LineageTarget lineage;
    private WriteAuditPublish audit = WriteAuditPublish.off();
    private boolean runLog = true;

    private Builder() {}

    /**
     * Adds an observer that hears every run's start, each table's outcome and the run's end, failed
     * runs included. Observers are called in the order added; one that throws is logged and never
     * fails the run.
     *
     * <pre>{@code
     * MedallionRuntime.builder().observer(myRunLog).observer(myAlerts).build();
     * }</pre>
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder observer(RunObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Sets the conditions quality alerts are raised on when runs end (quality gates, failed dataset
     * rules, anomalies, failed runs, quarantined shares) and the sinks they go to; see {@link
     * Alerting}. With the run log on, alerts are also recorded in {@link Alert#TABLE} (with the
     * default conditions when this is not set); with it off and no sinks, none is raised.
     *
     * <pre>{@code
     * MedallionRuntime.builder()
     *     .alerts(Alerting.builder(new LogAlertSink()).reportsAt(lake.resolve("reports")).build());
     * }</pre>
     *
     * @param settings the conditions and sinks
     * @return this builder
     */
    public Builder alerts(Alerting settings) {
      this.alerting = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Turns the run log on or off; it is on by default. When on, every run (an ingestion, a
     * pipeline run, failed ones included) appends one row per table to {@link RunLogEntry#TABLE} in
     * this runtime's catalog, read back with {@link MedallionRuntime#runs(RunLogQuery)}. A failure
     * to write the log is logged and never fails the run.
     *
     * <pre>{@code
     * MedallionRuntime.builder().runLog(false).build(); // no medallion.runs table
     * }</pre>
     *
     * @param on whether to log runs
     * @return this builder
     */
    public Builder runLog(boolean on) {
      this.runLog = on;
      return this;
    }

    /**
     * Writes some or all silver and gold tables to an audit branch per run and publishes each to
     * main only when its row policy and dataset rules pass; the default is {@link
     * WriteAuditPublish#off()}. Observers hear {@code audit-pending} or {@code published}.
     *
     * <pre>{@code
     * MedallionRuntime.builder().writeAuditPublish(WriteAuditPublish.everyTable()).build();
     * }</pre>
     *
     * @param setting which tables to audit
     * @return this builder
     */
    public Builder writeAuditPublish(WriteAuditPublish setting) {
      this.audit = Objects.requireNonNull(setting, "setting");
      return this;
    }

    /**
     * Raises quality alerts with the default conditions and sends them to these sinks.
     *
     * <pre>{@code
     * MedallionRuntime.builder().alerts(new LogAlertSink(), new FileAlertSink(Path.of("alerts.jsonl")));
     * }</pre>
     *
     * @param first a sink
     * @param more further sinks
     * @return this builder
     */
    public Builder alerts(AlertSink first, AlertSink... more) {
      return alerts(Alerting.builder(first, more).build());
    }

    /**
     * Sends OpenLineage run events for every run; off unless set.
     *
     * <pre>{@code
     * MedallionRuntime.builder().lineage(LineageTarget.http(URI.create("http://marquez:5000")));
     * }</pre>
     *
     * @param target the server or file
     * @return this builder
     */
    public Builder lineage(LineageTarget target) {
      this.lineage = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Records every run on a Micrometer registry: rows read, written, quarantined and
     * dead-lettered, commits by status, table and run durations, each Iceberg commit's duration and
     * attempts, the last quality score and quarantine rate per table, and failed runs, as {@code
     * medallion.*} meters tagged {@code pipeline}, {@code table}, {@code layer} and {@code status}.
     * Bind the registry to Prometheus, JMX or any other Micrometer backend; each registry given
     * records every run.
     *
     * <pre>{@code
     * PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
     * MedallionRuntime runtime = MedallionRuntime.builder().meterRegistry(prometheus).build();
     * }</pre>
     *
     * @param registry where the meters go
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry registry) {
      registries.add(Objects.requireNonNull(registry, "registry"));
      return observer(new RunMetrics(registry));
    }

    /**
     * Sets the lake folder; the default is {@code ./lakehouse}.
     *
     * @param folder the folder, created on first use
     * @return this builder
     */
    public Builder lake(Path folder) {
      this.lake = Objects.requireNonNull(folder, "lake");
      return this;
    }

    /**
     * Sets the catalog and storage; the default is the embedded catalog of the lake folder. The
     * lake folder still holds local outputs such as reports.
     *
     * <pre>{@code
     * MedallionRuntime.builder()
     *     .catalog(GlueCatalogConfig.builder("eu-west-1", "s3://acme-lake/medallion").build())
     *     .build();
     * }</pre>
     *
     * @param config the catalog configuration, validated when the runtime is built
     * @return this builder
     */
    public Builder catalog(CatalogConfig config) {
      this.catalog = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the clock for ingestion times, ages and tenure; tests fix it.
     *
     * @param runClock the clock
     * @return this builder
     */
    public Builder clock(Clock runClock) {
      this.clock = Objects.requireNonNull(runClock, "clock");
      return this;
    }

    /**
     * Sets the email validator behind {@code Rule.validEmail}: disposable-domain lists, optional
     * DNS MX look-ups, internationalized addresses. The default checks syntax, domain and top-level
     * domain only.
     *
     * @param validator the validator
     * @return this builder
     */
    public Builder emailValidator(EmailValidator validator) {
      this.emails = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Sets how many threads one table's processing may use: 1 does everything on the calling
     * thread; 2 (the default on machines with two or more cores) splits ingested input into records
     * on the calling thread while another writes them to bronze, and reads and parses upstream rows
     * on the calling thread while another maps and scores them for silver. The tables written are
     * the same either way.
     *
     * @param threads 1 or 2
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is not 1 or 2
     */
    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 2) {
        throw new IllegalArgumentException("parallelism must be 1 or 2, got " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * Sets how many de-duplication keys one silver batch holds in memory (about 200 bytes each);
     * past that, they are spilled to disk in hash partitions and settled one partition at a time,
     * so memory stays flat however many keys a batch has. The default is {@value
     * #DEFAULT_KEYS_IN_MEMORY}. The tables written are the same either way.
     *
     * <pre>{@code
     * MedallionRuntime.builder().keysInMemory(100_000).spillDirectory(Path.of("/mnt/scratch"));
     * }</pre>
     *
     * @param keys at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is below 1
     */
    public Builder keysInMemory(int keys) {
      if (keys < 1) {
        throw new IllegalArgumentException("keysInMemory must be at least 1, got " + keys);
      }
      this.keysInMemory = keys;
      return this;
    }

    /**
     * Sets the folder spilled de-duplication keys are written to; the default is {@code
     * java.io.tmpdir}. Each batch uses a fresh sub-folder and deletes it when it ends.
     *
     * @param folder the folder, created if missing
     * @return this builder
     */
    public Builder spillDirectory(Path folder) {
      this.spillDirectory = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * Opens the runtime, creating the embedded lake on first use, and checks that the catalog
     * answers.
     *
     * @return the runtime; close it when done
     * @throws io.medallion.ValidationException listing every catalog configuration problem
     * @throws MedallionException when the catalog cannot be reached or refuses the credentials
     */
    public MedallionRuntime build() {
      return new MedallionRuntime(this);
    }
  }
}
