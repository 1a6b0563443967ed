package io.medallion.core.internal.read;

import java.io.Closeable;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Fills an output batch with the next rows of a read; closing releases what it holds. */
interface BatchSource extends Closeable {
  /**
   * Replaces the batch's contents with the next rows.
   *
   * @param out the output batch, whose vectors it may clear, refill or take buffers into
   * @return the rows now in the batch, 0 when the read is over
   */
  int fill(VectorSchemaRoot out);

  @Override
  void close();
}
