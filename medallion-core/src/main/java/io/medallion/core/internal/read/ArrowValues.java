package io.medallion.core.internal.read;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Reads one value of an Arrow vector, either as the Java value a caller gets (the types Iceberg's
 * generic reader returns, with a struct as a map) or as the value Iceberg evaluates expressions on
 * (days for dates, microseconds for timestamps).
 */
final class ArrowValues {
  private ArrowValues() {}

  /**
   * Returns a value as a caller sees it.
   *
   * @param vector the vector
   * @param index the row
   * @return null, String, Integer, Long, Double, Boolean, BigDecimal, LocalDate, OffsetDateTime
   *     (UTC timestamps), LocalDateTime, a List, or a Map from field name to value (structs)
   */
  static Object get(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    } else if (vector instanceof VarCharVector text) {
      return new String(text.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector days) {
      return LocalDate.ofEpochDay(days.get(index));
    } else if (vector instanceof TimeStampMicroTZVector micros) {
      return DateTimeUtil.timestamptzFromMicros(micros.get(index))
          .withOffsetSameInstant(ZoneOffset.UTC);
    } else if (vector instanceof TimeStampMicroVector micros) {
      return DateTimeUtil.timestampFromMicros(micros.get(index));
    } else if (vector instanceof BitVector flags) {
      return flags.get(index) == 1;
    } else if (vector instanceof ListVector list) {
      List<Object> elements = new ArrayList<>();
      FieldVector values = list.getDataVector();
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        elements.add(get(values, i));
      }
      return elements;
    } else if (vector instanceof StructVector struct) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldVector child : struct.getChildrenFromFields()) {
        fields.put(child.getName(), get(child, index));
      }
      return fields;
    }
    // Integer, Long, Double, Float and BigDecimal as Arrow gives them.
    return vector.getObject(index);
  }

  /**
   * Returns a value as Iceberg's expression evaluator compares it.
   *
   * @param vector a vector of a primitive type
   * @param index the row
   * @return null, or the value in Iceberg's internal representation
   */
  static Object internal(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    } else if (vector instanceof VarCharVector text) {
      return new String(text.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector days) {
      return days.get(index);
    } else if (vector instanceof TimeStampMicroTZVector micros) {
      return micros.get(index);
    } else if (vector instanceof TimeStampMicroVector micros) {
      return micros.get(index);
    } else if (vector instanceof BitVector flags) {
      return flags.get(index) == 1;
    } else if (vector instanceof BigIntVector longs) {
      return longs.get(index);
    }
    return vector.getObject(index);
  }
}
