package io.medallion.samples.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirtTest {

  @Test
  void constructor_rateAboveOne_throwsNamingTheRate() {
    assertThatThrownBy(() -> new Dirt(0, 0, 1.5, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phoneLetters must be between 0 and 1, got 1.5");
  }

  @Test
  void constructor_negativeRate_throwsNamingTheRate() {
    assertThatThrownBy(() -> new Dirt(0, 0, 0, 0, -0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate must be between 0 and 1, got -0.1");
  }

  @Test
  void constructor_notANumber_throws() {
    assertThatThrownBy(() -> new Dirt(0, 0, 0, 0, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inconsistentAge must be between 0 and 1, got NaN");
  }

  @Test
  void constructor_emailRatesAboveOneTogether_throws() {
    assertThatThrownBy(() -> new Dirt(0.6, 0.5, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missingEmail + malformedEmail must be at most 1, got 0.6 + 0.5");
  }

  @Test
  void none_everyRate_isZero() {
    assertThat(Dirt.none()).isEqualTo(new Dirt(0, 0, 0, 0, 0, 0));
  }

  @Test
  void defaults_everyRate_isSmallButPresent() {
    Dirt dirt = Dirt.defaults();

    assertThat(
            List.of(
                dirt.missingEmail(),
                dirt.malformedEmail(),
                dirt.phoneLetters(),
                dirt.nullId(),
                dirt.duplicate(),
                dirt.inconsistentAge()))
        .allSatisfy(rate -> assertThat(rate).isGreaterThan(0).isLessThanOrEqualTo(0.05));
  }
}
