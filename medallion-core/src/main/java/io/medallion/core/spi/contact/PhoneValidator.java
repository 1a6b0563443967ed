package io.medallion.core.spi.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.init.ClassPathResourceMetadataLoader;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates phone numbers with Google libphonenumber, for data quality rules.
 *
 * <p>A number is valid when libphonenumber says it is a valid number of its numbering plan. A
 * number in national format is read in the given region. One starting with {@code +}, or with the
 * region's international call prefix ({@code 00} in most of Europe and in Iran), is read as a phone
 * in that region would dial it: it carries its own country code and may belong to another region
 * than the one given (a Swiss number on a German customer is still a valid number; {@code
 * 006-87330753} read in Iran is New Caledonia's {@code +687330753}). Only {@code +} numbers need no
 * region. Numbers containing letters are rejected before parsing: libphonenumber would read them as
 * vanity numbers ({@code 1-800-FLOWERS}), but in a contact feed a letter is a data error. That
 * includes extensions written with letters ({@code ext. 12}). Region codes are ISO 3166 alpha-2, in
 * any case.
 *
 * <p>Verdicts are cached per (region, raw value) because contact columns repeat values and parsing
 * dominates the cost. The cache is a {@link ConcurrentHashMap} that is cleared when it reaches its
 * capacity: that loses some hits an LRU would keep, but needs no lock and no bookkeeping per call.
 * Instances are thread-safe and meant to be shared; two threads missing the same key at once both
 * compute the same verdict.
 *
 * <pre>{@code
 * PhoneValidator validator = new PhoneValidator();
 * validator.validate("(067) U84-1350", "UA").reason(); // "'(067) U84-1350' contains letters: U"
 * validator.validate("044 668 18 00", "ch").e164();    // "+41446681800"
 * }</pre>
 */
public final class PhoneValidator {
  /** The default number of cached verdicts. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /**
   * One libphonenumber instance per region: each keeps its own cache of 100 compiled patterns, and
   * one shared instance thrashes that cache when rows cycle through many regions (compiling
   * patterns was about half of libphonenumber's time in a 21-nationality feed).
   */
  private static final Map<String, PhoneNumberUtil> BY_REGION = new ConcurrentHashMap<>();

  private static final String NO_REGION = "ZZ";

  private final int cacheSize;
  private final Map<Key, PhoneVerdict> cache = new ConcurrentHashMap<>();

  /**
   * Creates a validator caching up to {@link #DEFAULT_CACHE_SIZE} verdicts.
   *
   * <pre>{@code
   * PhoneValidator validator = new PhoneValidator();
   * }</pre>
   */
  public PhoneValidator() {
    this(DEFAULT_CACHE_SIZE);
  }

  /**
   * Creates a validator with a given cache size.
   *
   * <pre>{@code
   * PhoneValidator uncached = new PhoneValidator(0);
   * }</pre>
   *
   * @param cacheSize how many verdicts to keep; 0 turns caching off
   * @throws IllegalArgumentException if {@code cacheSize} is negative
   */
  public PhoneValidator(int cacheSize) {
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must be 0 or more, but was " + cacheSize);
    }
    this.cacheSize = cacheSize;
  }

  /**
   * Validates one phone number.
   *
   * <pre>{@code
   * PhoneVerdict verdict = validator.validate("079 123 45 67", "CH");
   * verdict.type(); // PhoneType.MOBILE
   * }</pre>
   *
   * @param raw the number as found in the data; {@code null} is reported as missing
   * @param region the ISO 3166 alpha-2 region to read national numbers in, in any case; may be
   *     {@code null} only for numbers starting with {@code +}
   * @return the verdict
   */
  public PhoneVerdict validate(String raw, String region) {
    String normalizedRegion = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
    if (cacheSize == 0 || raw == null) {
      return check(raw, normalizedRegion);
    }
    Key key = new Key(normalizedRegion, raw);
    PhoneVerdict cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    PhoneVerdict verdict = check(raw, normalizedRegion);
    // Each valid number is kept under two keys (raw and E.164), so numbers, not keys, are counted.
    if (cache.size() >= 2L * cacheSize) {
      cache.clear();
    }
    cache.put(key, verdict);
    if (verdict.valid() && !raw.equals(verdict.e164())) {
      // The E.164 form is what silver stores and what phone rules check next: same verdict.
      cache.put(new Key(normalizedRegion, verdict.e164()), verdict);
    }
    return verdict;
  }

  private static PhoneVerdict check(String raw, String region) {
    if (raw == null || raw.isBlank()) {
      return PhoneVerdict.invalid(false, "missing number");
    }
    String letters = letters(raw);
    if (letters != null) {
      return PhoneVerdict.invalid(false, Texts.quote(raw) + " contains letters: " + letters);
    }
    boolean international = raw.strip().startsWith("+");
    if (region == null || region.isEmpty()) {
      if (!international) {
        return PhoneVerdict.invalid(
            false,
            "missing region: "
                + Texts.quote(raw)
                + " has no +country code and no region was given");
      }
    } else if (!UTIL.getSupportedRegions().contains(region)) {
      return PhoneVerdict.invalid(
          false,
          "unknown region "
              + Texts.quote(region)
              + "; expected an ISO 3166 alpha-2 code such as 'CH' that libphonenumber supports");
    }
    String parseRegion = region == null || region.isEmpty() ? NO_REGION : region;
    PhoneNumberUtil util =
        BY_REGION.computeIfAbsent(
            parseRegion,
            r -> PhoneNumberUtil.createInstance(new ClassPathResourceMetadataLoader()));
    PhoneNumber number;
    try {
      number = util.parse(raw, parseRegion);
    } catch (NumberParseException e) {
      return PhoneVerdict.invalid(false, unparsable(raw, region, e));
    }
    ValidationResult length = util.isPossibleNumberWithReason(number);
    boolean possible =
        length == ValidationResult.IS_POSSIBLE || length == ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
    // isValidNumber is "the number type is known": asking for the type once does both, instead of
    // matching the number against its plan's patterns twice.
    PhoneNumberType type = util.getNumberType(number);
    if (type == PhoneNumberType.UNKNOWN) {
      return PhoneVerdict.invalid(possible, invalid(raw, region, number, length));
    }
    return new PhoneVerdict(
        true, possible, type(type), util.format(number, PhoneNumberFormat.E164), null);
  }

  /** Returns the distinct letters in order, comma-separated, or {@code null} if there are none. */
  private static String letters(String raw) {
    Set<String> letters = null;
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      if (Character.isLetter(cp)) {
        if (letters == null) {
          letters = new LinkedHashSet<>();
        }
        letters.add(new String(Character.toChars(cp)));
      }
      i += Character.charCount(cp);
    }
    return letters == null ? null : String.join(", ", letters);
  }

  private static String unparsable(String raw, String region, NumberParseException e) {
    String quoted = Texts.quote(raw);
    return switch (e.getErrorType()) {
      case INVALID_COUNTRY_CODE -> quoted + " has an unknown country code";
      case TOO_SHORT_AFTER_IDD -> quoted + " is too short after its international prefix";
      case TOO_SHORT_NSN -> quoted + " is too short for " + plan(region, null);
      case TOO_LONG -> quoted + " is too long to be a phone number";
      // NOT_A_NUMBER, and any kind a later libphonenumber adds.
      default -> quoted + " is not a phone number";
    };
  }

  private static String invalid(
      String raw, String region, PhoneNumber number, ValidationResult length) {
    String quoted = Texts.quote(raw);
    String plan = plan(region, number);
    return switch (length) {
      case TOO_SHORT -> quoted + " is too short for " + plan;
      case TOO_LONG -> quoted + " is too long for " + plan;
      case INVALID_LENGTH -> quoted + " has an invalid length for " + plan;
      case INVALID_COUNTRY_CODE -> quoted + " has an unknown country code";
      // The length fits but the digits match no number range of the plan.
      default -> quoted + " is not a number for " + plan;
    };
  }

  /**
   * Names the numbering plan a message is about: the given region when the number uses its country
   * code, else the country code itself, so that a foreign {@code +49} number read with region CH is
   * not reported as a bad Swiss number.
   */
  private static String plan(String region, PhoneNumber number) {
    boolean regionGiven = region != null && !region.isEmpty();
    if (number == null
        || (regionGiven && UTIL.getCountryCodeForRegion(region) == number.getCountryCode())) {
      return regionGiven ? "region " + region : "its country code";
    }
    return "country code +" + number.getCountryCode();
  }

  private static PhoneType type(PhoneNumberType type) {
    return switch (type) {
      case MOBILE -> PhoneType.MOBILE;
      case FIXED_LINE -> PhoneType.FIXED_LINE;
      case FIXED_LINE_OR_MOBILE -> PhoneType.FIXED_LINE_OR_MOBILE;
      case TOLL_FREE -> PhoneType.TOLL_FREE;
      case VOIP -> PhoneType.VOIP;
      case UNKNOWN -> PhoneType.UNKNOWN;
      // Premium rate, shared cost, personal, pager, UAN, voicemail, and kinds added later.
      default -> PhoneType.OTHER;
    };
  }

  private record Key(String region, String raw) {}
}
