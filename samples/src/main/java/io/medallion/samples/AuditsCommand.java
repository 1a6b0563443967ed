package io.medallion.samples;

import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.audit.Audits;
import io.medallion.core.audit.PendingAudit;
import io.medallion.core.report.ReportMarkdown;
import io.medallion.report.QualityReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Lists the RandomUser lake's pending audits (runs written to audit branches whose checks failed)
 * and shows, publishes or discards one.
 */
@Command(
    name = "audits",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditsCommand.Show.class,
      AuditsCommand.Publish.class,
      AuditsCommand.Discard.class
    },
    description = {
      "Lists the pending audits of the RandomUser lake: runs with write-audit-publish whose"
          + " checks failed, so their snapshots wait on the branch audit-RUN and main is"
          + " unchanged. Each line gives the run id, the tables and the failed checks.",
      "show RUN prints its quality report; publish RUN --reason TEXT publishes it anyway and"
          + " records the reason; discard RUN removes its branches."
    })
final class AuditsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Lake lake = new Lake();

  @Override
  public Integer call() {
    return lake.withAudits(
        spec,
        (audits, out) -> {
          List<PendingAudit> pending = audits.pending();
          for (PendingAudit audit : pending) {
            out.printf("%s  %s%n", audit.runId(), audit.tables());
            audit.failedChecks().forEach(check -> out.println("    failed: " + check));
          }
          out.printf("%d pending audits%n", pending.size());
        });
  }

  /** The lake and catalog options every audits command takes. */
  static final class Lake {
    @Option(
        names = "--lake",
        defaultValue = "lakehouse",
        description = "Lake folder (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Mixin CatalogOptions catalog = new CatalogOptions();

    /** Opens the lake's runtime, hands over its audits and prints what the action printed. */
    int withAudits(CommandSpec spec, BiConsumer<Audits, PrintWriter> action) {
      PrintWriter out = spec.commandLine().getOut();
      CatalogConfig config = catalog.toConfig(spec, folder);
      Preflight.existingLake(folder, config, "no audits to look at");
      try (MedallionRuntime runtime =
          Preflight.open(MedallionRuntime.builder().lake(folder).catalog(config))) {
        action.accept(runtime.audits(RandomUserPipeline.PIPELINE), out);
      }
      out.flush();
      return 0;
    }
  }

  /** A command on one pending audit, named by its run id. */
  abstract static class OnRun implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Lake lake = new Lake();

    @Parameters(paramLabel = "RUN", description = "The run id, as audits lists it.")
    String runId;

    @Override
    public Integer call() {
      return lake.withAudits(spec, (audits, out) -> act(audits, pending(audits, runId), out));
    }

    /** Does the command's work on the pending audit and prints what it did. */
    abstract void act(Audits audits, PendingAudit audit, PrintWriter out);
  }

  /** Prints the quality report a pending audit's silver tables had. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints a pending audit's failed checks and quality report.")
  static final class Show extends OnRun {
    @Override
    void act(Audits audits, PendingAudit audit, PrintWriter out) {
      out.printf("Audit %s on branch %s: %s%n", runId, audit.branch(), audit.tables());
      audit.failedChecks().forEach(check -> out.println("failed: " + check));
      Map<TableId, QualityReport> reports = audits.reports(runId);
      reports.values().forEach(report -> out.println(ReportMarkdown.render(report)));
      if (reports.isEmpty()) {
        out.println("No quality report was kept for this audit.");
      }
    }
  }

  /** Publishes a pending audit although its checks failed. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description =
          "Publishes a pending audit anyway: main is fast-forwarded to the audit branch, upstream"
              + " tables first, and the reason is recorded in each table's history.")
  static final class Publish extends OnRun {
    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why the failed checks are overruled; kept in the snapshot summary.")
    String reason;

    @Override
    void act(Audits audits, PendingAudit audit, PrintWriter out) {
      out.printf("Published audit %s: %s%n", runId, audits.publish(runId, reason));
    }
  }

  /** Removes a pending audit's branches. */
  @Command(
      name = "discard",
      mixinStandardHelpOptions = true,
      description =
          "Discards a pending audit: removes its branches; main is unchanged and maintain's"
              + " snapshot expiry removes the audit's snapshots and the files only they used.")
  static final class Discard extends OnRun {
    @Override
    void act(Audits audits, PendingAudit audit, PrintWriter out) {
      out.printf("Discarded audit %s: %s%n", runId, audits.discard(runId));
    }
  }

  /** The pending audit of a run, or a failure naming the runs that are pending. */
  private static PendingAudit pending(Audits audits, String runId) {
    return audits
        .find(runId)
        .orElseThrow(
            () ->
                new CliFailure(
                    ExitCode.RUN_FAILED,
                    "No pending audit of run "
                        + runId
                        + "; pending: "
                        + audits.pending().stream().map(PendingAudit::runId).toList()));
  }
}
