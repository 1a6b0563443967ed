package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Applies the people pipeline's layer to a real Snowflake account over a Glue lake, twice, then
 * drops the database it made. Runs only when the account is given; JUnit reports it skipped, naming
 * the variable, otherwise.
 *
 * <p>Variables: {@code SNOWFLAKE_ACCOUNT}, {@code SNOWFLAKE_USER}, {@code
 * SNOWFLAKE_PRIVATE_KEY_FILE} (or {@code SNOWFLAKE_PASSWORD}), optional {@code
 * SNOWFLAKE_PRIVATE_KEY_PASSPHRASE}, {@code SNOWFLAKE_ROLE}, {@code SNOWFLAKE_WAREHOUSE}; the lake:
 * {@code SNOWFLAKE_TEST_GLUE_REGION}, {@code SNOWFLAKE_TEST_WAREHOUSE} (s3://...), {@code
 * SNOWFLAKE_TEST_AWS_ROLE_ARN}, {@code SNOWFLAKE_TEST_AWS_ACCOUNT_ID}, holding the people tables.
 */
@EnabledIfEnvironmentVariable(named = "SNOWFLAKE_ACCOUNT", matches = ".+")
class SnowflakeLiveTest {
  private static String env(String name) {
    String value = System.getenv(name);
    assertThat(value).as("environment variable %s", name).isNotBlank();
    return value;
  }

  @Test
  void apply_twiceOnARealAccount_createsThenChangesNothing() throws Exception {
    String warehouse = env("SNOWFLAKE_TEST_WAREHOUSE");
    String database =
        "MEDALLION_LIVE_" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    SnowflakePlan plan =
        SnowflakeLayer.builder(
                People.PIPELINE,
                GlueCatalogConfig.builder(env("SNOWFLAKE_TEST_GLUE_REGION"), warehouse).build(),
                warehouse)
            .database(database)
            .awsRoleArn(env("SNOWFLAKE_TEST_AWS_ROLE_ARN"))
            .awsAccountId(env("SNOWFLAKE_TEST_AWS_ACCOUNT_ID"))
            .ownerRole(env("SNOWFLAKE_ROLE"))
            .build()
            .plan();
    Optional<Path> key =
        Optional.ofNullable(System.getenv("SNOWFLAKE_PRIVATE_KEY_FILE")).map(Path::of);
    SnowflakeAccount account =
        new SnowflakeAccount(
            env("SNOWFLAKE_ACCOUNT"),
            env("SNOWFLAKE_USER"),
            Optional.of(env("SNOWFLAKE_ROLE")),
            Optional.of(env("SNOWFLAKE_WAREHOUSE")),
            key,
            Optional.ofNullable(System.getenv("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE"))
                .map(v -> Secret.fromEnv("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE")),
            key.isPresent() ? Optional.empty() : Optional.of(Secret.fromEnv("SNOWFLAKE_PASSWORD")));
    try (Connection connection = account.open()) {
      try {
        ApplyReport first = SnowflakeApply.to(connection).apply(plan);
        assertThat(first.failure()).isEmpty();
        ApplyReport second = SnowflakeApply.to(connection).apply(plan);
        assertThat(second.summary()).startsWith("nothing changed");
      } finally {
        try (Statement drop = connection.createStatement()) {
          drop.execute("DROP DATABASE IF EXISTS " + SqlDialect.SNOWFLAKE.identifier(database));
        }
      }
    }
  }
}
