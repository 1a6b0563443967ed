package io.medallion.catalog;

import io.medallion.Problems;
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
    inapplicable(v, problems);
    CatalogConfig config = base(v, problems);
    if (config == null) {
      problems.throwIfAny("catalog settings");
      throw new IllegalStateException("unreachable: a missing base is always a problem");
    }
    if (v.containsKey("name")) {
      config = config.name(v.get("name"));
    }
    if (v.containsKey("warehouse") && !"embedded".equals(v.get("type"))) {
      config = config.warehouse(v.get("warehouse"));
    }
    if (v.containsKey("jdbc.user")) {
      config = config.credentials(v.get("jdbc.user"), secret(v.getOrDefault("jdbc.password", "")));
    }
    if (v.containsKey("rest.token")) {
      config = config.token(secret(v.get("rest.token")));
    }
    if (v.containsKey("rest.oauth.client-id")) {
      config =
          config.oauth(
              v.get("rest.oauth.client-id"),
              secret(v.getOrDefault("rest.oauth.client-secret", "")));
    }
    if (v.containsKey("rest.oauth.scope")) {
      config = config.scope(v.get("rest.oauth.scope"));
    }
    URI tokenEndpoint = uri(v, "rest.oauth.server-uri", problems);
    if (tokenEndpoint != null) {
      config = config.oauthServerUri(tokenEndpoint);
    }
    if (v.containsKey("rest.sigv4.region")) {
      config =
          config.sigv4(
              v.get("rest.sigv4.region"), v.getOrDefault("rest.sigv4.signing-name", "glue"));
    }
    if (v.containsKey("glue.catalog-id")) {
      config = config.catalogId(v.get("glue.catalog-id"));
    }
    URI glueEndpoint = uri(v, "glue.endpoint", problems);
    if (glueEndpoint != null) {
      config = config.endpoint(glueEndpoint);
    }
    config = config.storage(storage(v, problems));
    for (Map.Entry<String, String> entry : v.entrySet()) {
      if (entry.getKey().startsWith(ICEBERG_PREFIX)) {
        config =
            config.property(entry.getKey().substring(ICEBERG_PREFIX.length()), entry.getValue());
      }
    }
    problems.addAll(config.problems());
    problems.throwIfAny("catalog '" + config.name() + "' (" + v.get("type") + ")");
    return config;
  }

  /** Settings that would be silently ignored are mistakes: say so. */
  private static void inapplicable(Map<String, String> v, Problems problems) {
    String type = v.getOrDefault("type", "");
    boolean embedded = type.equals("embedded");
    if (embedded) {
      for (String key : List.of("uri", "warehouse")) {
        problems.check(
            !v.containsKey(key),
            key
                + " does not apply to the embedded catalog (SQLite and data in the lake folder);"
                + " choose type jdbc, rest, glue or hadoop for another "
                + key);
      }
    } else {
      problems.check(!v.containsKey("lake"), "lake applies to the embedded catalog only");
    }
    if (type.equals("glue") || type.equals("hadoop")) {
      problems.check(!v.containsKey("uri"), "uri does not apply to a " + type + " catalog");
    }
    requires(v, problems, "rest.oauth.client-secret", "rest.oauth.client-id");
    requires(v, problems, "rest.sigv4.signing-name", "rest.sigv4.region");
    requires(v, problems, "jdbc.password", "jdbc.user");
    requires(v, problems, "s3.secret-access-key", "s3.access-key-id");
  }

  private static void requires(
      Map<String, String> v, Problems problems, String setting, String needed) {
    problems.check(!v.containsKey(setting) || v.containsKey(needed), setting + " needs " + needed);
  }

  private static CatalogConfig base(Map<String, String> v, Problems problems) {
    String type = v.get("type");
    if (type == null) {
      problems.add("type is required; allowed: embedded, jdbc, rest, glue, hadoop");
      return null;
    }
    if ("embedded".equals(type)) {
      String lake = v.get("lake");
      if (lake == null) {
        problems.add("lake is required for the embedded catalog (a folder)");
        return null;
      }
      return CatalogConfig.embedded(Path.of(lake));
    }
    CatalogType parsed;
    try {
      parsed = CatalogType.fromLabel(type);
    } catch (IllegalArgumentException e) {
      problems.add("type " + e.getMessage());
      return null;
    }
    return switch (parsed) {
      case JDBC -> CatalogConfig.jdbc(required(v, "uri", problems));
      case REST -> {
        URI uri = uri(v, "uri", problems);
        if (uri == null) {
          problems.check(v.containsKey("uri"), "uri is required for a rest catalog");
          yield null;
        }
        yield CatalogConfig.rest(uri);
      }
      case GLUE -> CatalogConfig.glue(required(v, "glue.region", problems));
      case HADOOP -> CatalogConfig.hadoop(required(v, "warehouse", problems));
    };
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
