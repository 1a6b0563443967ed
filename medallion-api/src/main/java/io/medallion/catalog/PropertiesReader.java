package io.medallion.catalog;

import io.medallion.Problems;
import io.medallion.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns flat settings (a properties file, command-line options) into a {@link CatalogConfig}. */
final class PropertiesReader {
  static final List<String> KNOWN =
      List.of(
          "type",
          "lake",
          "name",
          "uri",
          "warehouse",
          "jdbc.user",
          "jdbc.password",
          "rest.token",
          "rest.oauth.client-id",
          "rest.oauth.client-secret",
          "rest.oauth.scope",
          "rest.oauth.server-uri",
          "rest.sigv4.region",
          "rest.sigv4.signing-name",
          "glue.region",
          "glue.catalog-id",
          "glue.endpoint",
          "s3.endpoint",
          "s3.region",
          "s3.path-style-access",
          "s3.access-key-id",
          "s3.secret-access-key");
  private static final String ICEBERG_PREFIX = "iceberg.";
  private static final String ENV_PREFIX = "env:";
  private static final String TYPES = "embedded, jdbc, rest, glue, hadoop";

  /** The prefixes of the settings each type reads, besides type, name and iceberg.*. */
  private static final Map<String, List<String>> APPLIES =
      Map.of(
          "embedded", List.of("lake"),
          "jdbc", List.of("uri", "warehouse", "jdbc.", "s3."),
          "rest", List.of("uri", "warehouse", "rest.", "s3."),
          "glue", List.of("warehouse", "glue.", "s3."),
          "hadoop", List.of("warehouse", "s3."));

  private PropertiesReader() {}

  static CatalogConfig read(Map<String, String> values) {
    Map<String, String> v = new TreeMap<>(values);
    Problems problems = new Problems();
    v.keySet().stream()
        .filter(key -> !KNOWN.contains(key) && !key.startsWith(ICEBERG_PREFIX))
        .forEach(
            key ->
                problems.add(
                    "unknown setting '"
                        + key
                        + "'; known: "
                        + String.join(", ", KNOWN)
                        + ", iceberg.<property>"));
    String type = v.get("type");
    if (type == null) {
      problems.add("type is required; allowed: " + TYPES);
    } else if (!APPLIES.containsKey(type)) {
      problems.add("type '" + type + "' is not a catalog type; allowed: " + TYPES);
    } else {
      inapplicable(v, type, problems);
    }
    requires(v, problems, "rest.oauth.client-secret", "rest.oauth.client-id");
    requires(v, problems, "rest.sigv4.signing-name", "rest.sigv4.region");
    requires(v, problems, "jdbc.password", "jdbc.user");
    requires(v, problems, "s3.secret-access-key", "s3.access-key-id");
    CatalogConfigBuilder<?, ?> builder = type == null ? null : builder(type, v, problems);
    CatalogConfig config = null;
    if (builder != null) {
      if (v.containsKey("name")) {
        builder.name(v.get("name"));
      }
      v.forEach(
          (key, value) -> {
            if (key.startsWith(ICEBERG_PREFIX)) {
              builder.property(key.substring(ICEBERG_PREFIX.length()), value);
            }
          });
      try {
        config = builder.build();
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    problems.throwIfAny(
        "catalog '" + v.getOrDefault("name", CatalogConfig.DEFAULT_NAME) + "' (" + type + ")");
    return config;
  }

  /** Settings that would be silently ignored are mistakes: say so. */
  private static void inapplicable(Map<String, String> v, String type, Problems problems) {
    List<String> applies = APPLIES.get(type);
    for (String key : v.keySet()) {
      boolean shared = key.equals("type") || key.equals("name") || key.startsWith(ICEBERG_PREFIX);
      if (shared || !KNOWN.contains(key) || applies.stream().anyMatch(key::startsWith)) {
        continue;
      }
      if (key.equals("lake")) {
        problems.add("lake applies to the embedded catalog only");
      } else if (type.equals("embedded") && (key.equals("uri") || key.equals("warehouse"))) {
        problems.add(
            key
                + " does not apply to the embedded catalog (SQLite and data in the lake folder);"
                + " choose type jdbc, rest, glue or hadoop for another "
                + key);
      } else {
        problems.add(key + " does not apply to a " + type + " catalog");
      }
    }
  }

  private static void requires(
      Map<String, String> v, Problems problems, String setting, String needed) {
    problems.check(!v.containsKey(setting) || v.containsKey(needed), setting + " needs " + needed);
  }

  /** The builder for a type with its own settings applied, or null when a required one is bad. */
  private static CatalogConfigBuilder<?, ?> builder(
      String type, Map<String, String> v, Problems problems) {
    return switch (type) {
      case "embedded" -> embedded(v, problems);
      case "jdbc" -> jdbc(v, problems);
      case "rest" -> rest(v, problems);
      case "glue" -> glue(v, problems);
      case "hadoop" ->
          HadoopCatalogConfig.builder(required(v, "warehouse", problems))
              .storage(storage(v, problems));
      default -> null;
    };
  }

  private static EmbeddedCatalogConfig.Builder embedded(Map<String, String> v, Problems problems) {
    String lake = v.get("lake");
    if (lake == null) {
      problems.add("lake is required for the embedded catalog (a folder)");
      return null;
    }
    return EmbeddedCatalogConfig.builder(Path.of(lake));
  }

  private static JdbcCatalogConfig.Builder jdbc(Map<String, String> v, Problems problems) {
    JdbcCatalogConfig.Builder builder =
        JdbcCatalogConfig.builder(required(v, "uri", problems), v.getOrDefault("warehouse", ""))
            .storage(storage(v, problems));
    if (v.containsKey("jdbc.user")) {
      builder.credentials(v.get("jdbc.user"), secret(v.getOrDefault("jdbc.password", "")));
    }
    return builder;
  }

  private static RestCatalogConfig.Builder rest(Map<String, String> v, Problems problems) {
    URI uri = uri(v, "uri", problems);
    if (uri == null) {
      problems.check(v.containsKey("uri"), "uri is required for a rest catalog");
      return null;
    }
    RestCatalogConfig.Builder builder =
        RestCatalogConfig.builder(uri).storage(storage(v, problems));
    if (v.containsKey("warehouse")) {
      builder.warehouse(v.get("warehouse"));
    }
    if (v.containsKey("rest.token")) {
      builder.token(secret(v.get("rest.token")));
    }
    if (v.containsKey("rest.oauth.client-id")) {
      builder.oauth(
          v.get("rest.oauth.client-id"), secret(v.getOrDefault("rest.oauth.client-secret", "")));
    }
    if (v.containsKey("rest.oauth.scope")) {
      builder.scope(v.get("rest.oauth.scope"));
    }
    URI tokenEndpoint = uri(v, "rest.oauth.server-uri", problems);
    if (tokenEndpoint != null) {
      builder.oauthServerUri(tokenEndpoint);
    }
    if (v.containsKey("rest.sigv4.region")) {
      builder.sigv4(v.get("rest.sigv4.region"), v.getOrDefault("rest.sigv4.signing-name", "glue"));
    }
    return builder;
  }

  private static GlueCatalogConfig.Builder glue(Map<String, String> v, Problems problems) {
    GlueCatalogConfig.Builder builder =
        GlueCatalogConfig.builder(
                required(v, "glue.region", problems), v.getOrDefault("warehouse", ""))
            .storage(storage(v, problems));
    if (v.containsKey("glue.catalog-id")) {
      builder.catalogId(v.get("glue.catalog-id"));
    }
    URI endpoint = uri(v, "glue.endpoint", problems);
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    return builder;
  }

  private static StorageConfig storage(Map<String, String> v, Problems problems) {
    StorageConfig storage = StorageConfig.defaults();
    URI endpoint = uri(v, "s3.endpoint", problems);
    if (endpoint != null) {
      storage = storage.endpoint(endpoint);
    }
    if (v.containsKey("s3.region")) {
      storage = storage.region(v.get("s3.region"));
    }
    String pathStyle = v.get("s3.path-style-access");
    if (pathStyle != null) {
      problems.check(
          pathStyle.equals("true") || pathStyle.equals("false"),
          "s3.path-style-access '" + pathStyle + "' must be true or false");
      storage = storage.pathStyleAccess(Boolean.parseBoolean(pathStyle));
    }
    if (v.containsKey("s3.access-key-id")) {
      storage =
          storage.credentials(
              v.get("s3.access-key-id"), secret(v.getOrDefault("s3.secret-access-key", "")));
    }
    return storage;
  }

  private static String required(Map<String, String> v, String key, Problems problems) {
    String value = v.get(key);
    problems.check(value != null, key + " is required for a " + v.get("type") + " catalog");
    return value == null ? "" : value;
  }

  private static URI uri(Map<String, String> v, String key, Problems problems) {
    String value = v.get(key);
    if (value == null) {
      return null;
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      problems.add(key + " '" + value + "' is not a URI: " + e.getReason());
      return null;
    }
  }

  private static Secret secret(String value) {
    return value.startsWith(ENV_PREFIX)
        ? Secret.fromEnv(value.substring(ENV_PREFIX.length()))
        : Secret.of(value);
  }
}
