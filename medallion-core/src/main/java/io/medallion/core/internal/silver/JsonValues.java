package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.medallion.schema.ColumnType;
import io.medallion.table.EpochUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts JSON values to the Java values Iceberg's generic records hold, accepting the shapes real
 * feeds use: numbers as strings and strings as numbers, timestamps as ISO-8601 text or as {@code
 * "yyyy-MM-dd HH:mm:ss"} (taken as UTC). A number is read as a timestamp only when the mapping
 * declares its epoch unit; otherwise it is a type problem.
 */
final class JsonValues {
  private JsonValues() {}

  static Object convert(JsonNode node, ColumnType type) throws ValueConversionException {
    return convert(node, type, null);
  }

  /**
   * Converts a value.
   *
   * @param epoch the unit of numbers read as timestamps or dates, or null when a number there is a
   *     type problem
   */
  static Object convert(JsonNode node, ColumnType type, EpochUnit epoch)
      throws ValueConversionException {
    try {
      return convertChecked(node, type, epoch);
    } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
      // Extreme values (1e400, epoch seconds beyond any calendar) are bad input, not a crash.
      throw new ValueConversionException(
          "cannot read " + render(node) + " as " + type.displayName() + ": out of range");
    }
  }

  private static Object convertChecked(JsonNode node, ColumnType type, EpochUnit epoch)
      throws ValueConversionException {
    if (type instanceof ColumnType.Primitive primitive) {
      return switch (primitive) {
        case STRING -> toText(node);
        case BOOLEAN -> toBoolean(node);
        case INT -> toInt(node);
        case LONG -> toLong(node, ColumnType.LONG);
        case DOUBLE -> toDouble(node);
        case DATE -> toDate(node, epoch);
        case TIMESTAMP_TZ -> toTimestamp(node, epoch);
      };
    } else if (type instanceof ColumnType.Decimal decimal) {
      return toDecimal(node, decimal);
    } else if (type instanceof ColumnType.ListOf list) {
      if (!node.isArray()) {
        throw mismatch(node, type);
      }
      List<Object> values = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        values.add(element.isNull() ? null : convertChecked(element, list.element(), epoch));
      }
      return values;
    }
    throw mismatch(node, type);
  }

  private static String toText(JsonNode node) throws ValueConversionException {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    throw mismatch(node, ColumnType.STRING);
  }

  private static Boolean toBoolean(JsonNode node) throws ValueConversionException {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw mismatch(node, ColumnType.BOOLEAN);
  }

  private static Integer toInt(JsonNode node) throws ValueConversionException {
    long value = toLong(node, ColumnType.INT);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ValueConversionException(
          "cannot read " + render(node) + " as int: it is out of range");
    }
    return (int) value;
  }

  /** Reads an integer; {@code type} is the column type named in the error. */
  private static Long toLong(JsonNode node, ColumnType type) throws ValueConversionException {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue().trim());
      } catch (NumberFormatException e) {
        throw mismatch(node, type);
      }
    }
    throw mismatch(node, type);
  }

  private static Double toDouble(JsonNode node) throws ValueConversionException {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        double value = Double.parseDouble(node.textValue().trim());
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        throw mismatch(node, ColumnType.DOUBLE);
      }
    }
    throw mismatch(node, ColumnType.DOUBLE);
  }

  private static BigDecimal toDecimal(JsonNode node, ColumnType.Decimal type)
      throws ValueConversionException {
    BigDecimal value;
    if (node.isNumber()) {
      value = node.decimalValue();
    } else if (node.isTextual()) {
      try {
        value = new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        throw mismatch(node, type);
      }
    } else {
      throw mismatch(node, type);
    }
    BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() > type.precision()) {
      throw new ValueConversionException(
          "cannot read " + render(node) + " as " + type.displayName() + ": too many digits");
    }
    return scaled;
  }

  private static LocalDate toDate(JsonNode node, EpochUnit epoch) throws ValueConversionException {
    if (node.isTextual() && node.textValue().trim().length() == 10) {
      try {
        return LocalDate.parse(node.textValue().trim());
      } catch (DateTimeParseException e) {
        throw mismatch(node, ColumnType.DATE);
      }
    }
    try {
      return toTimestamp(node, epoch).toLocalDate();
    } catch (ValueConversionException e) {
      throw mismatch(node, ColumnType.DATE);
    }
  }

  private static OffsetDateTime toTimestamp(JsonNode node, EpochUnit epoch)
      throws ValueConversionException {
    OffsetDateTime value = parseTimestamp(node, epoch);
    // Parquet stores microseconds since 1970 in a long; keep to calendar years that fit easily.
    if (value.getYear() < 1 || value.getYear() > 9999) {
      throw new ValueConversionException(
          "cannot read "
              + render(node)
              + " as timestamp_tz: year "
              + value.getYear()
              + " is outside 1..9999");
    }
    return value;
  }

  private static OffsetDateTime parseTimestamp(JsonNode node, EpochUnit epoch)
      throws ValueConversionException {
    if (node.isNumber()) {
      if (epoch == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
        // Without a declared unit, 12345 is a broken value, not a moment in January 1970.
        throw new ValueConversionException(
            "cannot read "
                + render(node)
                + " as timestamp_tz: the mapping declares no epoch unit for numbers");
      }
      return OffsetDateTime.ofInstant(epoch.toInstant(node.longValue()), ZoneOffset.UTC);
    }
    if (!node.isTextual()) {
      throw mismatch(node, ColumnType.TIMESTAMP_TZ);
    }
    String text = node.textValue().trim();
    OffsetDateTime utc = parseUtc(text);
    if (utc != null) {
      return utc;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      if (text.length() > 10 && text.charAt(10) == ' ') {
        return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
      }
      char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      if (last == 'Z' || last == 'z' || hasOffset(text)) {
        // OffsetDateTime.parse accepts "...T00:00Z" without seconds, as Java itself prints it.
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw mismatch(node, ColumnType.TIMESTAMP_TZ);
    }
  }

  /**
   * Reads {@code 2015-06-22T09:32:12Z} with up to nine fraction digits, the shape APIs send almost
   * always, without the general parser (a tenth of silver's mapping time when it was used). Returns
   * null for anything else, invalid dates included, so that the general parser decides.
   */
  private static OffsetDateTime parseUtc(String text) {
    int length = text.length();
    if (length < 20
        || length > 30
        || length == 21
        || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || (length > 20 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0) {
      return null;
    }
    for (int scale = length > 20 ? length - 21 : 9; scale < 9; scale++) {
      fraction *= 10;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, fraction, ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean hasOffset(String text) {
    int n = text.length();
    return n > 6 && (text.charAt(n - 6) == '+' || text.charAt(n - 6) == '-');
  }

  private static ValueConversionException mismatch(JsonNode node, ColumnType type) {
    return new ValueConversionException(
        "cannot read " + render(node) + " as " + type.displayName());
  }

  static String render(JsonNode node) {
    String kind =
        node.isTextual()
            ? "string"
            : node.isNumber()
                ? "number"
                : node.isBoolean() ? "boolean" : node.isObject() ? "object" : "array";
    String text = node.isValueNode() ? node.toString() : "";
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return text.isEmpty() ? kind : kind + " " + text;
  }
}
