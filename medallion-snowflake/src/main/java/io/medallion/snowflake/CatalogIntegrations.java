package io.medallion.snowflake;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.HadoopCatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code CREATE CATALOG INTEGRATION} for the lake's catalog: the Glue Iceberg REST endpoint
 * with SigV4 (or the Glue API) for Glue, {@code ICEBERG_REST} with SigV4, OAuth or a bearer token
 * for a REST catalog, and {@code OBJECT_STORE} for catalogs Snowflake cannot call (JDBC, embedded,
 * file system), whose tables are read from their metadata files.
 */
final class CatalogIntegrations implements CatalogConfig.Visitor<Boolean> {
  private static final String INDENT = "\n  ";
  private final PlanContext context;

  private CatalogIntegrations(PlanContext context) {
    this.context = context;
  }

  /**
   * Adds the integration statement.
   *
   * @return true when Snowflake asks the catalog for tables (Glue, REST); false when it reads
   *     metadata files from the object store
   */
  static boolean add(PlanContext context) {
    return context.settings.catalog.accept(new CatalogIntegrations(context));
  }

  @Override
  public Boolean glue(GlueCatalogConfig config) {
    Optional<String> account =
        Optional.ofNullable(context.settings.awsAccountId).or(config::catalogId);
    String region = region(Optional.of(config.region()));
    if (context.settings.glueAccess == GlueAccess.GLUE_API) {
      List<String> lines = new ArrayList<>();
      lines.add("CATALOG_SOURCE = GLUE");
      lines.add("TABLE_FORMAT = ICEBERG");
      lines.add("GLUE_AWS_ROLE_ARN = " + role());
      lines.add("GLUE_CATALOG_ID = " + account(account));
      lines.add("GLUE_REGION = " + region);
      lines.add("ENABLED = TRUE");
      return create(lines, true);
    }
    String endpoint =
        config
                .endpoint()
                .map(Object::toString)
                .orElse("https://glue." + config.region() + ".amazonaws.com")
                .replaceAll("/+$", "")
            + "/iceberg";
    return sigv4(endpoint, "AWS_GLUE", account(account), region);
  }

  @Override
  public Boolean rest(RestCatalogConfig config) {
    if (config.sigv4().isPresent()) {
      RestCatalogConfig.SigV4 sigv4 = config.sigv4().get();
      String warehouse =
          context.literal(
              config.warehouse(), "REST_CATALOG_NAME", "the REST catalog's warehouse name");
      return sigv4(
          config.uri().toString(),
          "glue".equals(sigv4.signingName()) ? "AWS_GLUE" : null,
          warehouse,
          region(Optional.of(sigv4.region())));
    }
    List<String> rest = new ArrayList<>();
    rest.add("CATALOG_URI = " + PlanContext.SQL.literal(config.uri().toString()));
    config.warehouse().ifPresent(w -> rest.add("CATALOG_NAME = " + PlanContext.SQL.literal(w)));
    List<String> auth = new ArrayList<>();
    if (config.oauth().isPresent()) {
      RestCatalogConfig.OAuth oauth = config.oauth().get();
      auth.add("TYPE = OAUTH");
      oauth
          .serverUri()
          .ifPresent(u -> auth.add("OAUTH_TOKEN_URI = " + PlanContext.SQL.literal(u.toString())));
      auth.add("OAUTH_CLIENT_ID = " + PlanContext.SQL.literal(oauth.clientId()));
      auth.add(
          "OAUTH_CLIENT_SECRET = "
              + context.secret(
                  oauth.clientSecret(), "OAUTH_CLIENT_SECRET", "the OAuth client secret"));
      List<String> scopes = new ArrayList<>();
      for (String scope : oauth.scope().orElse("PRINCIPAL_ROLE:ALL").trim().split("\\s+")) {
        scopes.add(PlanContext.SQL.literal(scope));
      }
      auth.add("OAUTH_ALLOWED_SCOPES = (" + String.join(", ", scopes) + ")");
    } else {
      auth.add("TYPE = BEARER");
      String token =
          config.token().isPresent()
              ? context.secret(
                  config.token().get(), "REST_BEARER_TOKEN", "the REST catalog's bearer token")
              : context.literal(
                  Optional.empty(),
                  "REST_BEARER_TOKEN",
                  "a bearer token for the REST catalog (env:NAME)");
      auth.add("BEARER_TOKEN = " + token);
    }
    return rest(rest, auth);
  }

  @Override
  public Boolean embedded(EmbeddedCatalogConfig config) {
    return objectStore();
  }

  @Override
  public Boolean jdbc(JdbcCatalogConfig config) {
    return objectStore();
  }

  @Override
  public Boolean hadoop(HadoopCatalogConfig config) {
    return objectStore();
  }

  private boolean objectStore() {
    return create(
        List.of("CATALOG_SOURCE = OBJECT_STORE", "TABLE_FORMAT = ICEBERG", "ENABLED = TRUE"),
        false);
  }

  private boolean sigv4(String endpoint, String apiType, String catalogName, String region) {
    List<String> rest = new ArrayList<>();
    rest.add("CATALOG_URI = " + PlanContext.SQL.literal(endpoint));
    if (apiType != null) {
      rest.add("CATALOG_API_TYPE = " + apiType);
    }
    rest.add("CATALOG_NAME = " + catalogName);
    List<String> auth = new ArrayList<>();
    auth.add("TYPE = SIGV4");
    auth.add("SIGV4_IAM_ROLE = " + role());
    auth.add("SIGV4_SIGNING_REGION = " + region);
    return rest(rest, auth);
  }

  private boolean rest(List<String> rest, List<String> auth) {
    List<String> lines = new ArrayList<>();
    lines.add("CATALOG_SOURCE = ICEBERG_REST");
    lines.add("TABLE_FORMAT = ICEBERG");
    lines.add("REST_CONFIG = (" + INDENT + "  " + String.join(INDENT + "  ", rest) + INDENT + ")");
    lines.add(
        "REST_AUTHENTICATION = ("
            + INDENT
            + "  "
            + String.join(INDENT + "  ", auth)
            + INDENT
            + ")");
    lines.add("ENABLED = TRUE");
    return create(lines, true);
  }

  private boolean create(List<String> lines, boolean catalogApi) {
    String name = context.catalogIntegration();
    context.add(
        ObjectKind.CATALOG_INTEGRATION,
        name,
        "CREATE CATALOG INTEGRATION IF NOT EXISTS "
            + PlanContext.SQL.identifier(name)
            + INDENT
            + String.join(INDENT, lines));
    return catalogApi;
  }

  private String role() {
    return context.literal(
        context.settings.awsRoleArn(),
        "AWS_ROLE_ARN",
        "the IAM role Snowflake assumes for the lake (awsRoleArn, --aws-role-arn)");
  }

  private String account(Optional<String> account) {
    return context.literal(
        account,
        "AWS_ACCOUNT_ID",
        "the AWS account owning the Glue catalog (awsAccountId, --aws-account-id)");
  }

  private String region(Optional<String> fallback) {
    Optional<String> region = Optional.ofNullable(context.settings.region).or(() -> fallback);
    return context.literal(
        region, "AWS_REGION", "the AWS region of the catalog (region, --region)");
  }
}
