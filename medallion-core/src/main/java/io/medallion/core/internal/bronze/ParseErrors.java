package io.medallion.core.internal.bronze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.medallion.table.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns parser errors into messages safe to log and store. The parser quotes the text it choked on,
 * which may be a password: a message keeps at most a short excerpt of it, and none when the error
 * is at or beside a declared secret path.
 */
final class ParseErrors {
  /** The most characters of offending input a message quotes. */
  static final int EXCERPT_CHARS = 8;

  private static final int MAX_MESSAGE_CHARS = 160;

  private final List<JsonPath> secretPaths;

  ParseErrors(List<JsonPath> secretPaths) {
    this.secretPaths = List.copyOf(secretPaths);
  }

  /**
   * Describes a parse error.
   *
   * @param e the parser's error
   * @param where the field names leading to the error, outermost first, within the record
   * @return e.g. {@code Unrecognized token 'hunter2…'}
   */
  String describe(JsonProcessingException e, List<String> where) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int newline = original.indexOf('\n');
    if (newline >= 0) {
      original = original.substring(0, newline);
    }
    int quote = original.indexOf('\'');
    if (quote < 0) {
      return bounded(original);
    }
    String head = stripOpening(original.substring(0, quote));
    if (maySeeSecret(where)) {
      return bounded(head + " (the text is withheld: it may be a secret)");
    }
    int close = original.indexOf('\'', quote + 1);
    String token = original.substring(quote + 1, close < 0 ? original.length() : close);
    String excerpt =
        token.length() <= EXCERPT_CHARS ? token : token.substring(0, EXCERPT_CHARS) + "…";
    return bounded(head + " '" + excerpt + "'");
  }

  /**
   * Returns the field names leading to the parser's position, outermost first.
   *
   * @param context the parser's context when it failed
   * @return the names, without array indexes
   */
  static List<String> path(JsonStreamContext context) {
    List<String> names = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.add(c.getCurrentName());
      }
    }
    Collections.reverse(names);
    return names;
  }

  /**
   * Tells whether text read at {@code where} may belong to a secret: it is inside a secret path, or
   * a sibling of one, or above one (a broken field name may hide which field it was).
   */
  private boolean maySeeSecret(List<String> where) {
    List<String> parent = where.isEmpty() ? where : where.subList(0, where.size() - 1);
    for (JsonPath secret : secretPaths) {
      List<String> segments = secret.segments();
      if (startsWith(where, segments) || startsWith(segments, parent)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static String stripOpening(String head) {
    String text = head.strip();
    while (text.endsWith("(")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  private static String bounded(String message) {
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
