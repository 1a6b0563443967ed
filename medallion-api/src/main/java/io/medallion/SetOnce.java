package io.medallion;

import java.util.HashMap;
import java.util.Map;

/**
 * Records which single-valued properties a definition builder was given, so that giving one twice
 * is reported as a validation problem with every other problem instead of silently keeping the last
 * value. Keyed properties (a column's doc, a namespace's description) use the key in the property
 * name.
 *
 * <pre>{@code
 * SetOnce given = new SetOnce();
 * description = given.set("description", "first");
 * description = given.set("description", "second");
 * given.problems().messages(); // ["description is set twice: first, then second; set it once"]
 * }</pre>
 */
public final class SetOnce {
  private final Map<String, Object> given = new HashMap<>();
  private final Problems problems = new Problems();

  /** Creates a record of no property given yet. */
  public SetOnce() {}

  /**
   * Notes that a property was given, and a problem when it was given before.
   *
   * @param property the property's name as the user wrote it, e.g. {@code "description"}
   * @param value the value given
   * @param <T> the value's type
   * @return the value, so a setter can assign it in one statement
   */
  public <T> T set(String property, T value) {
    if (given.containsKey(property)) {
      problems.add(
          property + " is set twice: " + given.get(property) + ", then " + value + "; set it once");
    } else {
      given.put(property, value);
    }
    return value;
  }

  /**
   * Returns the properties given twice so far, in a new collector a builder adds its own problems
   * to.
   *
   * @return a new collector holding one problem per repeated property
   */
  public Problems problems() {
    Problems copy = new Problems();
    copy.addAll(problems.messages());
    return copy;
  }
}
