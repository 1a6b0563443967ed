package io.medallion.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {
  @Test
  void toString_nestedFilter_rendersTheWhereGrammar() {
    Filter filter =
        Filter.or(
            Filter.and(Filter.ge("age", 18), Filter.in("country", "FR", "D'E")),
            Filter.isNull("email").not(),
            Filter.lt("born", LocalDate.of(2000, 1, 2)),
            Filter.ne("at", Instant.parse("2024-01-01T00:00:00Z")));

    assertThat(filter)
        .hasToString(
            "((age >= 18 and country in ('FR', 'D''E')) or not (email is null) or born <"
                + " date '2000-01-02' or at != timestamp '2024-01-01T00:00:00Z')");
    assertThat(filter.columns()).containsExactly("age", "country", "email", "born", "at");
  }

  @Test
  void literalOf_javaValues_givesTheMatchingKind() {
    assertThat(Literal.of("x")).isEqualTo(new Literal.Text("x"));
    assertThat(Literal.of(3)).isEqualTo(new Literal.Whole(3L));
    assertThat(Literal.of(3L)).isEqualTo(new Literal.Whole(3L));
    assertThat(Literal.of(new BigDecimal("1.50")))
        .isEqualTo(new Literal.Decimal(new BigDecimal("1.50")));
    assertThat(Literal.of(2.5)).isEqualTo(new Literal.Real(2.5));
    assertThat(Literal.of(true)).isEqualTo(new Literal.Flag(true));
    assertThat(Literal.of(OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1))))
        .isEqualTo(new Literal.Moment(Instant.parse("2024-01-01T00:00:00Z")));
  }

  @Test
  void literalOf_unsupportedClassOrNaN_isRefusedNamingWhatIsAllowed() {
    assertThatThrownBy(() -> Literal.of(List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot use a java.util.ImmutableCollections$List12 as a filter")
        .hasMessageContaining("give a String, Integer, Long, BigDecimal, Double, Boolean");
    assertThatThrownBy(() -> Literal.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A real literal must be finite, got NaN");
  }

  @Test
  void constructors_emptyInOrSinglePartAndOrBlankColumn_areRefused() {
    assertThatThrownBy(() -> Filter.in("country"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'country in (...)' needs at least one value");
    assertThatThrownBy(() -> Filter.and(Filter.isNull("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'and' needs at least two conditions, got 1");
    assertThatThrownBy(() -> Filter.isNull(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A filter's column name must not be blank");
  }
}
