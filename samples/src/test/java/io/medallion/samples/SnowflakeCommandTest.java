package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakeCommandTest {
  @TempDir Path dir;

  @Test
  void plan_embeddedLakeWithoutCloudSettings_printsTheWholeScriptWithPlaceholdersListed()
      throws Exception {
    Path lake = dir.resolve("lake");
    assertThat(
            Cli.run("randomuser", "--users", "100", "--lake", lake.toString(), "--no-report")
                .exitCode())
        .isZero();

    Cli.Result plan = Cli.run("snowflake", "plan", "--lake", lake.toString());

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .startsWith("-- Snowflake layer of medallion pipeline randomuser\n")
        .contains(
            "--   <<AWS_ROLE_ARN>>: the IAM role Snowflake assumes",
            "--   <<S3_STORAGE_BASE_URL>>: the lake's warehouse root on S3",
            "CREATE ICEBERG TABLE IF NOT EXISTS \"MEDALLION\".\"SILVER\".\"USERS\"",
            "METADATA_FILE_PATH = 'silver/users/metadata/",
            "ALTER ICEBERG TABLE \"MEDALLION\".\"SILVER\".\"USERS\" MODIFY COLUMN \"email\" SET MASKING POLICY",
            "CREATE VIEW IF NOT EXISTS \"MEDALLION\".\"GOLD\".",
            "GRANT SELECT ON ALL VIEWS IN SCHEMA \"MEDALLION\".\"GOLD\" TO ROLE \"MEDALLION_READER\"");
    assertThat(plan.out()).doesNotContain("<<METADATA_FILE_OF_");
  }

  @Test
  void plan_noLakeYet_stillPrintsTheScriptWithEveryPlaceholder() {
    Cli.Result plan = Cli.run("snowflake", "plan", "--lake", dir.resolve("none").toString());

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("No lake facts were given", "<<METADATA_FILE_OF_SILVER_USERS>>");
  }

  @Test
  void apply_withoutAccount_isAUsageErrorNamingTheOptions() throws Exception {
    Path lake = dir.resolve("lake");
    Files.createDirectories(lake);

    Cli.Result apply = Cli.run("snowflake", "apply", "--lake", lake.toString());

    assertThat(apply.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(apply.err()).contains("snowflake apply needs --account and --user");
  }

  @Test
  void plan_unknownExposure_isAUsageError() {
    Cli.Result plan =
        Cli.run(
            "snowflake", "plan", "--lake", dir.resolve("none").toString(), "--exposure", "views");

    assertThat(plan.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(plan.err())
        .contains("--exposure views: expected iceberg-tables, linked-database or classic-copy");
  }

  @Test
  void apply_withoutTheSnowflakeDriverOnTheClassPath_saysToAddIt() throws Exception {
    Path lake = dir.resolve("lake");
    Files.createDirectories(lake);

    // PATH is set in every environment; the driver check comes before any connection.
    Cli.Result apply =
        Cli.run(
            "snowflake",
            "apply",
            "--lake",
            lake.toString(),
            "--account",
            "myorg-myaccount",
            "--user",
            "MEDALLION",
            "--password-env",
            "PATH");

    assertThat(apply.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
    assertThat(apply.err())
        .contains(
            "The Snowflake JDBC driver is not on the class path; add net.snowflake:snowflake-jdbc"
                + " to connect to myorg-myaccount");
  }
}
