package io.medallion.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Renders configurations for logs: every secret masked, unset settings left out. */
final class ConfigText {
  private final Map<String, Object> shown = new LinkedHashMap<>();

  private ConfigText(CatalogConfig config) {
    shown.put("type", kind(config));
    shown.put("name", config.name());
  }

  static ConfigText of(CatalogConfig config) {
    return new ConfigText(config);
  }

  static String kind(CatalogConfig config) {
    return config instanceof EmbeddedCatalogConfig ? "embedded" : config.type().label();
  }

  ConfigText with(String key, Object value) {
    shown.put(key, value instanceof Optional<?> optional ? optional.orElse(null) : value);
    return this;
  }

  String render(CatalogConfig config) {
    shown.values().removeIf(Objects::isNull);
    Map<String, String> extra = new TreeMap<>();
    config
        .properties()
        .forEach((key, value) -> extra.put(key, Secret.isSecretSetting(key) ? "****" : value));
    if (!extra.isEmpty()) {
      shown.put("properties", extra);
    }
    if (config.storage() != StorageConfig.defaults()) {
      shown.put("storage", config.storage());
    }
    return "CatalogConfig" + shown;
  }
}
