package io.medallion.core.internal.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medallion.TableId;
import io.medallion.core.spi.Alert;

/**
 * Alerts as JSON: the document the file and webhook sinks write, and the Slack-compatible message.
 *
 * <pre>{@code
 * ObjectNode json = AlertJson.document(alert); // {"runId": ..., "kind": "quality-gate", ...}
 * }</pre>
 */
public final class AlertJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertJson() {}

  /**
   * Returns every field of an alert; absent table and report are null.
   *
   * @param alert the alert
   * @return {@code runId, pipeline, table, kind, severity, summary, details, report, at}
   */
  public static ObjectNode document(Alert alert) {
    ObjectNode node = JSON.createObjectNode();
    node.put("runId", alert.runId());
    node.put("pipeline", alert.pipeline());
    node.put("table", alert.table().map(TableId::toString).orElse(null));
    node.put("kind", alert.kind().label());
    node.put("severity", alert.severity().name());
    node.put("summary", alert.summary());
    ArrayNode details = node.putArray("details");
    alert.details().forEach(details::add);
    node.put("report", alert.report().orElse(null));
    node.put("at", alert.at().toString());
    return node;
  }

  /**
   * Returns a message that Slack (and Mattermost, Teams workflows, Discord's Slack endpoint)
   * accepts: its text is the alert's line followed by up to five details.
   *
   * @param alert the alert
   * @return {@code {"text": ...}}
   */
  public static ObjectNode slack(Alert alert) {
    StringBuilder text = new StringBuilder(alert.text());
    alert.details().stream().limit(5).forEach(line -> text.append("\n• ").append(line));
    if (alert.details().size() > 5) {
      text.append("\n… ").append(alert.details().size() - 5).append(" more");
    }
    return JSON.createObjectNode().put("text", text.toString());
  }
}
