package io.medallion.core.spi.contact;

import java.util.Objects;

/**
 * The outcome of validating one phone number.
 *
 * <pre>{@code
 * PhoneVerdict verdict = validator.validate("044 668 18 00", "CH");
 * verdict.valid(); // true
 * verdict.type();  // PhoneType.FIXED_LINE
 * verdict.e164();  // "+41446681800"
 * }</pre>
 *
 * @param valid whether the number is a valid number in its numbering plan
 * @param possible whether its length is possible there, a weaker test than validity
 * @param type the kind of line; {@link PhoneType#UNKNOWN} when not valid
 * @param e164 the number in E.164 form such as {@code +41446681800}; {@code null} when not valid
 * @param reason why the number is not valid, naming the value; {@code null} when valid
 */
public record PhoneVerdict(
    boolean valid, boolean possible, PhoneType type, String e164, String reason) {
  /**
   * Checks that a valid verdict has an E.164 form and no reason, and an invalid one the opposite.
   *
   * <pre>{@code
   * new PhoneVerdict(false, false, PhoneType.UNKNOWN, null, "missing region");
   * }</pre>
   *
   * @param valid whether the number is a valid number in its numbering plan
   * @param possible whether its length is possible there
   * @param type the kind of line; {@link PhoneType#UNKNOWN} when not valid
   * @param e164 the number in E.164 form; {@code null} when not valid
   * @param reason why the number is not valid; {@code null} when valid
   * @throws IllegalArgumentException if the components contradict each other
   */
  public PhoneVerdict {
    Objects.requireNonNull(type, "type");
    if (valid != (e164 != null) || valid == (reason != null)) {
      throw new IllegalArgumentException(
          "a valid verdict has an E.164 form and no reason, an invalid one a reason and no E.164"
              + " form, but valid="
              + valid
              + ", e164="
              + e164
              + ", reason="
              + reason);
    }
  }

  static PhoneVerdict invalid(boolean possible, String reason) {
    return new PhoneVerdict(false, possible, PhoneType.UNKNOWN, null, reason);
  }
}
