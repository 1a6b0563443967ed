package io.medallion.core.internal.read;

import java.util.List;
import org.apache.iceberg.arrow.vectorized.BaseBatchReader;
import org.apache.iceberg.arrow.vectorized.VectorHolder;
import org.apache.iceberg.parquet.VectorizedReader;

/**
 * Reads a batch of every projected column as iceberg-arrow's {@link VectorHolder}s: the Arrow
 * vector as read and, for a dictionary-encoded column chunk, the Parquet dictionary its ids point
 * into. {@link ParquetDictionaries} decodes those straight into the output vectors, instead of
 * through iceberg-arrow's per-value decoding, which makes a Java string of every text value.
 */
final class HolderBatchReader extends BaseBatchReader<VectorHolder[]> {
  HolderBatchReader(List<VectorizedReader<?>> readers) {
    super(readers);
  }

  @Override
  public VectorHolder[] read(VectorHolder[] reuse, int rows) {
    if (reuse == null) {
      closeVectors();
    }
    for (int i = 0; i < readers.length; i++) {
      vectorHolders[i] = readers[i].read(vectorHolders[i], rows);
    }
    return vectorHolders.clone();
  }
}
