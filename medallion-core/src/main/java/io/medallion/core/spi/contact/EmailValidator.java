package io.medallion.core.spi.contact;

import io.medallion.core.spi.contact.EmailVerdict.Reason;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.validator.routines.DomainValidator;

/**
 * Validates email addresses against a practical subset of RFC 5321/5322, for data quality rules.
 *
 * <p>What is accepted, and why:
 *
 * <ul>
 *   <li>The value must be a bare address ({@code addr-spec}): no display name, comments or folding
 *       whitespace, and no whitespace anywhere, not even at the ends. A contact field holding
 *       {@code " anna@example.com"} has a data error even though a mail header may fold there.
 *   <li>The local part is a dot-atom of RFC 5322 atext. Quoted local parts ({@code "john
 *       doe"@example.com}) are rejected: RFC 5321 section 4.1.2 tells hosts to avoid them, and in
 *       contact data they are almost always mangled CSV quoting rather than real mailboxes.
 *   <li>The domain must be a host name: address literals such as {@code [127.0.0.1]} are rejected,
 *       because a contact address at a bare IP is not reachable as a person's mailbox. It needs at
 *       least two labels and a top-level domain in the IANA list (via Apache Commons Validator's
 *       {@link DomainValidator}, whose list is fixed at that library's release).
 *   <li>Internationalized addresses (RFC 6531) are accepted unless {@link
 *       Builder#allowInternational(boolean)} turns them off: a UTF-8 local part, and an IDN domain
 *       converted to ASCII with {@link IDN#toASCII(String)} for the label, length, TLD, disposable
 *       and DNS checks. That conversion follows IDNA2003, so e.g. {@code straße.de} is checked as
 *       {@code strasse.de}. Invisible (format, except the joiners ZWJ and ZWNJ that scripts such as
 *       Persian need), private-use and unassigned characters are rejected in both parts.
 *   <li>Lengths follow RFC 5321: local part at most 64 octets of UTF-8, domain at most 253
 *       characters in ASCII form, labels 1 to 63, the address at most 254 octets counting the
 *       domain in ASCII form.
 *   <li>Disposable domains are rejected when a {@link DisposableDomains} list is given; DNS is
 *       asked only when an {@link MxLookup} is given, and only for addresses that passed everything
 *       else.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; build one and share it. A valid address allocates
 * little (the domain string and what the TLD and list look-ups need), and no pattern is compiled
 * per call.
 *
 * <pre>{@code
 * EmailValidator validator = EmailValidator.builder()
 *     .disposableDomains(DisposableDomains.load(Path.of("disposable_email_blocklist.conf")))
 *     .build();
 * validator.validate("anna@example.com").valid();     // true
 * validator.validate("anna@mailinator.com").reason(); // Reason.DISPOSABLE_DOMAIN
 * }</pre>
 */
public final class EmailValidator {
  private static final int MAX_LOCAL_OCTETS = 64;
  private static final int MAX_DOMAIN_LENGTH = 253;
  private static final int MAX_ADDRESS_OCTETS = 254;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";
  private static final boolean[] ATEXT = atext();
  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final String UNACCEPTED_CHARACTER =
      ", which is invisible, private-use, unassigned or half of a surrogate pair";
  private static final DomainValidator TLDS = DomainValidator.getInstance(false);

  private final DisposableDomains disposableDomains;
  private final MxLookup mxLookup;
  private final boolean allowInternational;

  private EmailValidator(Builder builder) {
    this.disposableDomains = builder.disposableDomains;
    this.mxLookup = builder.mxLookup;
    this.allowInternational = builder.allowInternational;
  }

  /**
   * Starts a validator with international addresses allowed, the packaged disposable-domain lists
   * and DNS off.
   *
   * <pre>{@code
   * EmailValidator validator = EmailValidator.builder().allowInternational(false).build();
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the disposable-domain lists this validator rejects addresses at.
   *
   * <pre>{@code
   * EmailValidator.builder().build().disposableDomains().description();
   * }</pre>
   *
   * @return the lists
   */
  public DisposableDomains disposableDomains() {
    return disposableDomains;
  }

  /**
   * Validates one address.
   *
   * <pre>{@code
   * validator.validate("test..x@example.com").reason(); // Reason.DOT_PLACEMENT
   * }</pre>
   *
   * @param address the address as found in the data; {@code null} is reported as {@link
   *     Reason#EMPTY}
   * @return {@link EmailVerdict#VALID}, or the first problem found
   */
  public EmailVerdict validate(String address) {
    if (address == null || address.isEmpty()) {
      return EmailVerdict.invalid(Reason.EMPTY, "address is empty");
    }
    int at = -1;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == '@') {
        at = i;
      } else if (isWhitespace(c)) {
        return EmailVerdict.invalid(Reason.WHITESPACE, whitespace(address, i));
      } else if (Character.isISOControl(c)) {
        return EmailVerdict.invalid(
            Reason.CONTROL_CHARACTER,
            partAt(address, i) + " contains control character " + Texts.codePoint(c));
      }
    }
    if (at < 0) {
      return EmailVerdict.invalid(
          Reason.MISSING_AT, "address " + Texts.quote(address) + " has no '@'");
    }
    if (at == 0) {
      return EmailVerdict.invalid(
          Reason.EMPTY_LOCAL_PART,
          "address " + Texts.quote(address) + " has no local part before the '@'");
    }
    if (at == address.length() - 1) {
      return EmailVerdict.invalid(
          Reason.EMPTY_DOMAIN, "address " + Texts.quote(address) + " has no domain after the '@'");
    }
    EmailVerdict verdict = checkLocalPart(address, at);
    if (verdict != null) {
      return verdict;
    }
    int localOctets = utf8Length(address, at);
    if (localOctets > MAX_LOCAL_OCTETS) {
      return EmailVerdict.invalid(
          Reason.LOCAL_PART_TOO_LONG,
          "local part "
              + Texts.quote(address.substring(0, at))
              + " is "
              + localOctets
              + " octets long; at most "
              + MAX_LOCAL_OCTETS
              + " are allowed");
    }
    return checkDomain(address, at, localOctets);
  }

  private static String whitespace(String address, int index) {
    if (index == 0) {
      return "address " + Texts.quote(address) + " starts with whitespace";
    }
    for (int i = index; i < address.length(); i++) {
      if (!isWhitespace(address.charAt(i))) {
        return partAt(address, index) + " contains whitespace";
      }
    }
    return "address " + Texts.quote(address) + " ends with whitespace";
  }

  /** Names the part of an address that a character belongs to, for a message. */
  private static String partAt(String address, int index) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "address " + Texts.quote(address);
    }
    return index < at
        ? "local part " + Texts.quote(address.substring(0, at))
        : "domain " + Texts.quote(address.substring(at + 1));
  }

  private EmailVerdict checkLocalPart(String address, int at) {
    if (address.charAt(0) == '"') {
      return EmailVerdict.invalid(
          Reason.QUOTED_LOCAL_PART,
          "local part "
              + Texts.quote(address.substring(0, at))
              + " is quoted; only unquoted (dot-atom) local parts are accepted");
    }
    boolean previousDot = false;
    int i = 0;
    while (i < at) {
      int cp = address.codePointAt(i);
      if (cp == '.') {
        if (i == 0 || previousDot || i == at - 1) {
          String where =
              i == 0
                  ? "starts with a dot"
                  : previousDot ? "has two dots in a row" : "ends with a dot";
          return EmailVerdict.invalid(
              Reason.DOT_PLACEMENT,
              "local part " + Texts.quote(address.substring(0, at)) + " " + where);
        }
        previousDot = true;
      } else {
        previousDot = false;
        EmailVerdict verdict = checkLocalChar(address, at, cp);
        if (verdict != null) {
          return verdict;
        }
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private EmailVerdict checkLocalChar(String address, int at, int cp) {
    if (cp < 0x80) {
      return ATEXT[cp]
          ? null
          : EmailVerdict.invalid(
              Reason.INVALID_LOCAL_CHAR,
              "local part "
                  + Texts.quote(address.substring(0, at))
                  + " contains '"
                  + (char) cp
                  + "'; allowed are letters, digits, dots and "
                  + ATEXT_SYMBOLS);
    }
    if (!allowInternational) {
      return nonAscii("local part", address.substring(0, at), cp);
    }
    return isAcceptedNonAscii(cp)
        ? null
        : EmailVerdict.invalid(
            Reason.INVALID_LOCAL_CHAR,
            "local part "
                + Texts.quote(address.substring(0, at))
                + " contains "
                + Texts.codePoint(cp)
                + UNACCEPTED_CHARACTER);
  }

  private EmailVerdict checkDomain(String address, int at, int localOctets) {
    String domain = address.substring(at + 1);
    if (domain.charAt(0) == '[') {
      return EmailVerdict.invalid(
          Reason.DOMAIN_LITERAL,
          "domain "
              + Texts.quote(domain)
              + " is an address literal; only domain names are accepted");
    }
    String ascii = domain;
    int nonAscii = firstNonAscii(domain);
    if (nonAscii >= 0) {
      if (!allowInternational) {
        return nonAscii("domain", domain, domain.codePointAt(nonAscii));
      }
      EmailVerdict verdict = checkLabels(domain, domain, false);
      if (verdict != null) {
        return verdict;
      }
      try {
        ascii = IDN.toASCII(domain);
      } catch (IllegalArgumentException e) {
        return EmailVerdict.invalid(
            Reason.DOMAIN_SYNTAX,
            "domain "
                + Texts.quote(domain)
                + " is not a valid internationalized domain name: "
                + e.getMessage());
      }
    }
    EmailVerdict verdict = checkLabels(domain, ascii, true);
    if (verdict != null) {
      return verdict;
    }
    if (ascii.length() > MAX_DOMAIN_LENGTH) {
      return EmailVerdict.invalid(
          Reason.DOMAIN_TOO_LONG,
          "domain "
              + Texts.quote(domain)
              + " is "
              + ascii.length()
              + " characters long in ASCII; at most "
              + MAX_DOMAIN_LENGTH
              + " are allowed");
    }
    int addressOctets = localOctets + 1 + ascii.length();
    if (addressOctets > MAX_ADDRESS_OCTETS) {
      return EmailVerdict.invalid(
          Reason.ADDRESS_TOO_LONG,
          "address "
              + Texts.quote(address)
              + " is "
              + addressOctets
              + " octets long; at most "
              + MAX_ADDRESS_OCTETS
              + " are allowed");
    }
    int lastDot = ascii.lastIndexOf('.');
    if (lastDot < 0) {
      return EmailVerdict.invalid(
          Reason.DOMAIN_SYNTAX,
          "domain "
              + Texts.quote(domain)
              + " has a single label; a mail domain is a name under a top-level domain");
    }
    String tld = ascii.substring(lastDot + 1);
    if (!TLDS.isValidTld(tld)) {
      return EmailVerdict.invalid(
          Reason.UNKNOWN_TLD,
          "domain "
              + Texts.quote(domain)
              + " has top-level domain "
              + Texts.quote(tld)
              + ", which is not in the IANA root zone list");
    }
    String lower = ascii.toLowerCase(Locale.ROOT);
    String listed = disposableDomains.blockedEntry(lower);
    if (listed != null) {
      return EmailVerdict.invalid(
          Reason.DISPOSABLE_DOMAIN,
          "domain "
              + Texts.quote(domain)
              + " is a disposable-address provider (listed as '"
              + listed
              + "')");
    }
    if (mxLookup != null && mxLookup.lookup(lower) == MxLookup.Result.NONE) {
      return EmailVerdict.invalid(
          Reason.NO_MX,
          "domain " + Texts.quote(domain) + " has no MX record and no address record in DNS");
    }
    return EmailVerdict.VALID;
  }

  /**
   * Checks dots and hyphens in each label and, for an ASCII name, label lengths and characters.
   * Hyphens are checked on the Unicode form too, because punycode hides them: {@code ü-} becomes
   * {@code xn----dha}.
   */
  private static EmailVerdict checkLabels(String shown, String name, boolean ascii) {
    int start = 0;
    for (int end = 0; end <= name.length(); end++) {
      if (end < name.length() && name.charAt(end) != '.') {
        continue;
      }
      if (end == start) {
        String where =
            start == 0
                ? "starts with a dot"
                : end == name.length() ? "ends with a dot" : "has two dots in a row";
        return EmailVerdict.invalid(
            Reason.DOT_PLACEMENT, "domain " + Texts.quote(shown) + " " + where);
      }
      if (name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
        return invalidLabel(shown, name.substring(start, end), "it starts or ends with '-'");
      }
      EmailVerdict verdict =
          ascii
              ? checkAsciiLabel(shown, name, start, end)
              : checkUnicodeLabel(shown, name, start, end);
      if (verdict != null) {
        return verdict;
      }
      start = end + 1;
    }
    return null;
  }

  private static EmailVerdict checkAsciiLabel(String shown, String name, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (!isLetterDigitHyphen(c)) {
        return invalidLabel(
            shown, name.substring(start, end), "'" + c + "' is not a letter, digit or hyphen");
      }
    }
    if (end - start > MAX_LABEL_LENGTH) {
      return invalidLabel(
          shown,
          name.substring(start, end),
          "it is "
              + (end - start)
              + " characters long; at most "
              + MAX_LABEL_LENGTH
              + " are allowed");
    }
    return null;
  }

  private static EmailVerdict checkUnicodeLabel(String shown, String name, int start, int end) {
    int i = start;
    while (i < end) {
      int cp = name.codePointAt(i);
      if (cp >= 0x80 && !isAcceptedNonAscii(cp)) {
        return invalidLabel(
            shown,
            name.substring(start, end),
            "it contains " + Texts.codePoint(cp) + UNACCEPTED_CHARACTER);
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private static EmailVerdict invalidLabel(String domain, String label, String why) {
    return EmailVerdict.invalid(
        Reason.DOMAIN_SYNTAX,
        "domain "
            + Texts.quote(domain)
            + " has an invalid label "
            + Texts.quote(label)
            + ": "
            + why);
  }

  private static EmailVerdict nonAscii(String part, String value, int cp) {
    return EmailVerdict.invalid(
        Reason.NON_ASCII,
        part
            + " "
            + Texts.quote(value)
            + " contains non-ASCII character "
            + Texts.codePoint(cp)
            + " but international addresses are disabled");
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x80 && Character.isSpaceChar(c));
  }

  private static boolean isAcceptedNonAscii(int cp) {
    int type = Character.getType(cp);
    if (type == Character.FORMAT) {
      return cp == ZERO_WIDTH_NON_JOINER || cp == ZERO_WIDTH_JOINER;
    }
    return type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE;
  }

  private static boolean isLetterDigitHyphen(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static int firstNonAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return i;
      }
    }
    return -1;
  }

  /** The UTF-8 length of {@code text[0, end)}; an unpaired surrogate never gets this far. */
  private static int utf8Length(String text, int end) {
    int octets = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        octets += 1;
      } else if (c < 0x800) {
        octets += 2;
      } else if (Character.isHighSurrogate(c)) {
        octets += 4;
        i++;
      } else {
        octets += 3;
      }
    }
    return octets;
  }

  private static boolean[] atext() {
    boolean[] table = new boolean[0x80];
    for (char c = 'a'; c <= 'z'; c++) {
      table[c] = true;
      table[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      table[c] = true;
    }
    for (char c : ATEXT_SYMBOLS.toCharArray()) {
      table[c] = true;
    }
    return table;
  }

  /**
   * Configures an {@link EmailValidator}.
   *
   * <pre>{@code
   * EmailValidator validator = EmailValidator.builder()
   *     .disposableDomains(DisposableDomains.of(Set.of("mailinator.com"), Set.of()))
   *     .mxLookup(MxLookup.dns(Duration.ofSeconds(2), 10_000))
   *     .allowInternational(true)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private DisposableDomains disposableDomains = DisposableDomains.defaults();
    private MxLookup mxLookup;
    private boolean allowInternational = true;

    private Builder() {}

    /**
     * Sets the disposable-address providers whose addresses are rejected; by default {@link
     * DisposableDomains#defaults()}, the packaged public-domain list.
     *
     * <pre>{@code
     * builder.disposableDomains(DisposableDomains.load(Path.of("blocklist.conf")));
     * }</pre>
     *
     * @param disposableDomains the block and allow lists
     * @return this builder
     */
    public Builder disposableDomains(DisposableDomains disposableDomains) {
      this.disposableDomains = Objects.requireNonNull(disposableDomains, "disposableDomains");
      return this;
    }

    /**
     * Turns on DNS checks; off by default, because DNS makes validation slow and dependent on the
     * network. Unknown answers (timeouts) do not reject an address.
     *
     * <pre>{@code
     * builder.mxLookup(MxLookup.dns(Duration.ofSeconds(2), 10_000));
     * }</pre>
     *
     * @param mxLookup the lookup, or {@code null} to keep DNS off
     * @return this builder
     */
    public Builder mxLookup(MxLookup mxLookup) {
      this.mxLookup = mxLookup;
      return this;
    }

    /**
     * Accepts (the default) or rejects RFC 6531 addresses: UTF-8 local parts and IDN domains.
     *
     * <pre>{@code
     * builder.allowInternational(false); // "jörg@example.com" is then Reason.NON_ASCII
     * }</pre>
     *
     * @param allowInternational whether non-ASCII addresses may be valid
     * @return this builder
     */
    public Builder allowInternational(boolean allowInternational) {
      this.allowInternational = allowInternational;
      return this;
    }

    /**
     * Builds the validator; the builder may be reused.
     *
     * <pre>{@code
     * EmailValidator validator = builder.build();
     * }</pre>
     *
     * @return the validator
     */
    public EmailValidator build() {
      return new EmailValidator(this);
    }
  }
}
