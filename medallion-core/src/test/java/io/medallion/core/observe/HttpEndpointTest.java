package io.medallion.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import io.medallion.catalog.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
  private static final URI HOOK = URI.create("https://hooks.example.com/services/T0/B0/XyZsecret");

  @Test
  void build_everyLimitWrong_listsEachProblemNamingTheValue() {
    HttpEndpoint.Builder builder =
        HttpEndpoint.builder(URI.create("ftp://files.example.com/drop"))
            .header("Bad Header", Secret.of("x"))
            .header("Authorization", Secret.fromEnv("MEDALLION_TEST_UNSET_VARIABLE"))
            .timeout(Duration.ZERO)
            .attempts(0)
            .backoff(Duration.ofMinutes(1));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactlyInAnyOrder(
                        "uri must be an absolute http or https URI with a host, got"
                            + " ftp://files.example.com/****",
                        "header name 'Bad Header' is not a valid HTTP header name",
                        "header Authorization has no value: env:MEDALLION_TEST_UNSET_VARIABLE is"
                            + " unset",
                        "timeout must be more than 0 and at most PT1M, got PT0S",
                        "attempts must be 1 to 10, got 0",
                        "backoff must be 0 to PT10S, got PT1M"));
  }

  @Test
  void toString_tokenInPathAndHeader_neitherShown() {
    HttpEndpoint endpoint =
        HttpEndpoint.builder(HOOK).header("Authorization", Secret.of("Bearer s3cr3t")).build();

    assertThat(endpoint.toString())
        .isEqualTo("HttpEndpoint[https://hooks.example.com/****, headers {Authorization=****}]")
        .doesNotContain("XyZsecret")
        .doesNotContain("s3cr3t");
  }

  @Test
  void longestWait_defaults_attemptsTimesTimeoutPlusDoublingBackoffs() {
    HttpEndpoint endpoint = HttpEndpoint.builder(HOOK).build();

    assertThat(endpoint.longestWait()).isEqualTo(Duration.ofMillis(3 * 3000 + 250 + 500));
    assertThat(endpoint.backoffBefore(2)).isEqualTo(Duration.ofMillis(250));
    assertThat(endpoint.backoffBefore(4)).isEqualTo(Duration.ofMillis(1000));
  }
}
