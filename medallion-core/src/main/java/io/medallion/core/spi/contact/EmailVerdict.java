package io.medallion.core.spi.contact;

import java.util.Objects;

/**
 * The outcome of validating one email address.
 *
 * <pre>{@code
 * EmailVerdict verdict = validator.validate("anna@exa mple.com");
 * verdict.valid();   // false
 * verdict.reason();  // Reason.WHITESPACE
 * verdict.message(); // "address 'anna@exa mple.com' contains whitespace at index 8"
 * }</pre>
 *
 * @param valid whether the address passed every enabled check
 * @param reason why the address is invalid; {@code null} when valid
 * @param message a short explanation naming the offending part; {@code null} when valid
 */
public record EmailVerdict(boolean valid, Reason reason, String message) {
  /** The verdict for every valid address; shared so that a valid row allocates nothing. */
  public static final EmailVerdict VALID = new EmailVerdict(true, null, null);

  /**
   * Checks that a verdict is either valid without a reason or invalid with one.
   *
   * <pre>{@code
   * new EmailVerdict(false, Reason.MISSING_AT, "address 'anna' has no '@'");
   * }</pre>
   *
   * @param valid whether the address passed every enabled check
   * @param reason why the address is invalid; {@code null} when valid
   * @param message a short explanation naming the offending part; {@code null} when valid
   * @throws IllegalArgumentException if {@code valid} disagrees with the presence of a reason
   */
  public EmailVerdict {
    if (valid != (reason == null)) {
      throw new IllegalArgumentException(
          "a verdict has a reason exactly when invalid, but valid="
              + valid
              + " and reason="
              + reason);
    }
    if (!valid) {
      Objects.requireNonNull(message, "message");
    }
  }

  static EmailVerdict invalid(Reason reason, String message) {
    return new EmailVerdict(false, reason, message);
  }

  /**
   * Why an address was rejected, from the shape of the whole address down to DNS.
   *
   * <pre>{@code
   * if (verdict.reason() == EmailVerdict.Reason.DISPOSABLE_DOMAIN) { ... }
   * }</pre>
   */
  public enum Reason {
    /** The address is {@code null} or the empty string. */
    EMPTY,
    /** The address contains a space, tab, line break or other Unicode space, anywhere. */
    WHITESPACE,
    /** The address contains a control character such as NUL, BEL or DEL. */
    CONTROL_CHARACTER,
    /** The address has no {@code @}. */
    MISSING_AT,
    /** Nothing precedes the {@code @}. */
    EMPTY_LOCAL_PART,
    /** Nothing follows the {@code @}. */
    EMPTY_DOMAIN,
    /** The local part is a quoted string such as {@code "john doe"}; not accepted. */
    QUOTED_LOCAL_PART,
    /** The domain is an address literal such as {@code [127.0.0.1]}; not accepted. */
    DOMAIN_LITERAL,
    /** The address is not ASCII but international addresses are disabled. */
    NON_ASCII,
    /** The local part has a character outside the RFC 5322 atext set (or is invisible). */
    INVALID_LOCAL_CHAR,
    /** A part starts or ends with a dot, or has two dots in a row. */
    DOT_PLACEMENT,
    /** The local part is longer than 64 octets (UTF-8). */
    LOCAL_PART_TOO_LONG,
    /** The domain, in ASCII form, is longer than 253 characters. */
    DOMAIN_TOO_LONG,
    /** The address is longer than 254 octets. */
    ADDRESS_TOO_LONG,
    /** The domain has an invalid label, a single label, or is not a valid IDN. */
    DOMAIN_SYNTAX,
    /** The top-level domain is not in the IANA root zone list. */
    UNKNOWN_TLD,
    /** The domain, or a parent of it, is a disposable-address provider. */
    DISPOSABLE_DOMAIN,
    /** DNS says the domain has no MX record and no address to fall back to. */
    NO_MX
  }
}
