package io.medallion.core.internal.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON documents to a file, one per line, each with a single append-mode write so that two
 * writers never interleave inside a line. Shared by the file alert sink and file lineage.
 *
 * <pre>{@code
 * new JsonLines(Path.of("alerts.jsonl")).append(node);
 * }</pre>
 */
public final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /**
   * Creates the appender; the file and its folder are created on the first append.
   *
   * @param file the file
   */
  public JsonLines(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /**
   * Returns the file.
   *
   * @return the absolute path
   */
  public Path file() {
    return file;
  }

  /**
   * Appends one document as a line.
   *
   * @param document the document
   * @throws IOException when the folder or file cannot be written
   */
  public synchronized void append(JsonNode document) throws IOException {
    byte[] json = JSON.writeValueAsBytes(document);
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    Path folder = file.getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (line.hasRemaining()) {
        channel.write(line);
      }
    }
  }
}
