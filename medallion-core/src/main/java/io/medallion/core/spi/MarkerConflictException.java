package io.medallion.core.spi;

import io.medallion.MedallionException;

/**
 * Thrown by a {@link SourceMarker} when the batch it marks no longer follows what the table
 * recorded, for example because another writer committed the same input first. The batch is not
 * committed; the source reads the recorded marker again and resumes from it.
 *
 * <pre>{@code
 * throw new MarkerConflictException("orders/3 is recorded at 1200, this batch starts at 1100");
 * }</pre>
 */
public class MarkerConflictException extends MedallionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was recorded and what the batch expected
   */
  public MarkerConflictException(String message) {
    super(message);
  }
}
