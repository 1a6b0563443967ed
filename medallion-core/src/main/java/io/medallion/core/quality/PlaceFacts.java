package io.medallion.core.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country names and postcode formats per ISO 3166 region, built once. Names come from the JDK's
 * locale data plus the aliases feeds commonly use; postcode formats are the national ones.
 */
final class PlaceFacts {
  private static final Map<String, Set<String>> NAMES = new HashMap<>();
  private static final Map<String, Pattern> POSTCODES = new HashMap<>();

  static {
    for (String region : Locale.getISOCountries()) {
      Set<String> names = new HashSet<>();
      names.add(normalize(new Locale("", region).getDisplayCountry(Locale.ENGLISH)));
      NAMES.put(region, names);
    }
    alias("US", "United States of America", "USA");
    alias("GB", "United Kingdom", "Great Britain", "UK", "England", "Scotland", "Wales");
    alias("TR", "Turkey", "Türkiye", "Turkiye");
    alias("IR", "Iran", "Islamic Republic of Iran");
    alias("NL", "The Netherlands", "Holland");
    alias("RS", "Serbia", "Republic of Serbia");
    alias("CZ", "Czech Republic", "Czechia");
    alias("RU", "Russia", "Russian Federation");
    alias("KR", "South Korea", "Korea");
    postcode("AU", "\\d{4}");
    postcode("BR", "\\d{5}-?\\d{3}");
    postcode("CA", "[A-Z]\\d[A-Z] ?\\d[A-Z]\\d");
    postcode("CH", "\\d{4}");
    postcode("DE", "\\d{5}");
    postcode("DK", "\\d{4}");
    postcode("ES", "\\d{5}");
    postcode("FI", "\\d{5}");
    postcode("FR", "\\d{5}");
    postcode("GB", "[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
    postcode("IE", "[A-Z]\\d[\\dW] ?[A-Z\\d]{4}");
    postcode("IN", "\\d{6}");
    postcode("IR", "\\d{5}-?\\d{5}");
    postcode("MX", "\\d{5}");
    postcode("NL", "\\d{4} ?[A-Z]{2}");
    postcode("NO", "\\d{4}");
    postcode("NZ", "\\d{4}");
    postcode("RS", "\\d{5}");
    postcode("TR", "\\d{5}");
    postcode("UA", "\\d{5}");
    postcode("US", "\\d{5}(-\\d{4})?");
  }

  private PlaceFacts() {}

  /** Tells whether a country name names a region; null when the region is unknown. */
  static Boolean countryMatches(String country, String region) {
    Set<String> names = NAMES.get(region.trim().toUpperCase(Locale.ROOT));
    return names == null ? null : names.contains(normalize(country));
  }

  /** Returns the region's postcode format, or null when medallion does not know it. */
  static Pattern postcodeFormat(String region) {
    return POSTCODES.get(region.trim().toUpperCase(Locale.ROOT));
  }

  private static void alias(String region, String... names) {
    for (String name : names) {
      NAMES.get(region).add(normalize(name));
    }
  }

  private static void postcode(String region, String regex) {
    POSTCODES.put(region, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  private static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
