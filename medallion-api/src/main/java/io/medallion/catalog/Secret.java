package io.medallion.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A password, token or key. It never shows its value in {@code toString()}, so configurations can
 * be logged safely; only the connector that needs it calls {@link #reveal()}.
 *
 * <pre>{@code
 * Secret token = Secret.fromEnv("POLARIS_TOKEN");
 * log.info("token: {}", token); // prints "env:POLARIS_TOKEN (****)"
 * }</pre>
 */
public final class Secret {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:password|secret|token)=)[^&;\\s]*");
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(//[^/@:\\s]+:)[^/@\\s]*@");
  private static final String[] SECRET_WORDS = {
    "secret", "token", "password", "credential", "jaas"
  };

  private final String value;
  private final String origin;

  private Secret(String value, String origin) {
    this.value = value;
    this.origin = origin;
  }

  /**
   * Wraps a literal value.
   *
   * @param value the secret value
   * @return the secret
   */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"), "literal");
  }

  /**
   * Reads an environment variable now; a missing variable is reported when the configuration is
   * validated, naming the variable.
   *
   * @param variable the environment variable
   * @return the secret, possibly unset
   */
  public static Secret fromEnv(String variable) {
    return new Secret(
        System.getenv(Objects.requireNonNull(variable, "variable")), "env:" + variable);
  }

  /**
   * Tells whether the secret has a value.
   *
   * @return false when it came from an unset environment variable
   */
  public boolean isSet() {
    return value != null && !value.isEmpty();
  }

  /**
   * Returns where the secret came from: {@code literal} or {@code env:NAME}.
   *
   * @return the origin, safe to print
   */
  public String origin() {
    return origin;
  }

  /**
   * Returns the value, for the code that authenticates with it.
   *
   * @return the value, or empty when unset
   */
  public Optional<String> reveal() {
    return Optional.ofNullable(value);
  }

  /**
   * Masks the passwords a URL may carry, as user info or as a query parameter.
   *
   * <pre>{@code
   * Secret.maskUrl("jdbc:postgresql://db/c?user=u&password=pw"); // "...&password=****"
   * }</pre>
   *
   * @param url a URL or any text holding URLs
   * @return the text with {@code user:password@} and {@code password=}, {@code secret=}, {@code
   *     token=} values replaced by {@code ****}
   */
  public static String maskUrl(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
    return PASSWORD_IN_URL.matcher(masked).replaceAll("$1****@");
  }

  /**
   * Tells whether a setting's name says it holds a secret, so its value is never shown.
   *
   * @param key a setting or property name, e.g. {@code header.X-Api-Token}
   * @return true when it names a secret, token, password, credential, JAAS configuration or key
   */
  public static boolean isSecretSetting(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return lower.endsWith("key");
  }

  @Override
  public String toString() {
    return "literal".equals(origin) ? "****" : origin + " (****)";
  }
}
