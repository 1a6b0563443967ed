package io.medallion.table;

import java.util.Arrays;
import java.util.List;

/**
 * A path to a value inside a JSON record: object field names separated by dots, with an optional
 * leading {@code $.}.
 *
 * <pre>{@code
 * JsonPath street = JsonPath.parse("$.location.street.number");
 * street.segments(); // [location, street, number]
 * }</pre>
 *
 * @param segments the field names, outermost first
 */
public record JsonPath(List<String> segments) {

  /**
   * Validates the path.
   *
   * @param segments the field names
   */
  public JsonPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "Invalid JSON path " + segments + ": expected non-empty field names separated by dots");
    }
  }

  /**
   * Parses a dotted path.
   *
   * @param path e.g. {@code "name.first"} or {@code "$.name.first"}
   * @return the path
   */
  public static JsonPath parse(String path) {
    String body = path.startsWith("$.") ? path.substring(2) : path;
    if (body.isEmpty()) {
      throw new IllegalArgumentException("Invalid JSON path '" + path + "': it names no field");
    }
    return new JsonPath(Arrays.asList(body.split("\\.", -1)));
  }

  /**
   * Tells whether this path is the same as, or lies inside, another path.
   *
   * @param other the possible ancestor
   * @return true when {@code other} is a prefix of this path
   */
  public boolean startsWith(JsonPath other) {
    return segments.size() >= other.segments.size()
        && segments.subList(0, other.segments.size()).equals(other.segments);
  }

  @Override
  public String toString() {
    return "$." + String.join(".", segments);
  }
}
