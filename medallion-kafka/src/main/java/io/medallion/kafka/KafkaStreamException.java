package io.medallion.kafka;

import io.medallion.MedallionException;

/**
 * Thrown when a stream stops because it cannot go on safely: commits kept failing, the brokers
 * stayed unreachable, or a recorded offset no longer exists in its partition. Nothing consumed
 * after the last commit is lost: a restart reads it again from the offsets the table records.
 *
 * <pre>{@code
 * try {
 *   ingestion.run();
 * } catch (KafkaStreamException e) {
 *   log.error("stream stopped: {}", e.getMessage());
 * }
 * }</pre>
 */
public class KafkaStreamException extends MedallionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what stopped the stream, naming the table, and what to do
   * @param cause the underlying failure, or null
   */
  public KafkaStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
