package io.medallion.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MessageSecretsTest {
  private static final MessageSecrets EMBEDDED =
      new MessageSecrets(CatalogConfig.embedded(Path.of("/lake")));

  @Test
  void scrub_passwordInUrlAndQuery_masked() {
    assertThat(
            EMBEDDED.scrub(
                "GET https://etl:hunter2@api.example.com/x?page=2&token=t0k&password=pw failed"))
        .isEqualTo("GET https://etl:****@api.example.com/x?page=2&token=****&password=**** failed");
  }

  @Test
  void scrub_awsAccessKeyIdAndSecretSetting_masked() {
    assertThat(
            EMBEDDED.scrub(
                "S3 refused AKIAIOSFODNN7EXAMPLE with aws_secret_access_key=wJalr/K7MDENG+bPx,"
                    + " X-Amz-Credential=ASIAY34FZKBOKMUTVV7A/20261203"))
        .isEqualTo("S3 refused **** with aws_secret_access_key=****, X-Amz-Credential=****");
  }

  @Test
  void scrub_bearerTokenAndJsonSecretField_masked() {
    assertThat(
            EMBEDDED.scrub(
                "401 for Authorization: Bearer eyJhbGciOi.payload.sig== body {\"api_key\": \"k-1\","
                    + " \"user\": \"ada\"}"))
        .isEqualTo(
            "401 for Authorization: Bearer **** body {\"api_key\": \"****\", \"user\": \"ada\"}");
  }

  @Test
  void scrub_catalogSecretEchoedAnywhere_masked() {
    CatalogConfig config =
        JdbcCatalogConfig.builder("jdbc:postgresql://db/catalog", "/lake")
            .credentials("medallion", Secret.of("s3cr3t-Value"))
            .build();

    assertThat(new MessageSecrets(config).scrub("login as medallion with s3cr3t-Value refused"))
        .isEqualTo("login as medallion with **** refused");
  }

  @Test
  void scrub_ordinaryMessage_unchanged() {
    String message =
        "silver.users was not updated: column 'age' expected a number at line 3; the key"
            + " user_id is missing, check the credentials: jdbc.user";

    assertThat(EMBEDDED.scrub(message)).isEqualTo(message);
  }
}
