package io.medallion.core.catalog;

import io.medallion.MedallionException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.CatalogType;
import io.medallion.catalog.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Turns a failure to open or reach a catalog into a message that names the setting to fix and never
 * contains a secret, whatever the underlying client put in its own message.
 */
final class CatalogFailures {
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(//[^/@:\\s]+:)[^/@\\s]*@");

  private CatalogFailures() {}

  static MedallionException describe(CatalogConfig config, String action, RuntimeException e) {
    String where =
        "catalog '"
            + config.name()
            + "' ("
            + (config.embeddedLake().isPresent() ? "embedded" : config.type().label())
            + location(config)
            + ")";
    String message;
    if (refusedCredentials(e)) {
      message = where + " refused the credentials: check " + credentialSettings(config);
    } else if (unreachable(e)) {
      message = "Cannot " + action + " " + where + ": check " + endpointSetting(config);
    } else {
      message = "Cannot " + action + " " + where;
    }
    String cause = rootMessage(e);
    // The cause is left out on purpose: client exceptions may carry URLs or headers with secrets.
    return new MedallionException(scrub(message + " (" + cause + ")", config));
  }

  static void closeQuietly(Catalog catalog) {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException | RuntimeException ignored) {
        // The catalog already failed; the first failure is the one worth reporting.
      }
    }
  }

  /** Replaces every secret value of the configuration, wherever a client echoed it. */
  static String scrub(String text, CatalogConfig config) {
    String scrubbed = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
    scrubbed = PASSWORD_IN_URL.matcher(scrubbed).replaceAll("$1****@");
    for (String secret : secrets(config)) {
      scrubbed = scrubbed.replace(secret, "****");
    }
    return scrubbed;
  }

  private static List<String> secrets(CatalogConfig config) {
    List<Optional<Secret>> all =
        List.of(
            config.password(),
            config.token(),
            config.clientSecret(),
            config.storage().secretAccessKey());
    List<String> values = new ArrayList<>();
    for (Optional<Secret> secret : all) {
      secret.flatMap(Secret::reveal).filter(v -> !v.isEmpty()).ifPresent(values::add);
    }
    config
        .properties()
        .forEach(
            (key, value) -> {
              String lower = key.toLowerCase(Locale.ROOT);
              if (lower.contains("secret")
                  || lower.contains("token")
                  || lower.contains("password")
                  || lower.contains("credential")) {
                values.add(value);
              }
            });
    return values;
  }

  private static String location(CatalogConfig config) {
    return switch (config.type()) {
      case JDBC, REST -> " at " + config.uri().orElse("");
      case GLUE ->
          " in " + config.region().orElse("") + config.endpoint().map(e -> " via " + e).orElse("");
      case HADOOP -> " at " + config.warehouse().orElse("");
    };
  }

  private static String credentialSettings(CatalogConfig config) {
    if (config.type() == CatalogType.REST && config.token().isPresent()) {
      return "rest.token";
    }
    if (config.type() == CatalogType.REST && config.clientId().isPresent()) {
      return "rest.oauth.client-id and rest.oauth.client-secret";
    }
    if (config.type() == CatalogType.JDBC) {
      return "jdbc.user and jdbc.password";
    }
    return config.storage().accessKeyId().isPresent()
        ? "s3.access-key-id and s3.secret-access-key"
        : "the AWS default credential chain (environment, profile, instance role)";
  }

  private static String endpointSetting(CatalogConfig config) {
    return switch (config.type()) {
      case JDBC, REST -> "uri";
      case GLUE -> config.endpoint().isPresent() ? "glue.endpoint" : "glue.region";
      case HADOOP -> "warehouse";
    };
  }

  private static boolean refusedCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotAuthorizedException || t instanceof ForbiddenException) {
        return true;
      }
      if (t instanceof AwsServiceException aws
          && (aws.statusCode() == 401 || aws.statusCode() == 403)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("connection refused") || message.contains("unable to execute http")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
