package io.medallion;

import java.util.List;

/**
 * A definition is invalid. It carries every problem found, one line each, so a user fixes them all
 * at once instead of one per run.
 *
 * <pre>{@code
 * try {
 *   pipeline = Pipeline.builder("demo").tables(bronze, silver).build();
 * } catch (ValidationException e) {
 *   e.problems().forEach(log::warn);
 * }
 * }</pre>
 */
public final class ValidationException extends MedallionException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The problems, one message each. */
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was validated, e.g. {@code "silver table silver.users"}
   * @param problems one message per problem; must not be empty
   */
  public ValidationException(String subject, List<String> problems) {
    super(render(subject, problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems, one message each.
   *
   * @return the problems, in the order they were found
   */
  public List<String> problems() {
    return problems;
  }

  private static String render(String subject, List<String> problems) {
    StringBuilder text =
        new StringBuilder("Invalid ")
            .append(subject)
            .append(" (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    for (String problem : problems) {
      text.append(System.lineSeparator()).append("- ").append(problem);
    }
    return text.toString();
  }
}
