package io.medallion.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KafkaStreamTest {

  @Test
  void build_defaults_areDocumented() {
    KafkaStream stream = KafkaStream.builder("127.0.0.1:9092", "g").topics("t").build();

    assertThat(stream.startPosition()).isEqualTo(StartPosition.earliest());
    assertThat(stream.commitRecords()).isEqualTo(50_000);
    assertThat(stream.commitBytes()).isEqualTo(32L << 20);
    assertThat(stream.commitInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(stream.maxFailedCommits()).isEqualTo(3);
    assertThat(stream.maxMessageBytes()).isEqualTo(KafkaStream.DEFAULT_MAX_MESSAGE_BYTES);
    assertThat(stream.downstreamEveryCommits()).isEqualTo(1);
    assertThat(stream.brokerTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void toString_secretProperties_areMasked() {
    KafkaStream stream =
        KafkaStream.builder("broker:9093", "g")
            .topics("t")
            .property("security.protocol", "SASL_SSL")
            .property("sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";")
            .property("ssl.key.password", "s3cret")
            .property("ssl.truststore.password", "trust-me")
            .build();

    assertThat(stream.toString())
        .contains("security.protocol=SASL_SSL")
        .contains("sasl.jaas.config=****")
        .contains("ssl.key.password=****")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret")
        .doesNotContain("trust-me");
    assertThat(stream.properties()).containsEntry("ssl.key.password", "s3cret");
  }

  @Test
  void build_everyProblem_isReportedTogether() {
    KafkaStream.Builder builder =
        KafkaStream.builder(" ", "")
            .topics("a", "a")
            .topicPattern("(")
            .property("enable.auto.commit", "true")
            .maxMessageBytes(10)
            .commitEvery(0, 10, Duration.ZERO)
            .maxFailedCommits(0)
            .downstreamEvery(0, Duration.ofSeconds(-1))
            .brokerTimeout(Duration.ZERO)
            .startAt(StartPosition.latest())
            .startAt(StartPosition.at(Instant.EPOCH));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactlyInAnyOrder(
                        "startAt is set twice, the second time to timestamp 1970-01-01T00:00:00Z;"
                            + " set it once",
                        "bootstrapServers is empty; give host:port of at least one broker",
                        "group is empty; name the consumer group",
                        "both topics [a, a] and topicPattern ( given; give one",
                        "topic a is listed twice",
                        "topicPattern ( is not a regular expression: Unclosed group",
                        "property enable.auto.commit is managed by the stream (offsets live in the"
                            + " bronze table); use the builder's settings instead",
                        "maxMessageBytes must be at least 1024, got 10",
                        "commitEvery records must be at least 1, got 0",
                        "commitEvery bytes must be at least 1024, got 10",
                        "commitEvery interval must be more than zero, got PT0S",
                        "maxFailedCommits must be at least 1, got 0",
                        "downstreamEvery commits must be at least 1, got 0",
                        "downstreamEvery interval must not be negative, got PT-1S",
                        "brokerTimeout must be more than zero, got PT0S"));
  }

  @Test
  void build_noTopics_isAProblem() {
    assertThatThrownBy(() -> KafkaStream.builder("h:1", "g").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no topics: give topics(...) or topicPattern(...)");
  }

  @Test
  void toBuilder_unchanged_keepsEverySetting() {
    KafkaStream stream =
        KafkaStream.builder("h:1", "g")
            .topicPattern("users-.*")
            .property("client.rack", "a")
            .commitEvery(10, 4096, Duration.ofSeconds(2))
            .startAt(StartPosition.latest())
            .build();

    KafkaStream copy = stream.toBuilder().build();

    assertThat(copy.topicPattern().orElseThrow().pattern()).isEqualTo("users-.*");
    assertThat(copy.properties()).isEqualTo(stream.properties());
    assertThat(copy.commitRecords()).isEqualTo(10);
    assertThat(copy.startPosition()).isEqualTo(StartPosition.latest());
    assertThat(copy.toString()).isEqualTo(stream.toString());
  }
}
