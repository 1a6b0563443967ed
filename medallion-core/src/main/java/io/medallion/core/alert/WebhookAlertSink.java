package io.medallion.core.alert;

import io.medallion.core.internal.alert.AlertJson;
import io.medallion.core.internal.deliver.HttpPoster;
import io.medallion.core.observe.HttpEndpoint;
import io.medallion.core.spi.Alert;
import io.medallion.core.spi.AlertSink;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Posts alerts as JSON to a webhook: the alert's fields (as {@link FileAlertSink} writes them), or
 * a Slack-compatible {@code {"text": ...}} message. Each alert is tried within the endpoint's
 * limits (by default 3 attempts of at most 3 seconds each); when every attempt fails, the runtime
 * logs the alert in full, so it is never lost silently and the run goes on.
 *
 * <pre>{@code
 * AlertSink slack =
 *     WebhookAlertSink.slack(
 *         HttpEndpoint.builder(URI.create(System.getenv("SLACK_WEBHOOK_URL"))).build());
 * AlertSink hook =
 *     WebhookAlertSink.json(
 *         HttpEndpoint.builder(URI.create("https://ops.example.com/hooks/medallion"))
 *             .header("Authorization", Secret.fromEnv("OPS_HOOK_TOKEN"))
 *             .build());
 * }</pre>
 */
public final class WebhookAlertSink implements AlertSink {
  private final HttpEndpoint endpoint;
  private final boolean slack;
  private final HttpPoster poster;

  private WebhookAlertSink(HttpEndpoint endpoint, boolean slack) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.slack = slack;
    this.poster = new HttpPoster(endpoint);
  }

  /**
   * Posts each alert's fields as a JSON object.
   *
   * @param endpoint where to post, with its limits
   * @return the sink
   */
  public static WebhookAlertSink json(HttpEndpoint endpoint) {
    return new WebhookAlertSink(endpoint, false);
  }

  /**
   * Posts each alert as {@code {"text": ...}}, the payload of Slack's incoming webhooks.
   *
   * @param endpoint the webhook URL, with its limits
   * @return the sink
   */
  public static WebhookAlertSink slack(HttpEndpoint endpoint) {
    return new WebhookAlertSink(endpoint, true);
  }

  /**
   * Posts each alert's fields to a URI with the default limits and no headers.
   *
   * <pre>{@code
   * WebhookAlertSink.json(URI.create("http://localhost:8080/alerts"));
   * }</pre>
   *
   * @param uri where to post
   * @return the sink
   */
  public static WebhookAlertSink json(URI uri) {
    return json(HttpEndpoint.builder(uri).build());
  }

  @Override
  public void send(Alert alert) throws IOException {
    poster.post(
        slack ? AlertJson.slack(alert) : AlertJson.document(alert),
        "alert " + alert.kind().label() + " of run " + alert.runId());
  }

  @Override
  public String toString() {
    return (slack ? "slack(" : "webhook(") + endpoint + ")";
  }
}
