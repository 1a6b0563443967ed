package io.medallion.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void count_groupsThousands() {
    assertThat(ReportFormat.count(0)).isEqualTo("0");
    assertThat(ReportFormat.count(1_234_567)).isEqualTo("1,234,567");
  }

  @Test
  void score_roundsHalfUpToThreeDecimals() {
    assertThat(ReportFormat.score(OptionalDouble.of(0.8725))).isEqualTo("0.873");
    assertThat(ReportFormat.score(OptionalDouble.of(1.0))).isEqualTo("1.000");
    assertThat(ReportFormat.score(OptionalDouble.of(0.0))).isEqualTo("0.000");
  }

  @Test
  void percent_roundsHalfUpToOneDecimal() {
    assertThat(ReportFormat.percent(OptionalDouble.of(0.945))).isEqualTo("94.5%");
    assertThat(ReportFormat.percent(OptionalDouble.of(0.12345))).isEqualTo("12.3%");
    assertThat(ReportFormat.percent(OptionalDouble.of(1.0))).isEqualTo("100.0%");
  }

  @Test
  void percent_almostAllOrNothing_neverRoundsToTheBound() {
    assertThat(ReportFormat.percent(OptionalDouble.of(0.9999))).isEqualTo(">99.9%");
    assertThat(ReportFormat.percent(OptionalDouble.of(0.0001))).isEqualTo("<0.1%");
    assertThat(ReportFormat.score(OptionalDouble.of(0.99999))).isEqualTo(">0.999");
  }

  @Test
  void format_undefined_isNotAvailableNotNaN() {
    assertThat(ReportFormat.score(OptionalDouble.empty())).isEqualTo("n/a");
    assertThat(ReportFormat.percent(OptionalDouble.empty())).isEqualTo("n/a");
  }

  @Test
  void weight_dropsTrailingZeros() {
    assertThat(ReportFormat.weight(2.0)).isEqualTo("2");
    assertThat(ReportFormat.weight(0.5)).isEqualTo("0.5");
  }

  @Test
  void time_isUtc() {
    assertThat(ReportFormat.time(Instant.parse("2026-01-15T08:30:00.123Z")))
        .isEqualTo("2026-01-15 08:30:00 UTC");
  }
}
