package io.medallion.core.silver;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalizes phone numbers to E.164 with Google libphonenumber. Parsing is the costly part, and
 * feeds repeat numbers, so results are cached per region and raw text (bounded, one cache per
 * thread's normalizer). Numbers with letters are never normalized: libphonenumber would read them
 * as vanity numbers, but in a contact feed a letter is a data error.
 */
final class PhoneNormalizer {
  private static final int CACHE_LIMIT = 100_000;
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final Map<String, String> cache = new HashMap<>();

  /**
   * Returns the E.164 form of a valid number, or null when the number is not valid for the region.
   */
  String toE164(String raw, String region) {
    if (raw == null || region == null) {
      return null;
    }
    String key = region + '|' + raw;
    String cached = cache.get(key);
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    String result = parse(raw, region.trim().toUpperCase(Locale.ROOT));
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, result == null ? "" : result);
    return result;
  }

  private static String parse(String raw, String region) {
    for (int i = 0; i < raw.length(); i++) {
      if (Character.isLetter(raw.charAt(i))) {
        return null;
      }
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(raw, region);
      return PHONES.isValidNumberForRegion(number, region)
          ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
          : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
