package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.read.Filter;
import io.medallion.read.Literal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereParserTest {
  @Test
  void parse_everyKindOfTest_buildsTheFilter() {
    Filter filter =
        WhereParser.parse(
            "country = 'FR' AND (age >= 40 or email is null) and not name in ('O''Brien', 'x')"
                + " and score <> -1.5 and born < date '2000-01-02'"
                + " and at > timestamp '2024-01-01T01:00:00+01:00' and ok = true"
                + " and phone is not null and city not in ('Bern')");

    assertThat(filter)
        .isEqualTo(
            new Filter.And(
                List.of(
                    Filter.eq("country", "FR"),
                    Filter.or(Filter.ge("age", 40), Filter.isNull("email")),
                    Filter.in("name", "O'Brien", "x").not(),
                    Filter.ne("score", new BigDecimal("-1.5")),
                    Filter.lt("born", LocalDate.of(2000, 1, 2)),
                    Filter.gt("at", Instant.parse("2024-01-01T00:00:00Z")),
                    Filter.eq("ok", true),
                    Filter.isNull("phone").not(),
                    Filter.in("city", "Bern").not())));
  }

  @Test
  void parse_andBindsTighterThanOr() {
    assertThat(WhereParser.parse("a = 1 or b = 2 and c = 3"))
        .isEqualTo(Filter.or(Filter.eq("a", 1), Filter.and(Filter.eq("b", 2), Filter.eq("c", 3))));
  }

  @Test
  void parse_hugeWholeNumber_isADecimal() {
    assertThat(WhereParser.parse("n = 99999999999999999999"))
        .isEqualTo(
            new Filter.Compare(
                "n",
                Filter.Operator.EQ,
                new Literal.Decimal(new BigDecimal("99999999999999999999"))));
  }

  @Test
  void parse_badTokens_namesTheTokenItsPositionAndWhatWasExpected() {
    assertThatThrownBy(() -> WhereParser.parse("age >= and x = 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--where 'age >= and x = 1': expected a value ('text', a number, true, false, date"
                + " '...', timestamp '...'), found 'and' at character 8");
    assertThatThrownBy(() -> WhereParser.parse("age 40"))
        .hasMessageEndingWith(
            "expected a comparison (=, !=, <, <=, >, >=), 'in' or 'is' after age, found '40' at"
                + " character 5");
    assertThatThrownBy(() -> WhereParser.parse("(a = 1"))
        .hasMessageEndingWith("expected ')', found the end");
    assertThatThrownBy(() -> WhereParser.parse("a = 1 b = 2"))
        .hasMessageEndingWith("expected 'and', 'or' or the end, found 'b' at character 7");
    assertThatThrownBy(() -> WhereParser.parse("name = 'open"))
        .hasMessageEndingWith("the text starting at character 8 has no closing quote");
    assertThatThrownBy(() -> WhereParser.parse("a ~ 1"))
        .hasMessageEndingWith("unexpected '~' at character 3");
    assertThatThrownBy(() -> WhereParser.parse("d = date '2024-13-01'"))
        .hasMessageEndingWith(
            "expected a date like '2024-01-31', found '2024-13-01' at character 10");
    assertThatThrownBy(() -> WhereParser.parse("n = 1.2.3"))
        .hasMessageEndingWith("expected a number like 42 or -1.5, found '1.2.3' at character 5");
  }
}
