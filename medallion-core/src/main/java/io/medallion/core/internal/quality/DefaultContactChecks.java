package io.medallion.core.internal.quality;

import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.core.spi.contact.EmailVerdict;
import io.medallion.core.spi.contact.PhoneType;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.core.spi.contact.PhoneVerdict;
import java.util.Locale;
import java.util.Set;

/**
 * Email and phone validity from medallion's validators: the email validator (syntax, domain,
 * top-level domain, disposable domains, optional MX look-up) and libphonenumber.
 *
 * <pre>{@code
 * ContactChecks checks = new DefaultContactChecks(EmailValidator.builder().build(), new PhoneValidator());
 * checks.phoneProblem("079 123 45 67", "CH", Set.of("mobile")); // null: valid
 * }</pre>
 */
public final class DefaultContactChecks implements ContactChecks {
  private final EmailValidator emails;
  private final PhoneValidator phones;

  /**
   * Wraps the validators.
   *
   * @param emails the email validator
   * @param phones the phone validator, shared with the E.164 standardizer so its cache serves both
   */
  public DefaultContactChecks(EmailValidator emails, PhoneValidator phones) {
    this.emails = emails;
    this.phones = phones;
  }

  @Override
  public String emailProblem(String address) {
    EmailVerdict verdict = emails.validate(address);
    return verdict.valid() ? null : verdict.message();
  }

  @Override
  public String phoneProblem(String phone, String region, Set<String> types) {
    PhoneVerdict verdict = phones.validate(phone, region);
    if (!verdict.valid()) {
      return verdict.reason();
    }
    if (types.isEmpty() || allowed(verdict.type(), types)) {
      return null;
    }
    return "'"
        + phone
        + "' is a "
        + verdict.type().name().toLowerCase(Locale.ROOT)
        + " number, expected "
        + new java.util.TreeSet<>(types);
  }

  /** A number the plan cannot tell apart (US) counts as both mobile and fixed line. */
  private static boolean allowed(PhoneType type, Set<String> types) {
    String name = type.name().toLowerCase(Locale.ROOT);
    if (types.contains(name)) {
      return true;
    }
    return type == PhoneType.FIXED_LINE_OR_MOBILE
        && (types.contains("mobile") || types.contains("fixed_line"));
  }
}
