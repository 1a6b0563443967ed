/**
 * A real Kafka broker inside the JVM, for tests and for trying streaming with nothing installed.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   kafka.createTopic("users", 4);
 *   // produce to and consume from kafka.bootstrapServers()
 * }
 * }</pre>
 */
package io.medallion.kafka.embedded;
