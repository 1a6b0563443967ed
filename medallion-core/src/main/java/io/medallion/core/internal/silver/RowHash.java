package io.medallion.core.internal.silver;

import io.medallion.core.internal.exec.SpillValues;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A 64-bit fingerprint of a row's typed values and rule outcomes, stored with the row ({@link
 * io.medallion.table.SilverTable#ROW_HASH}) so that a row can be recognized as identical to one
 * already stored without reading the stored values back. Taken from an MD5 digest, so that unequal
 * rows of one key collide with a chance of 2^-64. The row's bytes are gathered first and digested
 * in one call: a digest fed byte by byte cost a tenth of the job's CPU. One instance per thread.
 */
final class RowHash {
  private final MessageDigest digest;
  private final RowBytes bytes = new RowBytes();
  private final DataOutputStream out = new DataOutputStream(bytes);

  /** A reusable buffer whose bytes are digested in place. */
  private static final class RowBytes extends ByteArrayOutputStream {
    RowBytes() {
      super(512);
    }

    void digestInto(MessageDigest digest) {
      digest.update(buf, 0, count);
    }
  }

  RowHash() {
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }

  /** The fingerprint of a row's values and of its rule outcomes. */
  long of(Object[] values, byte[] outcomes) {
    digest.reset();
    bytes.reset();
    try {
      for (Object value : values) {
        write(value);
      }
      out.write(outcomes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.digestInto(digest);
    byte[] md5 = digest.digest();
    long hash = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      hash = (hash << 8) | (md5[i] & 0xff);
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
