package io.medallion.core.internal.read;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.iceberg.arrow.vectorized.NullabilityHolder;
import org.apache.iceberg.arrow.vectorized.VectorHolder;
import org.apache.iceberg.types.Type;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decodes dictionary-encoded column chunks into plain Arrow vectors: each value is copied from the
 * Parquet dictionary entry its id names (text as the entry's bytes, numbers as numbers), for the
 * rows a batch keeps, in one pass. A dictionary's text entries are turned into bytes once per row
 * group, not once per value.
 *
 * <pre>{@code
 * ParquetDictionaries dictionaries = new ParquetDictionaries();
 * dictionaries.decode(holder, target, kept, count);
 * }</pre>
 */
final class ParquetDictionaries {
  /** The Iceberg types whose dictionary-encoded chunks this decodes. */
  private static final Set<Type.TypeID> DECODED =
      Set.of(
          Type.TypeID.STRING,
          Type.TypeID.BINARY,
          Type.TypeID.INTEGER,
          Type.TypeID.LONG,
          Type.TypeID.FLOAT,
          Type.TypeID.DOUBLE,
          Type.TypeID.DATE,
          Type.TypeID.TIMESTAMP,
          Type.TypeID.BOOLEAN);

  /** Each dictionary's text entries as bytes; a row group's dictionary serves all its batches. */
  private final Map<Dictionary, byte[][]> textEntries = new IdentityHashMap<>();

  /**
   * Tells whether a column of this type can be read through this decoder.
   *
   * @param type the column's Iceberg type
   * @return true for text, binary, numbers, dates, microsecond timestamps and booleans
   */
  static boolean decodes(Type type) {
    return DECODED.contains(type.typeId());
  }

  /**
   * Writes the kept rows of a dictionary-encoded batch into a target vector.
   *
   * @param holder the batch's ids and dictionary
   * @param target an empty vector of the column's Arrow type
   * @param kept the rows to keep, in order, or null for every row
   * @param count how many rows that is
   * @throws IllegalStateException when the chunk's physical type does not match the target's
   */
  void decode(VectorHolder holder, FieldVector target, int[] kept, int count) {
    IntVector ids = (IntVector) holder.vector();
    NullabilityHolder nulls = holder.nullabilityHolder();
    Dictionary dictionary = holder.dictionary();
    target.allocateNew();
    if (target instanceof BaseVariableWidthVector text) {
      byte[][] entries = textEntries.computeIfAbsent(dictionary, ParquetDictionaries::bytes);
      for (int i = 0; i < count; i++) {
        int row = kept == null ? i : kept[i];
        if (nulls.isNullAt(row) == 1) {
          text.setNull(i);
        } else {
          text.setSafe(i, entries[ids.get(row)]);
        }
      }
    } else {
      checkTimestampUnit(holder, target);
      PrimitiveType.PrimitiveTypeName physical =
          holder.descriptor().getPrimitiveType().getPrimitiveTypeName();
      for (int i = 0; i < count; i++) {
        int row = kept == null ? i : kept[i];
        if (nulls.isNullAt(row) == 1) {
          target.setNull(i);
        } else {
          set(target, i, dictionary, physical, ids.get(row));
        }
      }
    }
    target.setValueCount(count);
    if (textEntries.size() > 64) {
      // Row groups come one after the other: only the current ones' dictionaries are needed.
      textEntries.clear();
    }
  }

  /** Sets one value; a column widened since the file was written (int to long) is widened. */
  private static void set(
      FieldVector target,
      int index,
      Dictionary dictionary,
      PrimitiveType.PrimitiveTypeName physical,
      int id) {
    if (target instanceof BigIntVector longs) {
      longs.setSafe(
          index,
          physical == PrimitiveType.PrimitiveTypeName.INT32
              ? dictionary.decodeToInt(id)
              : dictionary.decodeToLong(id));
    } else if (target instanceof TimeStampMicroTZVector timestamps) {
      timestamps.setSafe(index, dictionary.decodeToLong(id));
    } else if (target instanceof TimeStampMicroVector timestamps) {
      timestamps.setSafe(index, dictionary.decodeToLong(id));
    } else if (target instanceof IntVector ints) {
      ints.setSafe(index, dictionary.decodeToInt(id));
    } else if (target instanceof DateDayVector dates) {
      dates.setSafe(index, dictionary.decodeToInt(id));
    } else if (target instanceof Float8Vector doubles) {
      doubles.setSafe(
          index,
          physical == PrimitiveType.PrimitiveTypeName.FLOAT
              ? dictionary.decodeToFloat(id)
              : dictionary.decodeToDouble(id));
    } else if (target instanceof Float4Vector floats) {
      floats.setSafe(index, dictionary.decodeToFloat(id));
    } else {
      throw new IllegalStateException(
          "Cannot decode a dictionary-encoded column into " + target.getField());
    }
  }

  /** Iceberg writes microseconds; a file with another unit is not read as if it had them. */
  private static void checkTimestampUnit(VectorHolder holder, FieldVector target) {
    if (!(target instanceof TimeStampMicroTZVector || target instanceof TimeStampMicroVector)) {
      return;
    }
    PrimitiveType physical = holder.descriptor().getPrimitiveType();
    if (physical.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.INT64
        || !(physical.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp)
        || timestamp.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
      throw new IllegalStateException(
          "Cannot decode "
              + physical
              + " as microsecond timestamps for "
              + target.getField().getName());
    }
  }

  private static byte[][] bytes(Dictionary dictionary) {
    byte[][] entries = new byte[dictionary.getMaxId() + 1][];
    for (int id = 0; id < entries.length; id++) {
      entries[id] = dictionary.decodeToBinary(id).getBytes();
    }
    return entries;
  }
}
