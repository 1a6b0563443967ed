package io.medallion.core.dqdl;

import java.util.List;
import software.amazon.glue.dqdl.model.condition.number.AtomicNumberOperand;
import software.amazon.glue.dqdl.model.condition.number.NullNumericOperand;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;
import software.amazon.glue.dqdl.model.condition.number.NumericOperand;

/**
 * A numeric DQDL condition with constant operands, as an interval. It keeps DQDL's semantics:
 * {@code between a and b} excludes both bounds, as AWS's own {@code NumberBasedCondition} evaluates
 * it ({@code metric > a && metric < b}).
 *
 * <pre>{@code
 * Bounds age = Bounds.of(condition); // between 0 and 120
 * age.min(); // Math.nextUp(0.0): the least double above 0
 * age.maxWhole(); // 119
 * }</pre>
 *
 * @param lower the lower bound, or negative infinity
 * @param lowerInclusive whether the lower bound itself is inside
 * @param upper the upper bound, or positive infinity
 * @param upperInclusive whether the upper bound itself is inside
 */
record Bounds(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {

  /**
   * Reads a condition.
   *
   * @param condition a comparison with numbers
   * @return the interval the condition accepts
   * @throws UnsupportedRuleException for negated conditions, {@code in} lists and non-constant
   *     operands
   */
  static Bounds of(NumberBasedCondition condition) {
    List<NumericOperand> operands = condition.getOperands();
    switch (condition.getOperator()) {
      case BETWEEN:
        return new Bounds(number(operands.get(0)), false, number(operands.get(1)), false);
      case GREATER_THAN:
        return new Bounds(number(operands.get(0)), false, Double.POSITIVE_INFINITY, true);
      case GREATER_THAN_EQUAL_TO:
        return new Bounds(number(operands.get(0)), true, Double.POSITIVE_INFINITY, true);
      case LESS_THAN:
        return new Bounds(Double.NEGATIVE_INFINITY, true, number(operands.get(0)), false);
      case LESS_THAN_EQUAL_TO:
        return new Bounds(Double.NEGATIVE_INFINITY, true, number(operands.get(0)), true);
      case EQUALS:
        double value = number(operands.get(0));
        return new Bounds(value, true, value, true);
      case IN:
        throw new UnsupportedRuleException(
            "numeric 'in' lists are not supported; use between, >, >=, <, <= or =,"
                + " or quote the values to compare the column's text");
      default:
        throw new UnsupportedRuleException(
            "negated conditions ('not between', '!=', 'not in') are not supported;"
                + " use between, >, >=, <, <= or =");
    }
  }

  /**
   * Returns the least double inside: exact, since {@code Math.nextUp(x)} is the least double
   * greater than {@code x}.
   *
   * @return the inclusive lower bound for doubles
   */
  double min() {
    return lowerInclusive ? lower : Math.nextUp(lower);
  }

  /**
   * Returns the greatest double inside.
   *
   * @return the inclusive upper bound for doubles
   */
  double max() {
    return upperInclusive ? upper : Math.nextDown(upper);
  }

  /**
   * Returns the least whole number inside.
   *
   * @return the inclusive lower bound for whole numbers; {@link Long#MIN_VALUE} when unbounded
   */
  long minWhole() {
    return (long) (lowerInclusive ? Math.ceil(lower) : Math.floor(lower) + 1);
  }

  /**
   * Returns the greatest whole number inside.
   *
   * @return the inclusive upper bound for whole numbers; {@link Long#MAX_VALUE} when unbounded
   */
  long maxWhole() {
    return (long) (upperInclusive ? Math.floor(upper) : Math.ceil(upper) - 1);
  }

  /**
   * Returns the least ratio inside, for metrics between 0 and 1 that medallion can only bound from
   * below.
   *
   * @return the minimum, in [0, 1]
   * @throws UnsupportedRuleException when the interval has no lower bound, caps the ratio below 1
   *     or lies entirely above 1
   */
  double minRatio() {
    if (lower == Double.NEGATIVE_INFINITY) {
      throw new UnsupportedRuleException(
          "the condition sets no minimum; medallion checks a minimum ratio: use '> x' or '>= x'");
    }
    if (upper < 1 || (upper == 1 && !upperInclusive)) {
      throw new UnsupportedRuleException(
          "an upper bound below 1 is not supported (DQDL's 'between' excludes its bounds, so"
              + " 'between x and 1.0' also fails a ratio of exactly 1); medallion checks only a"
              + " minimum ratio: use '> x' or '>= x'");
    }
    double min = Math.max(0, min());
    if (min > 1) {
      throw new UnsupportedRuleException("the condition can never be met: a ratio is at most 1");
    }
    return min;
  }

  private static double number(NumericOperand operand) {
    if (operand instanceof AtomicNumberOperand) {
      return Double.parseDouble(operand.getOperand());
    }
    if (operand instanceof NullNumericOperand) {
      throw new UnsupportedRuleException(
          "NULL is not supported as a bound; use IsComplete or Completeness for missing values");
    }
    throw new UnsupportedRuleException(
        "the dynamic bound '"
            + operand
            + "' is not supported here; use a number"
            + " (RowCount, Completeness and 'with threshold' accept '> avg(last(N))')");
  }
}
