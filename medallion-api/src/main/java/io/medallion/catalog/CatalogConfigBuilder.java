package io.medallion.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every catalog builder shares: the name, Iceberg properties passed as is, and the rule that a
 * setting is given once. Giving one twice is a problem reported by {@link #build()}, not a silent
 * overwrite; a builder from {@code toBuilder()} starts with the configuration's values, which may
 * each be replaced once.
 *
 * <pre>{@code
 * JdbcCatalogConfig config = JdbcCatalogConfig.builder(url, "s3://lake/medallion")
 *     .name("prod")
 *     .property("jdbc.schema-version", "V1")
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder
 * @param <C> the configuration it builds
 */
public abstract class CatalogConfigBuilder<
    B extends CatalogConfigBuilder<B, C>, C extends CatalogConfig> {
  private final Set<String> given = new HashSet<>();
  private final List<String> problems = new ArrayList<>();
  private String name;
  private final Map<String, String> properties;

  CatalogConfigBuilder(String name, Map<String, String> properties) {
    this.name = name;
    this.properties = new LinkedHashMap<>(properties);
  }

  /**
   * Names the catalog, as Iceberg and logs show it; the default is {@value
   * CatalogConfig#DEFAULT_NAME}.
   *
   * @param catalogName letters, digits, {@code _} or {@code -}
   * @return this builder
   */
  public final B name(String catalogName) {
    this.name = once("name", catalogName);
    return self();
  }

  /**
   * Passes an Iceberg catalog property as is: the escape hatch for settings the configuration does
   * not model.
   *
   * @param key the Iceberg property
   * @param value its value
   * @return this builder
   */
  public final B property(String key, String value) {
    Objects.requireNonNull(value, "value");
    properties.put(once("iceberg." + Objects.requireNonNull(key, "key"), key), value);
    return self();
  }

  /**
   * Builds the configuration.
   *
   * @return the configuration, complete and consistent
   * @throws io.medallion.ValidationException listing every problem, a setting given twice included
   */
  public final C build() {
    C config = make(name, properties);
    ConfigChecks.throwIfAny(config, problems);
    return config;
  }

  /** Makes the configuration from the shared settings and the concrete builder's own. */
  abstract C make(String catalogName, Map<String, String> icebergProperties);

  /**
   * Records that a setting was given; a second time is a problem. The value is never echoed: it may
   * be a secret.
   */
  final <T> T once(String setting, T value) {
    Objects.requireNonNull(value, setting);
    if (!given.add(setting)) {
      problems.add(setting + " is given twice; give each setting once");
    }
    return value;
  }

  /** Reports a combination of settings the configuration cannot hold. */
  final void problem(String message) {
    problems.add(message);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
