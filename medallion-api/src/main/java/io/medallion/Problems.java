package io.medallion;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems so a builder reports all of them in one {@link ValidationException}.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * problems.check(weight > 0, "weight must be > 0, got " + weight);
 * problems.throwIfAny("rule email_format");
 * }</pre>
 */
public final class Problems {
  private final List<String> messages = new ArrayList<>();

  /** Creates an empty collector. */
  public Problems() {}

  /**
   * Records a problem unless the condition holds.
   *
   * @param condition what must be true
   * @param message the problem when it is not
   */
  public void check(boolean condition, String message) {
    if (!condition) {
      messages.add(message);
    }
  }

  /**
   * Records a problem.
   *
   * @param message the problem, naming the value and what was expected
   */
  public void add(String message) {
    messages.add(message);
  }

  /**
   * Records every problem of another collector.
   *
   * @param others the problems to add
   */
  public void addAll(List<String> others) {
    messages.addAll(others);
  }

  /**
   * Returns the problems found so far.
   *
   * @return an immutable copy of the messages
   */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /**
   * Throws when any problem was recorded.
   *
   * @param subject what was validated, used in the exception message
   * @throws ValidationException listing every problem
   */
  public void throwIfAny(String subject) {
    if (!messages.isEmpty()) {
      throw new ValidationException(subject, messages);
    }
  }
}
