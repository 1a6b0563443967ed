package io.medallion.core.internal.gold.dimension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Derives surrogate keys from what identifies a row: the business key (type 1), or the business key
 * and the version's start (type 2). Keys derived rather than counted make a recompute reproduce the
 * same keys, and let a later incremental run rewrite one member without a table-wide sequence. A
 * key is the first 63 bits of an MD5 digest, never negative, so it never meets the unknown member's
 * -1. One instance per thread: the digest is reused.
 *
 * <pre>{@code
 * long key = new SurrogateKeys().of(List.of("u1"), validFromMicros);
 * }</pre>
 */
public final class SurrogateKeys {
  private static final char SEPARATOR = '\u001f';
  private final MessageDigest md5;
  private final StringBuilder text = new StringBuilder();

  /** Creates a key source. */
  public SurrogateKeys() {
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }

  /**
   * The key of a type 1 member.
   *
   * @param businessKey the member's business key values
   * @return a non-negative key
   */
  public long of(List<Object> businessKey) {
    return digest(encode(businessKey));
  }

  /**
   * The key of a type 2 version.
   *
   * @param businessKey the member's business key values
   * @param validFromMicros the version's start
   * @return a non-negative key
   */
  public long of(List<Object> businessKey, long validFromMicros) {
    return digest(encode(businessKey).append(SEPARATOR).append(validFromMicros));
  }

  private StringBuilder encode(List<Object> values) {
    text.setLength(0);
    for (Object value : values) {
      // The type name keeps "1" (text) and 1 (number) apart; null has its own marker.
      if (value == null) {
        text.append('\u0000');
      } else {
        text.append(value.getClass().getSimpleName()).append(':').append(value);
      }
      text.append(SEPARATOR);
    }
    return text;
  }

  private long digest(CharSequence input) {
    byte[] hash = md5.digest(input.toString().getBytes(StandardCharsets.UTF_8));
    long key = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      key = (key << 8) | (hash[i] & 0xff);
    }
    return key & Long.MAX_VALUE;
  }
}
