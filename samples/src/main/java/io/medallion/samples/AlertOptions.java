package io.medallion.samples;

import io.medallion.ValidationException;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.alert.Alerting;
import io.medallion.core.alert.FileAlertSink;
import io.medallion.core.alert.WebhookAlertSink;
import io.medallion.core.observe.HttpEndpoint;
import io.medallion.core.spi.AlertSink;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The alert options of the commands that run a pipeline: where alerts go besides the lake's alert
 * log, and the quarantine share that raises one.
 */
final class AlertOptions {
  @Option(
      names = "--alert-file",
      paramLabel = "FILE",
      description = "Also append each alert to this file as a line of JSON.")
  Path file;

  @Option(
      names = "--alert-webhook",
      paramLabel = "URL",
      description = "Also POST each alert as JSON to this URL (repeatable).")
  List<URI> webhooks = new ArrayList<>();

  @Option(
      names = "--alert-slack",
      paramLabel = "URL",
      description = "Also POST each alert as a Slack message to this incoming-webhook URL.")
  List<URI> slack = new ArrayList<>();

  @Option(
      names = "--alert-quarantine-above",
      paramLabel = "SHARE",
      description =
          "Raise an alert when a batch quarantines more than this share of its rows, in (0, 1],"
              + " e.g. 0.05.")
  Double quarantineAbove;

  /**
   * Sets the runtime's alerting: every alert is recorded in the lake's alert log, and sent to the
   * sinks these options name.
   *
   * @param spec the command, for errors
   * @param builder the runtime being configured
   * @param reports the folder holding one report folder per table, named in the alerts; null when
   *     reports are not written there
   * @throws ParameterException when a share is out of range or a URL is not http(s)
   */
  void configure(CommandSpec spec, MedallionRuntime.Builder builder, Path reports) {
    List<AlertSink> sinks = new ArrayList<>();
    if (file != null) {
      sinks.add(new FileAlertSink(file));
    }
    for (URI uri : webhooks) {
      sinks.add(WebhookAlertSink.json(endpoint(spec, "--alert-webhook", uri)));
    }
    for (URI uri : slack) {
      sinks.add(WebhookAlertSink.slack(endpoint(spec, "--alert-slack", uri)));
    }
    Alerting.Builder alerting =
        sinks.isEmpty()
            ? Alerting.builder()
            : Alerting.builder(
                sinks.get(0), sinks.subList(1, sinks.size()).toArray(AlertSink[]::new));
    if (quarantineAbove != null) {
      if (!(quarantineAbove > 0 && quarantineAbove <= 1)) {
        throw new ParameterException(
            spec.commandLine(),
            "--alert-quarantine-above must be a share in (0, 1], got " + quarantineAbove);
      }
      alerting.quarantineAbove(quarantineAbove);
    }
    if (reports != null) {
      alerting.reportsAt(reports);
    }
    builder.alerts(alerting.build());
  }

  private static HttpEndpoint endpoint(CommandSpec spec, String option, URI uri) {
    try {
      return HttpEndpoint.builder(uri).build();
    } catch (ValidationException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
