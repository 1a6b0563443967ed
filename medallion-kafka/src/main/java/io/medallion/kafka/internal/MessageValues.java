package io.medallion.kafka.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The values of the Kafka source columns for one message, in {@code KafkaColumns.ALL} order. Keys
 * and header values that are not UTF-8 are given in base64 and flagged. One instance per thread.
 */
public final class MessageValues {
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Returns the source column values of a message.
   *
   * @param message the message
   * @return topic, partition, offset, timestamp, key, key-is-base64, headers
   */
  public Object[] of(ConsumerRecord<byte[], byte[]> message) {
    String key = null;
    Boolean keyBase64 = null;
    if (message.key() != null) {
      key = text(message.key());
      keyBase64 = key == null;
      if (key == null) {
        key = Base64.getEncoder().encodeToString(message.key());
      }
    }
    List<Map<String, Object>> headers = new ArrayList<>();
    for (Header header : message.headers()) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("key", header.key());
      if (header.value() != null) {
        String value = text(header.value());
        entry.put(
            "value", value != null ? value : Base64.getEncoder().encodeToString(header.value()));
        entry.put("value_base64", value == null);
      }
      headers.add(entry);
    }
    OffsetDateTime timestamp = message.timestamp() < 0 ? null : utc(message.timestamp());
    return new Object[] {
      message.topic(), message.partition(), message.offset(), timestamp, key, keyBase64, headers
    };
  }

  /** Without {@code OffsetDateTime.ofInstant}, which builds zone rules for every message. */
  private static OffsetDateTime utc(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000);
    int nanos = (int) Math.floorMod(epochMillis, 1000) * 1_000_000;
    return OffsetDateTime.of(
        LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  /** The bytes as text when they are UTF-8, else null. */
  private String text(byte[] bytes) {
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
