package io.medallion.core.dqdl;

/**
 * A DQDL rule, or part of it, has no medallion equivalent. The message says what is unsupported and
 * what to write instead; {@link DqdlRuleset#parse} prefixes it with the rule's number and text.
 *
 * <pre>{@code
 * throw new UnsupportedRuleException("'where' clauses are not supported");
 * }</pre>
 */
final class UnsupportedRuleException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is unsupported and what is supported instead
   */
  UnsupportedRuleException(String message) {
    super(message);
  }
}
