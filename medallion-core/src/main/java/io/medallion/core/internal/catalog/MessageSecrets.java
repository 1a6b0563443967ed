package io.medallion.core.internal.catalog;

import io.medallion.catalog.CatalogConfig;
import java.util.regex.Pattern;

/**
 * Masks secrets in a failure's message before it is kept where others read it, such as the run log:
 * everything {@link CatalogFailures} masks (the catalog's own secret values wherever a client
 * echoed them, passwords in URLs, {@code password=}, {@code secret=} and {@code token=} values),
 * plus AWS access key ids, bearer tokens and any {@code name=value} or JSON {@code "name": "value"}
 * whose name says it holds a secret or key.
 *
 * <pre>{@code
 * new MessageSecrets(config).scrub("GET https://u:pw@host/x?api_key=k1 failed");
 * // "GET https://u:****@host/x?api_key=**** failed"
 * }</pre>
 */
public final class MessageSecrets {
  private static final String SECRET_NAME =
      "[\\w.-]*(?:password|passwd|secret|token|credential|api[_.-]?key|access[_.-]?key)[\\w.-]*";
  private static final Pattern SECRET_SETTING =
      Pattern.compile("(?i)(" + SECRET_NAME + "=)[^\\s&;,'\"]+");
  private static final Pattern SECRET_JSON_FIELD =
      Pattern.compile("(?i)(\"" + SECRET_NAME + "\"\\s*:\\s*\")[^\"]*");
  private static final Pattern AWS_ACCESS_KEY_ID =
      Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b");
  private static final Pattern BEARER_TOKEN =
      Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/-]+=*");
  private static final String MASK = "****";

  private final CatalogConfig config;

  /**
   * Masks the secrets of one runtime's catalog and the well-known kinds.
   *
   * @param config the runtime's catalog configuration, whose secret values are masked too
   */
  public MessageSecrets(CatalogConfig config) {
    this.config = config;
  }

  /**
   * Returns the text with every secret it holds replaced by {@code ****}.
   *
   * @param text a failure's message
   * @return the masked text
   */
  public String scrub(String text) {
    String masked = CatalogFailures.scrub(text, config);
    masked = SECRET_SETTING.matcher(masked).replaceAll("$1" + MASK);
    masked = SECRET_JSON_FIELD.matcher(masked).replaceAll("$1" + MASK);
    masked = AWS_ACCESS_KEY_ID.matcher(masked).replaceAll(MASK);
    return BEARER_TOKEN.matcher(masked).replaceAll("$1" + MASK);
  }
}
