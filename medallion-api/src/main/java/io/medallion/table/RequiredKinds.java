package io.medallion.table;

import io.medallion.quality.Check;

/**
 * The kind of column each check needs for one of its inputs: {@code "numeric"}, {@code "date or
 * timestamp"}, {@code "string"}, or null when any will do.
 */
final class RequiredKinds implements Check.Visitor<String> {
  private static final String NUMERIC = "numeric";
  private static final String TEMPORAL = "date or timestamp";
  private static final String STRING = "string";

  private final String column;

  private RequiredKinds(String column) {
    this.column = column;
  }

  static String of(Check check, String column) {
    return check.accept(new RequiredKinds(column));
  }

  @Override
  public String visitNotNull(Check.NotNull check) {
    return null;
  }

  @Override
  public String visitMatches(Check.Matches check) {
    return STRING;
  }

  @Override
  public String visitInRange(Check.InRange check) {
    return NUMERIC;
  }

  @Override
  public String visitAllowedValues(Check.AllowedValues check) {
    return null;
  }

  @Override
  public String visitLength(Check.Length check) {
    return STRING;
  }

  @Override
  public String visitNotInFuture(Check.NotInFuture check) {
    return TEMPORAL;
  }

  @Override
  public String visitValidEmail(Check.ValidEmail check) {
    return STRING;
  }

  @Override
  public String visitValidPhone(Check.ValidPhone check) {
    return STRING;
  }

  @Override
  public String visitAfterBirth(Check.AfterBirth check) {
    return TEMPORAL;
  }

  @Override
  public String visitMatchesDerived(Check.MatchesDerived check) {
    // Both derived values read dates; the checked column holds the number compared with them.
    return column.equals(check.column()) ? NUMERIC : TEMPORAL;
  }

  @Override
  public String visitInLookup(Check.InLookup check) {
    return STRING;
  }

  @Override
  public String visitCustom(Check.Custom check) {
    return null;
  }
}
