package io.medallion.core.internal.read;

import io.medallion.core.read.ArrowBatches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The batches of one read in one output root, under an allocator of their own (a child of the
 * allocator iceberg-arrow reads into, so buffers move between them without copying). Stops at the
 * request's limit. Closing closes the source, the root and the allocator, in that order, and keeps
 * the first failure: closing the allocator fails if any buffer of the read is still held.
 */
final class TableBatches implements ArrowBatches {
  private final BatchSource source;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final int filesPlanned;
  private final boolean vectorized;
  private long remaining;

  TableBatches(
      BatchSource source,
      BufferAllocator allocator,
      VectorSchemaRoot root,
      int filesPlanned,
      boolean vectorized,
      long limit) {
    this.source = source;
    this.allocator = allocator;
    this.root = root;
    this.filesPlanned = filesPlanned;
    this.vectorized = vectorized;
    this.remaining = limit;
  }

  @Override
  public boolean next() {
    if (remaining <= 0) {
      root.clear();
      return false;
    }
    int rows = source.fill(root);
    if (rows == 0) {
      remaining = 0;
      return false;
    }
    if (rows > remaining) {
      root.setRowCount((int) remaining);
    }
    remaining -= root.getRowCount();
    return true;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public List<Map<String, Object>> batchRows() {
    List<FieldVector> vectors = root.getFieldVectors();
    List<Map<String, Object>> rows = new ArrayList<>(root.getRowCount());
    for (int row = 0; row < root.getRowCount(); row++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (FieldVector vector : vectors) {
        values.put(vector.getName(), ArrowValues.get(vector, row));
      }
      rows.add(values);
    }
    return rows;
  }

  @Override
  public int filesPlanned() {
    return filesPlanned;
  }

  @Override
  public boolean vectorized() {
    return vectorized;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {source, root, allocator}) {
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
