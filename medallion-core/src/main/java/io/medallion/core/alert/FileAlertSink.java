package io.medallion.core.alert;

import io.medallion.core.internal.alert.AlertJson;
import io.medallion.core.internal.deliver.JsonLines;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Appends alerts to a file as JSON lines, one alert per line with the fields {@code runId,
 * pipeline, table, kind, severity, summary, details, report, at}; the file and its folder are
 * created when the first alert comes. Several runtimes may append to the same file.
 *
 * <pre>{@code
 * MedallionRuntime.builder().alerts(new FileAlertSink(Path.of("lakehouse", "alerts.jsonl"))).build();
 * }</pre>
 */
public final class FileAlertSink implements AlertSink {
  private final JsonLines lines;

  /**
   * Creates the sink.
   *
   * @param file the JSON-lines file
   */
  public FileAlertSink(Path file) {
    this.lines = new JsonLines(file);
  }

  @Override
  public void send(Alert alert) throws IOException {
    lines.append(AlertJson.document(alert));
  }

  @Override
  public String toString() {
    return "file(" + lines.file() + ")";
  }
}
