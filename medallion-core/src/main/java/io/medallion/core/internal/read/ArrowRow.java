package io.medallion.core.internal.read;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.iceberg.StructLike;

/**
 * One row of a batch as Iceberg's expression evaluator reads it: a cursor over the batch's vectors
 * that is moved from row to row instead of copying values out.
 */
final class ArrowRow implements StructLike {
  private final List<FieldVector> vectors;
  private int row;

  ArrowRow(List<FieldVector> vectors) {
    this.vectors = vectors;
  }

  /** Moves the cursor; returns this row. */
  ArrowRow at(int index) {
    this.row = index;
    return this;
  }

  @Override
  public int size() {
    return vectors.size();
  }

  @Override
  public <T> T get(int pos, Class<T> javaClass) {
    return javaClass.cast(ArrowValues.internal(vectors.get(pos), row));
  }

  @Override
  public <T> void set(int pos, T value) {
    throw new UnsupportedOperationException("A batch row is read-only");
  }
}
