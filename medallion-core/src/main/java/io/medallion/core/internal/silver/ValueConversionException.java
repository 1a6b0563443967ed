package io.medallion.core.internal.silver;

/** A JSON value cannot be converted to a column's type; the message names value and type. */
final class ValueConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  ValueConversionException(String message) {
    super(message, null, false, false);
  }
}
