package io.medallion.core.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RobustStatisticsTest {
  @Test
  void median_oddAndEven() {
    assertThat(RobustStatistics.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(RobustStatistics.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void modifiedZScore_jumpAfterSteadySeries_isLarge() {
    List<Double> steady = List.of(0.95, 0.96, 0.95, 0.97, 0.96, 0.95, 0.96);

    assertThat(RobustStatistics.modifiedZScore(steady, 0.96)).isLessThan(1.0);
    assertThat(RobustStatistics.modifiedZScore(steady, 0.70)).isGreaterThan(3.5);
  }

  @Test
  void modifiedZScore_oneOutlierInHistory_doesNotHideTheNextJump() {
    List<Double> withOutlier = List.of(0.95, 0.96, 0.10, 0.95, 0.96, 0.95);

    assertThat(RobustStatistics.modifiedZScore(withOutlier, 0.70)).isGreaterThan(3.5);
  }

  @Test
  void modifiedZScore_flatHistory_zeroForSameValueInfiniteOtherwise() {
    List<Double> flat = List.of(1.0, 1.0, 1.0);

    assertThat(RobustStatistics.modifiedZScore(flat, 1.0)).isZero();
    assertThat(RobustStatistics.modifiedZScore(flat, 0.99)).isInfinite();
  }

  @Test
  void modifiedZScore_mostValuesOnTheMedian_fallsBackToMeanDeviation() {
    List<Double> mostlyFlat = List.of(0.95, 0.90, 0.95);

    assertThat(RobustStatistics.modifiedZScore(mostlyFlat, 0.90)).isCloseTo(2.394, within(0.001));
    assertThat(RobustStatistics.modifiedZScore(mostlyFlat, 0.50)).isGreaterThan(3.5);
  }

  @Test
  void median_empty_rejected() {
    assertThatThrownBy(() -> RobustStatistics.median(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot take the median of no values");
  }
}
