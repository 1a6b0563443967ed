package io.medallion.quality;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named table that maps a key to what another value may be, for {@link Check.InLookup}: either a
 * set of allowed values or a regular expression. Keys and values are compared after stripping
 * surrounding white space and ignoring case; expressions are compiled once, here. Immutable.
 *
 * <pre>{@code
 * LookupTable countries = LookupTable.ofValues(
 *     "country_of_nationality", Map.of("CH", Set.of("Switzerland"), "DE", Set.of("Germany")));
 * countries.allows("ch", "switzerland"); // TRUE
 * countries.allows("JP", "Japan"); // null: the table does not know JP
 * }</pre>
 */
public final class LookupTable {
  private final String name;
  private final Map<String, Set<String>> valuesByKey;
  private final Map<String, Pattern> patternsByKey;

  private LookupTable(
      String name, Map<String, Set<String>> valuesByKey, Map<String, Pattern> patternsByKey) {
    this.name = name;
    this.valuesByKey = valuesByKey;
    this.patternsByKey = patternsByKey;
  }

  /**
   * Creates a table of allowed values per key.
   *
   * <pre>{@code
   * LookupTable.ofValues("country_of_nationality", Map.of("GB", Set.of("United Kingdom", "UK")));
   * }</pre>
   *
   * @param name the table's name, shown in descriptions and failures
   * @param allowedByKey the values allowed for each key
   * @return the table
   * @throws IllegalArgumentException when a key maps to no value or two keys differ only in case
   */
  public static LookupTable ofValues(
      String name, Map<String, ? extends Collection<String>> allowedByKey) {
    Map<String, Set<String>> values = new HashMap<>(allowedByKey.size() * 2);
    for (Map.Entry<String, ? extends Collection<String>> entry : allowedByKey.entrySet()) {
      if (entry.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "Lookup table '" + name + "' maps key '" + entry.getKey() + "' to no value");
      }
      Set<String> allowed = new HashSet<>();
      for (String value : entry.getValue()) {
        allowed.add(normalize(value));
      }
      put(values, name, entry.getKey(), Set.copyOf(allowed));
    }
    return new LookupTable(requireName(name), Map.copyOf(values), Map.of());
  }

  /**
   * Creates a table of one regular expression per key; a value is allowed when it matches its key's
   * expression entirely.
   *
   * <pre>{@code
   * LookupTable.ofPatterns("postcode_format", Map.of("CH", "\\d{4}", "NL", "\\d{4} ?[A-Z]{2}"));
   * }</pre>
   *
   * @param name the table's name, shown in descriptions and failures
   * @param regexByKey the expression for each key
   * @return the table
   * @throws IllegalArgumentException when an expression does not compile or two keys differ only in
   *     case
   */
  public static LookupTable ofPatterns(String name, Map<String, String> regexByKey) {
    Map<String, Pattern> patterns = new HashMap<>(regexByKey.size() * 2);
    for (Map.Entry<String, String> entry : regexByKey.entrySet()) {
      try {
        put(
            patterns,
            name,
            entry.getKey(),
            Pattern.compile(entry.getValue(), Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Lookup table '"
                + name
                + "': invalid regular expression for key '"
                + entry.getKey()
                + "': "
                + e.getDescription(),
            e);
      }
    }
    return new LookupTable(requireName(name), Map.of(), Map.copyOf(patterns));
  }

  /**
   * Returns the table's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Tells whether the table allows a value for a key.
   *
   * <pre>{@code
   * table.allows("CH", "8001"); // TRUE for a postcode table where CH is \d{4}
   * }</pre>
   *
   * @param key the key, e.g. a nationality
   * @param value the value checked
   * @return true or false, or null when the table does not know the key
   */
  public Boolean allows(String key, String value) {
    String normalizedKey = normalize(key);
    Set<String> allowed = valuesByKey.get(normalizedKey);
    if (allowed != null) {
      return allowed.contains(normalize(value));
    }
    Pattern pattern = patternsByKey.get(normalizedKey);
    return pattern == null ? null : pattern.matcher(value.strip()).matches();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LookupTable that
        && name.equals(that.name)
        && valuesByKey.equals(that.valuesByKey)
        && patternTexts(patternsByKey).equals(patternTexts(that.patternsByKey));
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, valuesByKey, patternTexts(patternsByKey));
  }

  @Override
  public String toString() {
    return name + " (" + (valuesByKey.size() + patternsByKey.size()) + " keys)";
  }

  private static <V> void put(Map<String, V> map, String name, String key, V value) {
    if (map.put(normalize(key), value) != null) {
      throw new IllegalArgumentException(
          "Lookup table '" + name + "' has key '" + key + "' twice (keys ignore case)");
    }
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A lookup table needs a name");
    }
    return name;
  }

  private static Map<String, String> patternTexts(Map<String, Pattern> patterns) {
    Map<String, String> texts = new HashMap<>();
    patterns.forEach((key, pattern) -> texts.put(key, pattern.pattern()));
    return texts;
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
