package io.medallion.core.internal.exec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes and reads the values Iceberg's generic records hold for primitive columns, so that they
 * come back equal (same class, same scale, same offset) after a trip through a spill file.
 *
 * <pre>{@code
 * SpillValues.write(out, "4f1c...");
 * Object key = SpillValues.read(in);
 * }</pre>
 */
public final class SpillValues {
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte FLOAT = 5;
  private static final byte BOOLEAN = 6;
  private static final byte DECIMAL = 7;
  private static final byte DATE = 8;
  private static final byte TIME = 9;
  private static final byte TIMESTAMP = 10;
  private static final byte TIMESTAMP_TZ = 11;
  private static final byte UUID_VALUE = 12;
  private static final byte BYTES = 13;

  private SpillValues() {}

  /**
   * Writes one value.
   *
   * @param out the spill file
   * @param value a primitive column value or null
   * @throws IOException when writing fails
   * @throws IllegalArgumentException naming the type when it is not a primitive column value
   */
  public static void write(DataOutput out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String text) {
      out.writeByte(STRING);
      writeString(out, text);
    } else if (value instanceof Integer number) {
      out.writeByte(INT);
      out.writeInt(number);
    } else if (value instanceof Long number) {
      out.writeByte(LONG);
      out.writeLong(number);
    } else if (value instanceof Double number) {
      out.writeByte(DOUBLE);
      out.writeDouble(number);
    } else if (value instanceof Float number) {
      out.writeByte(FLOAT);
      out.writeFloat(number);
    } else if (value instanceof Boolean flag) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(flag);
    } else if (value instanceof BigDecimal decimal) {
      out.writeByte(DECIMAL);
      out.writeInt(decimal.scale());
      writeBytes(out, decimal.unscaledValue().toByteArray());
    } else if (value instanceof LocalDate date) {
      out.writeByte(DATE);
      out.writeLong(date.toEpochDay());
    } else if (value instanceof LocalTime time) {
      out.writeByte(TIME);
      out.writeLong(time.toNanoOfDay());
    } else if (value instanceof LocalDateTime time) {
      out.writeByte(TIMESTAMP);
      out.writeLong(time.toEpochSecond(ZoneOffset.UTC));
      out.writeInt(time.getNano());
    } else if (value instanceof OffsetDateTime time) {
      out.writeByte(TIMESTAMP_TZ);
      out.writeLong(time.toEpochSecond());
      out.writeInt(time.getNano());
      out.writeInt(time.getOffset().getTotalSeconds());
    } else if (value instanceof UUID id) {
      out.writeByte(UUID_VALUE);
      out.writeLong(id.getMostSignificantBits());
      out.writeLong(id.getLeastSignificantBits());
    } else if (value instanceof ByteBuffer buffer) {
      out.writeByte(BYTES);
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      writeBytes(out, bytes);
    } else {
      throw new IllegalArgumentException(
          "Cannot spill a value of type " + value.getClass().getName() + ": " + value);
    }
  }

  /**
   * Reads one value written by {@link #write}.
   *
   * @param in the spill file
   * @return the value, equal to the one written
   * @throws IOException when reading fails or the file is corrupt
   */
  public static Object read(DataInput in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> readString(in);
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case BOOLEAN -> in.readBoolean();
      case DECIMAL -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case DATE -> LocalDate.ofEpochDay(in.readLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readLong());
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
      case TIMESTAMP_TZ -> {
        long seconds = in.readLong();
        int nanos = in.readInt();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
        yield OffsetDateTime.of(LocalDateTime.ofEpochSecond(seconds, nanos, offset), offset);
      }
      case UUID_VALUE -> new UUID(in.readLong(), in.readLong());
      case BYTES -> ByteBuffer.wrap(readBytes(in));
      default -> throw new IOException("Corrupt spill file: unknown value tag " + tag);
    };
  }

  /** Strings as UTF-8 with a length prefix: {@code writeUTF} stops at 64 KiB. */
  private static void writeString(DataOutput out, String text) throws IOException {
    writeBytes(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String readString(DataInput in) throws IOException {
    return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }
}
