package io.medallion.samples;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.core.MedallionRuntime;
import io.medallion.snowflake.ApplyReport;
import io.medallion.snowflake.Exposure;
import io.medallion.snowflake.GlueAccess;
import io.medallion.snowflake.LakeFacts;
import io.medallion.snowflake.ObjectKind;
import io.medallion.snowflake.SnowflakeAccount;
import io.medallion.snowflake.SnowflakeApply;
import io.medallion.snowflake.SnowflakeLayer;
import io.medallion.snowflake.SnowflakePlan;
import io.medallion.snowflake.SnowflakeStatus;
import io.medallion.snowflake.TableStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Plans, applies and checks the Snowflake layer over the RandomUser lake. */
@Command(
    name = "snowflake",
    mixinStandardHelpOptions = true,
    description = {
      "The Snowflake layer of the RandomUser lake: external volume, catalog integration, Iceberg"
          + " tables, gold views, data metrics, masking and grants.",
      "plan prints the script (settings not given are named placeholders, listed at the top);"
          + " apply runs it over Snowflake's JDBC driver, idempotently; status shows how far"
          + " behind the catalog each table Snowflake serves is."
    })
final class SnowflakeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "plan, apply or status.")
  String action;

  @Option(
      names = "--lake",
      defaultValue = "lakehouse",
      description = "Lake folder (default: ${DEFAULT-VALUE}).")
  Path lake;

  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Option(
      names = "--storage-location",
      paramLabel = "S3_URL",
      description = "The warehouse root on S3 as Snowflake reads it (default: the catalog's).")
  String storageLocation;

  @Option(names = "--database", description = "Snowflake database (default: MEDALLION).")
  String database;

  @Option(
      names = "--exposure",
      description = "iceberg-tables (default), linked-database or classic-copy.")
  String exposure;

  @Option(
      names = "--glue-api",
      description = "Reach Glue through its API, not its Iceberg REST endpoint.")
  boolean glueApi;

  @Option(names = "--aws-role-arn", paramLabel = "ARN", description = "IAM role Snowflake assumes.")
  String awsRoleArn;

  @Option(names = "--external-id", description = "External id of the IAM role's trust policy.")
  String externalId;

  @Option(names = "--region", description = "AWS region (default: the catalog's).")
  String region;

  @Option(names = "--aws-account-id", description = "AWS account of the Glue catalog.")
  String awsAccountId;

  @Option(names = "--no-auto-refresh", description = "Refresh Iceberg tables by statement.")
  boolean noAutoRefresh;

  @Option(
      names = "--omit",
      split = ",",
      paramLabel = "KIND",
      description =
          "Kinds of statements to leave out, e.g. EXTERNAL_VOLUME,CATALOG_INTEGRATION,GRANT"
              + " (${COMPLETION-CANDIDATES}).")
  List<ObjectKind> omit = List.of();

  @Option(names = "--reader-role", description = "Role granted the gold views.")
  String readerRole;

  @Option(names = "--pii-reader-role", description = "Role that sees personal columns.")
  String piiReaderRole;

  @Option(names = "--account", description = "Snowflake account identifier (apply, status).")
  String account;

  @Option(names = "--user", description = "Snowflake user (apply, status).")
  String user;

  @Option(names = "--private-key", paramLabel = "FILE", description = "PKCS#8 private key file.")
  Path privateKey;

  @Option(
      names = "--private-key-passphrase-env",
      paramLabel = "NAME",
      description = "Environment variable holding the private key's passphrase.")
  String passphraseEnv;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "Environment variable holding the password (instead of a key).")
  String passwordEnv;

  @Option(names = "--role", description = "Role the statements run as; it owns the views.")
  String role;

  @Option(names = "--warehouse-name", paramLabel = "NAME", description = "Snowflake warehouse.")
  String warehouse;

  @Option(names = "--allow-replace", description = "apply: replace objects that drifted.")
  boolean allowReplace;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    if (!List.of("plan", "apply", "status").contains(action)) {
      throw new CliFailure(
          ExitCode.USAGE, "snowflake " + action + ": expected plan, apply or status");
    }
    CatalogConfig catalogConfig = catalog.toConfig(spec, lake);
    boolean lakeExists =
        !(catalogConfig instanceof EmbeddedCatalogConfig) || Files.isDirectory(lake);
    if (!lakeExists && !action.equals("plan")) {
      Preflight.existingLake(lake, catalogConfig, "there is nothing to " + action);
    }
    try (MedallionRuntime runtime =
        lakeExists
            ? Preflight.open(MedallionRuntime.builder().lake(lake).catalog(catalogConfig))
            : null) {
      SnowflakeLayer.Builder layer = layer(catalogConfig);
      if (runtime != null) {
        layer.facts(LakeFacts.read(runtime, RandomUserPipeline.PIPELINE));
      }
      SnowflakePlan plan = layer.build().plan();
      int code = ExitCode.OK.code();
      if (action.equals("plan")) {
        out.print(plan.script());
      } else {
        try (Connection connection = account().open()) {
          if (action.equals("apply")) {
            ApplyReport report =
                SnowflakeApply.to(connection).allowReplace(allowReplace).apply(plan);
            out.println(report.summary());
            code = report.failure().isPresent() ? ExitCode.RUN_FAILED.code() : code;
          } else {
            List<TableStatus> statuses = SnowflakeStatus.of(connection, plan, runtime);
            if (statuses.isEmpty()) {
              out.println("No Iceberg table in the plan: status follows Iceberg tables only.");
            }
            for (TableStatus table : statuses) {
              out.println(table.describe());
            }
          }
        }
      }
      if (!plan.refusals().isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "Tables not exposed (write profile): "
                    + plan.refusals().keySet()
                    + "; see the script's header");
        code = ExitCode.RUN_FAILED.code();
      }
      out.flush();
      return code;
    }
  }

  private SnowflakeLayer.Builder layer(CatalogConfig catalogConfig) {
    String location =
        Optional.ofNullable(storageLocation)
            .or(catalogConfig::warehouseLocation)
            .orElse(lake.resolve("warehouse").toString());
    SnowflakeLayer.Builder layer =
        SnowflakeLayer.builder(RandomUserPipeline.PIPELINE, catalogConfig, location);
    Optional.ofNullable(database).ifPresent(layer::database);
    Optional.ofNullable(exposure).map(SnowflakeCommand::exposure).ifPresent(layer::exposure);
    if (glueApi) {
      layer.glueAccess(GlueAccess.GLUE_API);
    }
    Optional.ofNullable(awsRoleArn).ifPresent(layer::awsRoleArn);
    Optional.ofNullable(externalId).ifPresent(layer::externalId);
    Optional.ofNullable(region).ifPresent(layer::region);
    Optional.ofNullable(awsAccountId).ifPresent(layer::awsAccountId);
    if (noAutoRefresh) {
      layer.autoRefresh(false);
    }
    layer.omit(omit.toArray(ObjectKind[]::new));
    Optional.ofNullable(readerRole).ifPresent(layer::readerRole);
    Optional.ofNullable(piiReaderRole).ifPresent(layer::piiReaderRole);
    Optional.ofNullable(role).ifPresent(layer::ownerRole);
    return layer;
  }

  private static Exposure exposure(String name) {
    switch (name) {
      case "iceberg-tables":
        return Exposure.ICEBERG_TABLES;
      case "linked-database":
        return Exposure.LINKED_DATABASE;
      case "classic-copy":
        return Exposure.CLASSIC_COPY;
      default:
        throw new CliFailure(
            ExitCode.USAGE,
            "--exposure " + name + ": expected iceberg-tables, linked-database or classic-copy");
    }
  }

  private SnowflakeAccount account() {
    if (account == null || user == null) {
      throw new CliFailure(ExitCode.USAGE, "snowflake " + action + " needs --account and --user");
    }
    return new SnowflakeAccount(
        account,
        user,
        Optional.ofNullable(role),
        Optional.ofNullable(warehouse),
        Optional.ofNullable(privateKey),
        Optional.ofNullable(passphraseEnv).map(Secret::fromEnv),
        Optional.ofNullable(passwordEnv).map(Secret::fromEnv));
  }
}
