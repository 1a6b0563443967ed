package io.medallion.samples;

import io.medallion.quality.LookupTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the RandomUser checks know about places, as lookup tables keyed by ISO 3166 region code: the
 * country names a nationality may come with, and the national postcode formats of the countries the
 * API serves.
 *
 * <pre>{@code
 * Rule.inLookup("reported_country", "nationality", RandomUserPlaces.COUNTRY_OF_NATIONALITY);
 * }</pre>
 */
final class RandomUserPlaces {
  /**
   * English country names per region (as the JDK's locale data names them) plus the aliases feeds
   * commonly use.
   */
  static final LookupTable COUNTRY_OF_NATIONALITY =
      LookupTable.ofValues("country_of_nationality", countryNames());

  /** Postcode formats of the countries the API serves; other regions are not checked. */
  static final LookupTable POSTCODE_FORMAT =
      LookupTable.ofPatterns(
          "postcode_format",
          Map.ofEntries(
              Map.entry("AU", "\\d{4}"),
              Map.entry("BR", "\\d{5}-?\\d{3}"),
              Map.entry("CA", "[A-Z]\\d[A-Z] ?\\d[A-Z]\\d"),
              Map.entry("CH", "\\d{4}"),
              Map.entry("DE", "\\d{5}"),
              Map.entry("DK", "\\d{4}"),
              Map.entry("ES", "\\d{5}"),
              Map.entry("FI", "\\d{5}"),
              Map.entry("FR", "\\d{5}"),
              Map.entry("GB", "[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"),
              Map.entry("IE", "[A-Z]\\d[\\dW] ?[A-Z\\d]{4}"),
              Map.entry("IN", "\\d{6}"),
              Map.entry("IR", "\\d{5}-?\\d{5}"),
              Map.entry("MX", "\\d{5}"),
              Map.entry("NL", "\\d{4} ?[A-Z]{2}"),
              Map.entry("NO", "\\d{4}"),
              Map.entry("NZ", "\\d{4}"),
              Map.entry("RS", "\\d{5}"),
              Map.entry("TR", "\\d{5}"),
              Map.entry("UA", "\\d{5}"),
              Map.entry("US", "\\d{5}(-\\d{4})?")));

  private RandomUserPlaces() {}

  private static Map<String, Set<String>> countryNames() {
    Map<String, Set<String>> names = new HashMap<>();
    for (String region : Locale.getISOCountries()) {
      Set<String> regionNames = new HashSet<>();
      regionNames.add(new Locale("", region).getDisplayCountry(Locale.ENGLISH));
      names.put(region, regionNames);
    }
    names.get("US").addAll(Set.of("United States of America", "USA"));
    names
        .get("GB")
        .addAll(Set.of("United Kingdom", "Great Britain", "UK", "England", "Scotland", "Wales"));
    names.get("TR").addAll(Set.of("Turkey", "Türkiye", "Turkiye"));
    names.get("IR").addAll(Set.of("Iran", "Islamic Republic of Iran"));
    names.get("NL").addAll(Set.of("The Netherlands", "Holland"));
    names.get("RS").addAll(Set.of("Serbia", "Republic of Serbia"));
    names.get("CZ").addAll(Set.of("Czech Republic", "Czechia"));
    names.get("RU").addAll(Set.of("Russia", "Russian Federation"));
    names.get("KR").addAll(Set.of("South Korea", "Korea"));
    return names;
  }
}
