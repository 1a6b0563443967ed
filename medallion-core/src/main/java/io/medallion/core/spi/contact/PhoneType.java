package io.medallion.core.spi.contact;

/**
 * What kind of line a valid phone number is, as libphonenumber classifies it; rarer kinds (premium
 * rate, shared cost, personal, pager, UAN, voicemail) are folded into {@link #OTHER}.
 *
 * <pre>{@code
 * boolean textable = verdict.type() == PhoneType.MOBILE
 *     || verdict.type() == PhoneType.FIXED_LINE_OR_MOBILE;
 * }</pre>
 */
public enum PhoneType {
  /** A mobile number. */
  MOBILE,
  /** A landline number. */
  FIXED_LINE,
  /** A number that may be either, where the numbering plan does not tell (e.g. the US). */
  FIXED_LINE_OR_MOBILE,
  /** A free-phone number. */
  TOLL_FREE,
  /** A voice-over-IP number. */
  VOIP,
  /** A valid number of a rarer kind: premium rate, shared cost, personal, pager, UAN, voicemail. */
  OTHER,
  /** Not classified, which is always the case for an invalid number. */
  UNKNOWN
}
