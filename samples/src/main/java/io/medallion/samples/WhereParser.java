package io.medallion.samples;

import io.medallion.read.Filter;
import io.medallion.read.Literal;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code show --where} text into a {@link Filter}:
 *
 * <pre>
 * condition := and ("or" and)*
 * and       := not ("and" not)*
 * not       := "not" not | "(" condition ")" | column test
 * test      := op literal | ["not"] "in" "(" literal ("," literal)* ")" | "is" ["not"] "null"
 * op        := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * literal   := 'text' | 42 | -1.5 | true | false | date '2024-01-31'
 *            | timestamp '2024-01-31T12:00:00Z'
 * </pre>
 *
 * Keywords are case-insensitive; a quote inside text is doubled ({@code 'O''Brien'}). An error
 * names the token it stopped at, its position and what was expected.
 */
final class WhereParser {
  private final String text;
  private final List<Token> tokens;
  private int next;

  private enum Kind {
    WORD,
    TEXT,
    NUMBER,
    SYMBOL,
    END
  }

  /** A token and the 1-based character it starts at. */
  private record Token(Kind kind, String value, int position) {
    boolean is(String word) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && value.equalsIgnoreCase(word);
    }

    String describe() {
      return kind == Kind.END ? "the end" : "'" + value + "' at character " + position;
    }
  }

  private WhereParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /**
   * Parses a condition.
   *
   * @param text the {@code --where} text
   * @return the filter
   * @throws IllegalArgumentException naming the bad token, where it is and what was expected
   */
  static Filter parse(String text) {
    WhereParser parser = new WhereParser(text);
    Filter filter = parser.condition();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw parser.error(rest, "'and', 'or' or the end");
    }
    return filter;
  }

  private Filter condition() {
    List<Filter> parts = new ArrayList<>(List.of(conjunction()));
    while (peek().is("or")) {
      next++;
      parts.add(conjunction());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
  }

  private Filter conjunction() {
    List<Filter> parts = new ArrayList<>(List.of(negation()));
    while (peek().is("and")) {
      next++;
      parts.add(negation());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
  }

  private Filter negation() {
    Token token = take();
    if (token.is("not")) {
      return negation().not();
    } else if (token.is("(")) {
      Filter inner = condition();
      expect(")");
      return inner;
    } else if (token.kind() == Kind.WORD && !isKeyword(token.value())) {
      return test(token.value());
    }
    throw error(token, "a column, 'not' or '('");
  }

  private Filter test(String column) {
    Token token = take();
    if (token.is("is")) {
      boolean negated = peek().is("not");
      if (negated) {
        next++;
      }
      expect("null");
      Filter isNull = Filter.isNull(column);
      return negated ? isNull.not() : isNull;
    } else if (token.is("in")) {
      return in(column);
    } else if (token.is("not")) {
      expect("in");
      return in(column).not();
    }
    Filter.Operator operator = operator(token);
    if (operator == null) {
      throw error(token, "a comparison (=, !=, <, <=, >, >=), 'in' or 'is' after " + column);
    }
    return new Filter.Compare(column, operator, literal());
  }

  private Filter in(String column) {
    expect("(");
    List<Literal> values = new ArrayList<>(List.of(literal()));
    while (peek().is(",")) {
      next++;
      values.add(literal());
    }
    expect(")");
    return new Filter.In(column, values);
  }

  private Literal literal() {
    Token token = take();
    switch (token.kind()) {
      case TEXT:
        return new Literal.Text(token.value());
      case NUMBER:
        return number(token);
      case WORD:
        return keywordLiteral(token);
      default:
        throw error(token, "a value ('text', a number, true, false, date '...', timestamp '...')");
    }
  }

  /** A whole number, or a decimal when it has a point or is beyond a long. */
  private Literal number(Token token) {
    try {
      BigDecimal value = new BigDecimal(token.value());
      return value.scale() == 0 && value.unscaledValue().bitLength() < Long.SIZE
          ? new Literal.Whole(value.longValueExact())
          : new Literal.Decimal(value);
    } catch (NumberFormatException e) {
      throw error(token, "a number like 42 or -1.5");
    }
  }

  private Literal keywordLiteral(Token token) {
    String word = token.value().toLowerCase(Locale.ROOT);
    if (word.equals("true") || word.equals("false")) {
      return new Literal.Flag(word.equals("true"));
    } else if (word.equals("date") || word.equals("timestamp")) {
      Token quoted = take();
      if (quoted.kind() != Kind.TEXT) {
        throw error(quoted, "a quoted " + word + " after " + word);
      }
      try {
        return word.equals("date")
            ? new Literal.Day(LocalDate.parse(quoted.value()))
            : new Literal.Moment(instant(quoted.value()));
      } catch (DateTimeException e) {
        throw error(
            quoted,
            word.equals("date")
                ? "a date like '2024-01-31'"
                : "a timestamp like '2024-01-31T12:00:00Z'");
      }
    }
    throw error(token, "a value ('text', a number, true, false, date '...', timestamp '...')");
  }

  /** An instant, or an offset date-time, or a day (its start in UTC). */
  static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException notDateTime) {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
  }

  private static Filter.Operator operator(Token token) {
    if (token.kind() != Kind.SYMBOL) {
      return null;
    }
    switch (token.value()) {
      case "=":
        return Filter.Operator.EQ;
      case "!=":
      case "<>":
        return Filter.Operator.NE;
      case "<":
        return Filter.Operator.LT;
      case "<=":
        return Filter.Operator.LE;
      case ">":
        return Filter.Operator.GT;
      case ">=":
        return Filter.Operator.GE;
      default:
        return null;
    }
  }

  private static boolean isKeyword(String word) {
    return List.of("and", "or", "not", "in", "is", "null", "true", "false", "date", "timestamp")
        .contains(word.toLowerCase(Locale.ROOT));
  }

  private void expect(String word) {
    Token token = take();
    if (!token.is(word)) {
      throw error(token, "'" + word + "'");
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private IllegalArgumentException error(Token token, String expected) {
    return new IllegalArgumentException(
        "--where '" + text + "': expected " + expected + ", found " + token.describe());
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException(
                "--where '"
                    + text
                    + "': the text starting at character "
                    + (start + 1)
                    + " has no closing quote");
          }
          if (text.charAt(i) == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
              value.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(text.charAt(i++));
        }
        tokens.add(new Token(Kind.TEXT, value.toString(), start + 1));
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
        i++;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        String symbol = List.of("!=", "<>", "<=", ">=").contains(two) ? two : String.valueOf(c);
        if (!"=<>(),".contains(symbol) && symbol.length() == 1) {
          throw new IllegalArgumentException(
              "--where '" + text + "': unexpected '" + symbol + "' at character " + (start + 1));
        }
        i += symbol.length();
        tokens.add(new Token(Kind.SYMBOL, symbol, start + 1));
      }
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
    return tokens;
  }
}
