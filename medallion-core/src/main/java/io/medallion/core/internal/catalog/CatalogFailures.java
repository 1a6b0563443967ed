package io.medallion.core.internal.catalog;

import io.medallion.MedallionException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.HadoopCatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a failure to open or reach a catalog into a message that names the setting to fix and never
 * contains a secret, whatever the underlying client put in its own message.
 */
final class CatalogFailures {
  private static final int MAX_CAUSE = 300;
  private static final String JDBC_CREDENTIALS = "jdbc.user and jdbc.password";

  /** AWS error codes that mean "these credentials are wrong", whatever the HTTP status. */
  private static final Set<String> AWS_CREDENTIAL_ERRORS =
      Set.of(
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "InvalidClientTokenId",
          "ExpiredTokenException",
          "AccessDeniedException",
          "AccessDenied");

  private CatalogFailures() {}

  /**
   * What messages say about one kind of catalog.
   *
   * @param credentials the settings to check when credentials are refused
   * @param endpoint the setting to check when it cannot be reached
   * @param secrets its secret settings
   */
  private record Facts(String credentials, String endpoint, List<Optional<Secret>> secrets) {}

  static MedallionException describe(CatalogConfig config, String action, RuntimeException e) {
    Facts facts = facts(config);
    String where =
        "catalog '"
            + config.name()
            + "' ("
            + kind(config)
            + (config instanceof GlueCatalogConfig ? " in " : " at ")
            + config.location()
            + ")";
    String message;
    if (refusedCredentials(e)) {
      message = where + " refused the credentials: check " + facts.credentials();
    } else if (unreachable(e)) {
      message = "Cannot " + action + " " + where + ": check " + facts.endpoint();
    } else {
      message = "Cannot " + action + " " + where;
    }
    return new MedallionException(scrub(message, config) + " (" + cause(e, config) + ")");
  }

  /**
   * Only the root cause's text, scrubbed before it is cut: client exceptions (kept out of the
   * chain) may carry URLs or headers with secrets in their messages and fields.
   */
  private static String cause(RuntimeException e, CatalogConfig config) {
    String cause = scrub(rootMessage(e), config);
    return cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) + "..." : cause;
  }

  static MedallionException describeStorage(
      CatalogConfig config, String warehouse, RuntimeException e) {
    String where =
        "storage of catalog '"
            + config.name()
            + "' ("
            + warehouse
            + config.storage().endpoint().map(endpoint -> " via " + endpoint).orElse("")
            + ")";
    String message;
    if (refusedCredentials(e)) {
      message =
          where
              + " refused the credentials: check "
              + (config.storage().accessKeyId().isPresent()
                  ? "s3.access-key-id and s3.secret-access-key"
                  : "the AWS default credential chain (environment, profile, instance role)");
    } else if (unreachable(e)) {
      message =
          "Cannot reach "
              + where
              + ": check "
              + (config.storage().endpoint().isPresent() ? "s3.endpoint" : "s3.region");
    } else {
      message = "Cannot read " + where;
    }
    return new MedallionException(scrub(message, config) + " (" + cause(e, config) + ")");
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
    String scrubbed = Secret.maskUrl(text);
    for (String secret : secrets(config)) {
      scrubbed = scrubbed.replace(secret, "****");
    }
    return scrubbed;
  }

  private static List<String> secrets(CatalogConfig config) {
    List<String> values = new ArrayList<>();
    config.storage().secretAccessKey().flatMap(Secret::reveal).ifPresent(values::add);
    for (Optional<Secret> secret : facts(config).secrets()) {
      secret.flatMap(Secret::reveal).ifPresent(values::add);
    }
    config
        .properties()
        .forEach(
            (key, value) -> {
              if (Secret.isSecretSetting(key)) {
                values.add(value);
              }
            });
    // An empty value would match between every character.
    values.removeIf(String::isEmpty);
    return values;
  }

  private static String kind(CatalogConfig config) {
    return config instanceof EmbeddedCatalogConfig ? "embedded" : config.type().label();
  }

  private static Facts facts(CatalogConfig config) {
    return config.accept(
        new CatalogConfig.Visitor<>() {
          @Override
          public Facts embedded(EmbeddedCatalogConfig embedded) {
            return new Facts(JDBC_CREDENTIALS, "uri", List.of());
          }

          @Override
          public Facts jdbc(JdbcCatalogConfig jdbc) {
            return new Facts(JDBC_CREDENTIALS, "uri", List.of(jdbc.password()));
          }

          @Override
          public Facts rest(RestCatalogConfig rest) {
            String credentials =
                rest.token().isPresent()
                    ? "rest.token"
                    : rest.oauth().isPresent()
                        ? "rest.oauth.client-id and rest.oauth.client-secret"
                        : storageCredentials(rest);
            return new Facts(
                credentials,
                "uri",
                List.of(rest.token(), rest.oauth().map(RestCatalogConfig.OAuth::clientSecret)));
          }

          @Override
          public Facts glue(GlueCatalogConfig glue) {
            return new Facts(
                storageCredentials(glue),
                glue.endpoint().isPresent() ? "glue.endpoint" : "glue.region",
                List.of());
          }

          @Override
          public Facts hadoop(HadoopCatalogConfig hadoop) {
            return new Facts(storageCredentials(hadoop), "warehouse", List.of());
          }
        });
  }

  private static String storageCredentials(CatalogConfig config) {
    return config.storage().accessKeyId().isPresent()
        ? "s3.access-key-id and s3.secret-access-key"
        : "the AWS default credential chain (environment, profile, instance role)";
  }

  private static boolean refusedCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotAuthorizedException || t instanceof ForbiddenException) {
        return true;
      }
      if (t instanceof AwsServiceException aws
          && (aws.statusCode() == 401
              || aws.statusCode() == 403
              || (aws.awsErrorDetails() != null
                  && AWS_CREDENTIAL_ERRORS.contains(aws.awsErrorDetails().errorCode())))) {
        return true;
      }
      if (t instanceof SdkClientException client
          && String.valueOf(client.getMessage()).contains("Unable to load credentials")) {
        return true;
      }
      // SQLSTATE class 28: invalid authorization specification (wrong user or password).
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("28")) {
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
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
