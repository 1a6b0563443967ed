package io.medallion.core.dqdl;

import io.medallion.quality.Threshold;
import java.util.List;
import java.util.Optional;
import software.amazon.glue.dqdl.model.condition.number.AtomicNumberOperand;
import software.amazon.glue.dqdl.model.condition.number.BinaryExpressionOperand;
import software.amazon.glue.dqdl.model.condition.number.FunctionCallOperand;
import software.amazon.glue.dqdl.model.condition.number.NullNumericOperand;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedCondition;
import software.amazon.glue.dqdl.model.condition.number.NumberBasedConditionOperator;
import software.amazon.glue.dqdl.model.condition.number.NumericOperand;

/**
 * Reads DQDL's dynamic minimums, {@code > avg(last(N))} optionally plus or minus a number, as
 * medallion's {@link Threshold#historicalMean}. Both {@code >} and {@code >=} become "at least":
 * the mean is only known at run time, so no nearest representable bound exists; they differ only
 * when the value equals the mean exactly.
 *
 * <pre>{@code
 * // RowCount > avg(last(10)) - 5
 * HistoricalBounds.minimum(condition); // Optional[Threshold.historicalMean(10, -5)]
 * }</pre>
 */
final class HistoricalBounds {
  private HistoricalBounds() {}

  /**
   * Reads a dynamic minimum.
   *
   * @param condition a numeric condition
   * @return the threshold, or empty when the condition's operands are constants
   * @throws UnsupportedRuleException for dynamic expressions other than a minimum of {@code
   *     avg(last(N))} plus or minus a number
   */
  static Optional<Threshold> minimum(NumberBasedCondition condition) {
    List<NumericOperand> operands = condition.getOperands();
    if (operands.stream()
        .allMatch(o -> o instanceof AtomicNumberOperand || o instanceof NullNumericOperand)) {
      return Optional.empty();
    }
    NumberBasedConditionOperator operator = condition.getOperator();
    if (operands.size() != 1
        || (operator != NumberBasedConditionOperator.GREATER_THAN
            && operator != NumberBasedConditionOperator.GREATER_THAN_EQUAL_TO)) {
      throw new UnsupportedRuleException(
          "dynamic bounds are supported only as a minimum: '> avg(last(N))' or '>= avg(last(N))'");
    }
    return Optional.of(threshold(operands.get(0)));
  }

  private static Threshold threshold(NumericOperand operand) {
    if (operand instanceof FunctionCallOperand average) {
      return Threshold.historicalMean(runs(average, operand), 0);
    }
    if (operand instanceof BinaryExpressionOperand sum
        && (sum.getOperator().equals("+") || sum.getOperator().equals("-"))
        && sum.getOperand1() instanceof FunctionCallOperand average
        && sum.getOperand2() instanceof AtomicNumberOperand offset) {
      double value = Double.parseDouble(offset.getOperand());
      return Threshold.historicalMean(
          runs(average, operand), sum.getOperator().equals("-") ? -value : value);
    }
    throw unsupported(operand);
  }

  private static int runs(FunctionCallOperand average, NumericOperand whole) {
    if (average.getFunctionName().equals("avg")
        && average.getOperands().size() == 1
        && average.getOperands().get(0) instanceof FunctionCallOperand last
        && last.getFunctionName().equals("last")
        && last.getOperands().size() == 1
        && last.getOperands().get(0) instanceof AtomicNumberOperand count
        && count.getOperand().matches("[1-9][0-9]{0,8}")) {
      return Integer.parseInt(count.getOperand());
    }
    throw unsupported(whole);
  }

  private static UnsupportedRuleException unsupported(NumericOperand operand) {
    return new UnsupportedRuleException(
        "the dynamic bound '"
            + operand
            + "' is not supported; supported: avg(last(N)) with N >= 1,"
            + " optionally plus or minus a number");
  }
}
