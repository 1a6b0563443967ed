package io.medallion.snowflake;

import io.medallion.Problems;
import io.medallion.catalog.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and as whom to connect to Snowflake: key-pair authentication (a private key file with an
 * optional passphrase) or a password, both read from the environment, never printed.
 *
 * <pre>{@code
 * SnowflakeAccount account = new SnowflakeAccount("myorg-myaccount", "MEDALLION", Optional.of("SYSADMIN"),
 *     Optional.of("LOAD_WH"), Optional.of(Path.of("rsa_key.p8")), Optional.of(Secret.fromEnv("KEY_PASSPHRASE")),
 *     Optional.empty());
 * try (Connection connection = account.open()) { ... }
 * }</pre>
 *
 * @param account the account identifier, e.g. {@code myorg-myaccount}
 * @param user the user
 * @param role the role statements run as, or empty for the user's default
 * @param warehouse the warehouse, or empty for the user's default
 * @param privateKeyFile the PKCS#8 private key for key-pair authentication
 * @param passphrase the private key's passphrase, when it is encrypted
 * @param password the password, when no private key is given
 */
public record SnowflakeAccount(
    String account,
    String user,
    Optional<String> role,
    Optional<String> warehouse,
    Optional<Path> privateKeyFile,
    Optional<Secret> passphrase,
    Optional<Secret> password) {

  /**
   * Checks for missing values.
   *
   * @param account the account
   * @param user the user
   * @param role the role
   * @param warehouse the warehouse
   * @param privateKeyFile the private key file
   * @param passphrase the passphrase
   * @param password the password
   */
  public SnowflakeAccount {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(passphrase, "passphrase");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Opens a connection through the Snowflake JDBC driver, which must be on the class path
   * (net.snowflake:snowflake-jdbc, an optional dependency of this module).
   *
   * @return the connection
   * @throws io.medallion.ValidationException listing every setting missing or wrong
   * @throws IllegalStateException when the Snowflake JDBC driver is not on the class path
   * @throws SQLException when Snowflake refuses the connection
   */
  public Connection open() throws SQLException {
    Problems problems = new Problems();
    problems.check(!account.isBlank(), "account must not be blank (--account)");
    problems.check(!user.isBlank(), "user must not be blank (--user)");
    problems.check(
        privateKeyFile.isPresent() != password.isPresent(),
        "give either a private key file (--private-key) or a password (--password-env), not "
            + (privateKeyFile.isPresent() ? "both" : "neither"));
    privateKeyFile.ifPresent(
        file ->
            problems.check(Files.isReadable(file), "private key file " + file + " cannot be read"));
    passphrase.ifPresent(
        s -> problems.check(s.isSet(), "the passphrase's " + s.origin() + " is not set"));
    password.ifPresent(
        s -> problems.check(s.isSet(), "the password's " + s.origin() + " is not set"));
    problems.throwIfAny("Snowflake account " + account);
    Properties properties = new Properties();
    properties.put("user", user);
    role.ifPresent(r -> properties.put("role", r));
    warehouse.ifPresent(w -> properties.put("warehouse", w));
    if (privateKeyFile.isPresent()) {
      properties.put("authenticator", "SNOWFLAKE_JWT");
      properties.put("private_key_file", privateKeyFile.get().toString());
      passphrase.flatMap(Secret::reveal).ifPresent(p -> properties.put("private_key_pwd", p));
    } else {
      properties.put("password", password.flatMap(Secret::reveal).orElseThrow());
    }
    String url = "jdbc:snowflake://" + account + ".snowflakecomputing.com/";
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      // The driver is an optional dependency: planning never needs it.
      throw new IllegalStateException(
          "The Snowflake JDBC driver is not on the class path; add net.snowflake:snowflake-jdbc"
              + " to connect to "
              + account,
          e);
    }
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public String toString() {
    return "Snowflake account "
        + account
        + " as "
        + user
        + privateKeyFile.map(f -> " with key " + f).orElse(" with a password");
  }
}
