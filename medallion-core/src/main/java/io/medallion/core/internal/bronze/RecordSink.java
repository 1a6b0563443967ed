package io.medallion.core.internal.bronze;

/** Receives what a {@link JsonRecordReader} finds in its input. */
interface RecordSink {
  /**
   * A record: one JSON object, exactly as received.
   *
   * @param coordinate where it was, e.g. {@code "line 3, results[12]"}
   * @param payload its raw text: the bytes received, as an Avro {@code Utf8} that Parquet writes
   *     without re-encoding, when they are valid UTF-8; else decoded, with replacement characters
   */
  void record(String coordinate, CharSequence payload);

  /**
   * Input that could not be decoded into a record.
   *
   * @param coordinate where it was
   * @param error why it could not be decoded
   * @param payload the raw input, exactly as received
   */
  void deadLetter(String coordinate, String error, String payload);
}
