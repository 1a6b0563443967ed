package io.medallion.table;

import io.medallion.quality.RowView;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The functions behind the key derivations of {@link Derivation}; see each factory there. */
final class RowKeys {
  /** Separates values in a name-based UUID's input; a control character no text value holds. */
  private static final char UNIT_SEPARATOR = '\u001f';

  private RowKeys() {}

  static Object firstPresent(RowView row, List<String> columns) {
    for (String column : columns) {
      Object value = row.get(column);
      if (isPresent(value)) {
        return value;
      }
    }
    return null;
  }

  static String firstPresentColumn(RowView row, List<String> columns) {
    for (String column : columns) {
      if (isPresent(row.get(column))) {
        return column;
      }
    }
    return null;
  }

  static String joined(RowView row, String separator, List<String> columns) {
    StringBuilder text = new StringBuilder();
    for (String column : columns) {
      Object value = row.get(column);
      if (!isPresent(value)) {
        return null;
      }
      if (text.length() > 0) {
        text.append(separator);
      }
      text.append(value.toString().strip());
    }
    return text.toString();
  }

  static String nameUuid(RowView row, List<String> columns) {
    StringBuilder name = new StringBuilder();
    for (String column : columns) {
      Object value = row.get(column);
      if (!isPresent(value)) {
        return null;
      }
      if (name.length() > 0) {
        name.append(UNIT_SEPARATOR);
      }
      name.append(normalized(value));
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Text in lower case without surrounding space; instants in UTC, so offsets do not matter. */
  private static String normalized(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    return value.toString().strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isPresent(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }
}
