package io.medallion.core.internal.bronze;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A source part as bronze remembers it: where it came from and what it held.
 *
 * @param source a file's absolute path, or a custom part's name
 * @param fingerprint a file's size and SHA-256, or a custom part's identity
 */
record LoadedPart(String source, String fingerprint) {

  /**
   * A custom part with a source-given identity.
   *
   * @param name the part's name
   * @param identity its identity
   * @return the part
   */
  static LoadedPart identified(String name, String identity) {
    return new LoadedPart(name, "identity=" + identity);
  }

  /** Returns the key a file is remembered under. */
  static String source(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Returns the start of the fingerprint of every file of this size. */
  static String sizePrefix(long size) {
    return "size=" + size + ",";
  }

  /**
   * Reads a whole file to fingerprint it.
   *
   * @param file the file
   * @return the part
   * @throws IOException when the file cannot be read
   */
  static LoadedPart hash(Path file) throws IOException {
    try (Hashing in = new Hashing(Files.newInputStream(file))) {
      in.drain();
      return in.loaded(file);
    }
  }

  /** Hashes and counts the bytes read through it, so a file is fingerprinted while it is read. */
  static final class Hashing extends FilterInputStream {
    private final MessageDigest digest = sha256();
    private long size;

    Hashing(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        digest.update((byte) b);
        size++;
      }
      return b;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
      int n = in.read(target, offset, count);
      if (n > 0) {
        digest.update(target, offset, n);
        size += n;
      }
      return n;
    }

    /** Reads what the parser left, so the fingerprint covers the whole file. */
    void drain() throws IOException {
      byte[] chunk = new byte[64 * 1024];
      while (read(chunk, 0, chunk.length) >= 0) {
        // hash everything up to the end
      }
    }

    /** Returns the fingerprint of the bytes read, as the given file's. */
    LoadedPart loaded(Path file) {
      return new LoadedPart(
          source(file), sizePrefix(size) + "sha256=" + HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java runtime provides SHA-256", e);
      }
    }
  }
}
