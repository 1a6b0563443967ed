package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import io.medallion.catalog.Secret;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnowflakeAccountTest {
  @Test
  void open_neitherKeyNorPassword_listsEveryProblemBeforeConnecting() {
    SnowflakeAccount account =
        new SnowflakeAccount(
            " ",
            "",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(account::open)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "account must not be blank (--account)",
            "user must not be blank (--user)",
            "give either a private key file (--private-key) or a password (--password-env), not neither");
  }

  @Test
  void open_unreadableKeyAndUnsetPassphrase_namesTheFileAndTheVariable() {
    SnowflakeAccount account =
        new SnowflakeAccount(
            "myorg-myaccount",
            "MEDALLION",
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("/nonexistent/rsa_key.p8")),
            Optional.of(Secret.fromEnv("MEDALLION_TEST_UNSET_PASSPHRASE")),
            Optional.empty());

    assertThatThrownBy(account::open)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly(
            "private key file /nonexistent/rsa_key.p8 cannot be read",
            "the passphrase's env:MEDALLION_TEST_UNSET_PASSPHRASE is not set");
  }
}
