package io.medallion.core.internal.silver;

import io.medallion.core.internal.exec.SpillValues;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A 64-bit fingerprint of a row's typed values and rule outcomes, stored with the row ({@link
 * io.medallion.table.SilverTable#ROW_HASH}) so that a row can be recognized as identical to one
 * already stored without reading the stored values back. Taken from an MD5 digest, so that unequal
 * rows of one key collide with a chance of 2^-64. One instance per thread.
 */
final class RowHash {
  private final MessageDigest digest;
  private final DataOutputStream out;

  RowHash() {
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
    out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
  }

  /** The fingerprint of a row's values and of its rule outcomes. */
  long of(Object[] values, byte[] outcomes) {
    digest.reset();
    try {
      for (Object value : values) {
        write(value);
      }
      out.write(outcomes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = digest.digest();
    long hash = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      hash = (hash << 8) | (bytes[i] & 0xff);
    }
    return hash;
  }

  private void write(Object value) throws IOException {
    if (value instanceof List<?> list) {
      out.writeByte(-1);
      out.writeInt(list.size());
      for (Object element : list) {
        write(element);
      }
    } else {
      SpillValues.write(out, value);
    }
  }
}
