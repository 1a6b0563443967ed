package io.medallion.core.internal.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Writes the values of Iceberg's generic reader into Arrow vectors: the path for what the
 * vectorized reader does not read (lists, structs, equality deletes), so every table reads as
 * Arrow. Numbers are widened to the vector's type, as a column evolved from int to long needs for
 * older files.
 */
final class RecordWriter {
  private RecordWriter() {}

  /**
   * Writes one value.
   *
   * @param vector a vector of the type {@code ArrowSchemaUtil} gives the value's column
   * @param index the row
   * @param value the generic reader's value, or null
   */
  static void write(FieldVector vector, int index, Object value) {
    if (value == null) {
      setNull(vector, index);
    } else if (vector instanceof VarCharVector text) {
      text.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof IntVector ints) {
      ints.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector longs) {
      longs.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof Float8Vector doubles) {
      doubles.setSafe(index, ((Number) value).doubleValue());
    } else if (vector instanceof Float4Vector floats) {
      floats.setSafe(index, ((Number) value).floatValue());
    } else if (vector instanceof BitVector flags) {
      flags.setSafe(index, (Boolean) value ? 1 : 0);
    } else if (vector instanceof DecimalVector decimals) {
      decimals.setSafe(index, (BigDecimal) value);
    } else if (vector instanceof DateDayVector days) {
      days.setSafe(index, DateTimeUtil.daysFromDate((LocalDate) value));
    } else if (vector instanceof TimeStampMicroTZVector micros) {
      micros.setSafe(index, DateTimeUtil.microsFromTimestamptz((OffsetDateTime) value));
    } else if (vector instanceof TimeStampMicroVector micros) {
      micros.setSafe(index, DateTimeUtil.microsFromTimestamp((LocalDateTime) value));
    } else if (vector instanceof ListVector list) {
      writeList(list, index, (List<?>) value);
    } else if (vector instanceof StructVector struct) {
      writeStruct(struct, index, (StructLike) value);
    } else {
      throw new UnsupportedOperationException(
          "Cannot write a " + value.getClass().getSimpleName() + " to Arrow column " + vector);
    }
  }

  private static void writeList(ListVector list, int index, List<?> elements) {
    int offset = list.startNewValue(index);
    FieldVector values = list.getDataVector();
    for (int i = 0; i < elements.size(); i++) {
      write(values, offset + i, elements.get(i));
    }
    list.endValue(index, elements.size());
  }

  private static void writeStruct(StructVector struct, int index, StructLike value) {
    struct.setIndexDefined(index);
    List<FieldVector> children = struct.getChildrenFromFields();
    for (int i = 0; i < children.size(); i++) {
      write(children.get(i), index, value.get(i, Object.class));
    }
  }

  private static void setNull(FieldVector vector, int index) {
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else if (vector instanceof ListVector list) {
      list.setNull(index);
    } else if (vector instanceof StructVector struct) {
      struct.setNull(index);
    } else {
      throw new UnsupportedOperationException("Cannot write null to Arrow column " + vector);
    }
  }
}
