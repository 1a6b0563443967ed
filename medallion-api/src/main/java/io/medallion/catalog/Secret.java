package io.medallion.catalog;

import java.util.Objects;
import java.util.Optional;

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

  @Override
  public String toString() {
    return "literal".equals(origin) ? "****" : origin + " (****)";
  }
}
