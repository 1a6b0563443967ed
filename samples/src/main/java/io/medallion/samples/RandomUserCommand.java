package io.medallion.samples;

import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.TableRun;
import io.medallion.core.audit.WriteAuditPublish;
import io.medallion.core.observe.RunLogQuery;
import io.medallion.core.report.ReportFiles;
import io.medallion.core.report.RunHistory;
import io.medallion.core.spi.JsonSource;
import io.medallion.core.spi.contact.DisposableDomains;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.report.QualityReport;
import io.medallion.samples.randomuser.RandomUserClient;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.samples.randomuser.RandomUserRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Builds the RandomUser lakehouse on the embedded default and prints its summary. */
@Command(
    name = "randomuser",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the RandomUser user-demographics lakehouse: bronze (raw records), silver (typed,"
          + " scored, de-duplicated users; rejects in quarantine) and gold (demographics).",
      "Input is generated offline (--users, --seed) or read from RandomUser JSON files"
          + " (--input). Running again with new input processes only what is new."
    })
final class RandomUserCommand implements Callable<Integer> {
  /** Runs the report's run history lists. */
  private static final int HISTORY_RUNS = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "Users to generate when no --input is given (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the generated users; the same seed gives the same users.")
  long seed;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "RandomUser JSON files (API envelope, JSON array or newline-delimited JSON) to ingest"
              + " instead of generated users. The list ends at the next option; a file whose"
              + " name starts with - is given as ./-name.")
  List<Path> inputs;

  @Option(
      names = "--api",
      description =
          "Fetch --users users from the RandomUser API (needs network) instead of generating"
              + " them, in pages of --page-size (rounded up to whole pages), with --seed.")
  boolean api;

  @Option(
      names = "--api-url",
      defaultValue = "https://randomuser.me/api/",
      description = "Base URL of the RandomUser API (default: ${DEFAULT-VALUE}).")
  URI apiUrl;

  @Option(
      names = "--page-size",
      defaultValue = "500",
      description = "Users per API request with --api, 1 to 5000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description =
          "Lake folder: the SQLite catalog <lake>/catalog.db and the data under <lake>/warehouse"
              + " on the embedded default; with another --catalog, generated input and reports"
              + " only (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description =
          "Also write the summary as JSON: {\"run_id\", \"status\", \"tables\": [{\"name\", \"layer\","
              + " \"rows\", ...}],"
              + " \"quarantine_reasons\", \"average_quality_score\", \"gold_preview\", \"run\","
              + " \"report_html\", \"report_markdown\", \"report_json\"}.")
  Path summaryJson;

  @Option(names = "--describe", description = "Print the pipeline definition first.")
  boolean describe;

  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description =
          "Where the quality report (report.html, report.md, report.json) goes; default"
              + " <lake>/reports/<silver table>.")
  Path reports;

  @Option(names = "--no-report", description = "Do not write the quality report files.")
  boolean noReport;

  @Option(
      names = "--audit",
      description =
          "Write-audit-publish: silver and gold are written to an audit branch and reach main only"
              + " when their checks pass. A batch held back exits 6; see and settle it with"
              + " 'audits'.")
  boolean audit;

  @Mixin AlertOptions alertOptions = new AlertOptions();

  @Option(
      names = "--disposable-domains",
      paramLabel = "FILE",
      description =
          "More disposable email domains (one per line, # comments), added to the packaged"
              + " list; addresses at them fail email_valid.")
  Path disposableDomains;

  @Option(
      names = "--disposable-domains-replace",
      paramLabel = "FILE",
      description =
          "Disposable email domains (one per line, # comments) used instead of the packaged"
              + " list and its allow list.")
  Path disposableDomainsReplacement;

  private DisposableDomains disposableDomainLists() throws IOException {
    DisposableDomains base =
        disposableDomainsReplacement != null
            ? DisposableDomains.load(disposableDomainsReplacement)
            : DisposableDomains.defaults();
    return disposableDomains != null
        ? base.extendedWith(DisposableDomains.load(disposableDomains))
        : base;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    validate();
    if (describe) {
      out.println(RandomUserPipeline.PIPELINE.describe());
    }
    RunProgress running = new RunProgress(RandomUserPipeline.RAW.id(), RandomUserPipeline.PIPELINE);
    MedallionRuntime.Builder builder =
        MedallionRuntime.builder()
            .lake(lake)
            .catalog(catalog.toConfig(spec, lake))
            .observer(running);
    if (disposableDomains != null || disposableDomainsReplacement != null) {
      builder.emailValidator(
          EmailValidator.builder().disposableDomains(disposableDomainLists()).build());
    }
    if (audit) {
      builder.writeAuditPublish(WriteAuditPublish.everyTable());
    }
    // Alerts name a table's report only where this command writes it: <lake>/reports/<table>.
    alertOptions.configure(
        spec, builder, reports == null && !noReport ? lake.resolve("reports") : null);
    try {
      return run(builder, running, out);
    } catch (RuntimeException | IOException e) {
      if (summaryJson != null && running.runId().isPresent()) {
        SummaryOutput.writeFailure(summaryJson, running.runId().get(), e);
      }
      throw e;
    }
  }

  private int run(MedallionRuntime.Builder builder, RunProgress running, PrintWriter out)
      throws IOException {
    try (MedallionRuntime runtime = Preflight.open(builder)) {
      CountedSource source =
          CountedSource.of(
              inputs != null
                  ? JsonSource.files(inputs)
                  : api ? fromApi() : generated(runtime.lake()));
      running.reading(source);
      progress(out, "ingesting into bronze, building silver and gold ...");
      long started = System.nanoTime();
      RunResult run;
      try (ProgressLine line =
          ProgressLine.start(
              out,
              progressOptions.mode(),
              () -> running.line(Duration.ofNanos(System.nanoTime() - started)))) {
        // One call: silver takes each record from the ingestion instead of reading bronze back.
        run = runtime.run(RandomUserPipeline.PIPELINE, RandomUserPipeline.RAW, source.source());
      }
      TableRun bronze = run.table(RandomUserPipeline.RAW.id());
      progress(
          out,
          "bronze: " + bronze.written() + " records, " + bronze.quarantined() + " dead letters");
      bronze.skipped().forEach(skipped -> progress(out, "bronze: " + skipped));
      for (TableRun table : run.tables()) {
        if (table != bronze) {
          progress(out, describe(table));
        }
      }
      LakeSummary summary = LakeSummary.of(runtime, RandomUserPipeline.PIPELINE);
      SummaryOutput.print(out, summary);
      ReportFiles.Written report = writeReport(runtime, run);
      if (report != null) {
        out.println(
            "Quality report: "
                + report.html()
                + " (also "
                + report.markdown().getFileName()
                + ", "
                + report.json().getFileName()
                + ")");
      }
      if (summaryJson != null) {
        SummaryOutput.writeJson(
            summaryJson,
            run.runId(),
            running.pendingAudits().isEmpty() ? "succeeded" : "audit-pending",
            summary,
            run.tables(),
            report);
        out.println("Summary JSON: " + summaryJson.toAbsolutePath());
      }
      if (!running.pendingAudits().isEmpty()) {
        out.println(
            "Audit pending: "
                + running.pendingAudits().stream().map(TableId::toString).sorted().toList()
                + " failed their checks and wait on branch audit-"
                + run.runId()
                + "; main is unchanged. See 'audits --lake "
                + lake
                + " show "
                + run.runId()
                + "', then publish or discard.");
        out.flush();
        return ExitCode.QUALITY_GATE.code();
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** Checks every option and path before the lake is created, so a bad command leaves none. */
  private void validate() {
    if (inputs != null && api) {
      throw new ParameterException(spec.commandLine(), "--input and --api cannot be combined");
    }
    if (users < 1) {
      throw new ParameterException(spec.commandLine(), "--users must be >= 1, got " + users);
    }
    if (pageSize < 1 || pageSize > RandomUserRequest.MAX_RESULTS) {
      throw new ParameterException(
          spec.commandLine(),
          "--page-size must be 1 to " + RandomUserRequest.MAX_RESULTS + ", got " + pageSize);
    }
    if (inputs != null) {
      inputs.forEach(file -> Preflight.inputFile(file, "--input"));
    }
    if (disposableDomains != null) {
      Preflight.inputFile(disposableDomains, "--disposable-domains");
    }
    Preflight.writableLake(lake);
  }

  private JsonSource generated(Path lakeFolder) throws IOException {
    Path landing = lakeFolder.resolve("landing");
    Files.createDirectories(landing);
    Path file = landing.resolve("randomuser-seed" + seed + "-" + users + ".ndjson");
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      RandomUserGenerator.withSeed(seed).writeNdjson(writer, users);
    }
    progress(spec.commandLine().getOut(), "generated " + users + " users into " + file);
    return JsonSource.file(file);
  }

  private ReportFiles.Written writeReport(MedallionRuntime runtime, RunResult run)
      throws IOException {
    if (noReport) {
      return null;
    }
    TableId users = RandomUserPipeline.USERS.id();
    QualityReport report = run.report(users).orElse(null);
    if (report == null) {
      return null;
    }
    Path dir =
        reports != null ? reports : runtime.lake().resolve("reports").resolve(users.toString());
    return ReportFiles.write(report, history(runtime, users), dir);
  }

  /**
   * The table's recent run log rows and alerts; the report is still written when they cannot be
   * read.
   */
  private RunHistory history(MedallionRuntime runtime, TableId table) {
    RunLogQuery recent = RunLogQuery.builder().table(table).last(HISTORY_RUNS).build();
    try {
      return new RunHistory(runtime.runs(recent), runtime.alerts(recent));
    } catch (RuntimeException e) {
      progress(
          spec.commandLine().getOut(), "run history left out of the report: " + e.getMessage());
      return RunHistory.NONE;
    }
  }

  private JsonSource fromApi() {
    RandomUserClient client = RandomUserClient.builder().baseUri(apiUrl).build();
    int perPage = Math.min(pageSize, users);
    int pages = (users + perPage - 1) / perPage;
    List<JsonSource.Part> parts = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      RandomUserRequest request =
          RandomUserRequest.builder()
              .results(perPage)
              .page(page)
              .seed(Long.toString(seed))
              .version(RandomUserGenerator.VERSION)
              .build();
      parts.add(new ApiPage(client, request, request.toUri(client.baseUri()).toString()));
    }
    progress(spec.commandLine().getOut(), "fetching " + pages + " pages from " + apiUrl);
    return JsonSource.of(parts);
  }

  /** One API page, fetched with the client's retries when bronze reads it. */
  private record ApiPage(RandomUserClient client, RandomUserRequest request, String name)
      implements JsonSource.Part {
    @Override
    public InputStream open() {
      return client.fetch(request);
    }
  }

  private static String describe(TableRun run) {
    if (!run.committed()) {
      return run.table() + ": nothing new";
    }
    return switch (run.layer()) {
      case SILVER ->
          run.table()
              + ": read "
              + run.read()
              + ", kept "
              + run.written()
              + ", quarantined "
              + run.quarantined()
              + ", duplicates "
              + run.duplicates()
              + ", replaced "
              + run.replaced();
      default -> run.table() + ": " + run.written() + " rows from " + run.read();
    };
  }

  private void progress(PrintWriter out, String message) {
    progressOptions.step(out, message);
  }
}
