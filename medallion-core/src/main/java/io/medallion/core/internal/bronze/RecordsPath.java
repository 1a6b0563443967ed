package io.medallion.core.internal.bronze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Descends a JSON object along a table's records path (e.g. {@code results} or {@code data.items})
 * to the array holding the records, for the file and the message readers alike.
 */
final class RecordsPath {
  /** Reads the records array; the parser stands on its start and must end on its end. */
  @FunctionalInterface
  interface Elements {
    void read(JsonParser parser) throws IOException;
  }

  private RecordsPath() {}

  /**
   * Reads the rest of an object, descending along the path; hands the array at its end to {@code
   * elements}. The parser ends at the object's end.
   *
   * @param parser standing just inside the object
   * @param path the path's segments, not empty
   * @param elements reads the records array
   * @return whether the records were found
   */
  static boolean find(JsonParser parser, List<String> path, Elements elements) throws IOException {
    return find(parser, path, 0, elements);
  }

  private static boolean find(JsonParser parser, List<String> path, int depth, Elements elements)
      throws IOException {
    boolean found = false;
    boolean last = depth == path.size() - 1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean onPath = !found && path.get(depth).equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (onPath && last && value == JsonToken.START_ARRAY) {
        elements.read(parser);
        found = true;
      } else if (onPath && !last && value == JsonToken.START_OBJECT) {
        found = find(parser, path, depth + 1, elements);
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }
}
