package io.medallion.core.report;

import io.medallion.report.RuleStats;
import java.util.Comparator;
import java.util.List;

/** The order rules are listed in, shared by all formats so they agree. */
final class ReportOrder {
  private ReportOrder() {}

  /**
   * Worst pass rate first, because that is where to look; rules that never applied have no rate and
   * come last; ties by name so the order is stable.
   */
  static List<RuleStats> byPassRate(List<RuleStats> rules) {
    return rules.stream()
        .sorted(
            Comparator.comparingDouble(
                    (RuleStats rule) -> rule.passRate().orElse(Double.POSITIVE_INFINITY))
                .thenComparing(RuleStats::name))
        .toList();
  }
}
