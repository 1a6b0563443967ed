package io.medallion.core.internal.silver;

import io.medallion.core.internal.quality.Rows;
import io.medallion.quality.RowView;
import io.medallion.table.Derivation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Computes derived columns; see {@link Derivation} for what each one means. */
final class Derivations {
  private final LocalDate asOf;

  /**
   * Creates the evaluator.
   *
   * @param asOf the run's date, for ages and tenure, so one run is internally consistent
   */
  Derivations(LocalDate asOf) {
    this.asOf = asOf;
  }

  Object compute(Derivation derivation, RowView row) {
    if (derivation instanceof Derivation.Generation g) {
      LocalDate born = date(row.get(g.birthColumn()));
      return born == null ? null : generation(born.getYear());
    } else if (derivation instanceof Derivation.Tenure t) {
      LocalDate registered = date(row.get(t.registeredColumn()));
      if (registered == null) {
        return null;
      }
      long years = ChronoUnit.YEARS.between(registered, asOf);
      return years < 2 ? "new" : years < 10 ? "established" : "veteran";
    } else if (derivation instanceof Derivation.YearsSince y) {
      LocalDate from = date(row.get(y.dateColumn()));
      return from == null ? null : (int) ChronoUnit.YEARS.between(from, asOf);
    } else if (derivation instanceof Derivation.EmailDomain e) {
      Object email = row.get(e.emailColumn());
      if (!(email instanceof String text) || text.lastIndexOf('@') < 0) {
        return null;
      }
      String domain = text.substring(text.lastIndexOf('@') + 1).strip();
      return domain.isEmpty() ? null : domain.toLowerCase(Locale.ROOT);
    } else if (derivation instanceof Derivation.Coalesce c) {
      Object value = row.get(c.column());
      return value != null ? value : compute(c.fallback(), row);
    } else if (derivation instanceof Derivation.MatchesFlag m) {
      Object value = row.get(m.column());
      return value == null ? null : m.pattern().matcher(value.toString()).matches();
    } else if (derivation instanceof Derivation.Completeness c) {
      int present = 0;
      for (String column : c.columns()) {
        if (Rows.isPresent(row.get(column))) {
          present++;
        }
      }
      return (double) present / c.columns().size();
    }
    Derivation.Custom custom = (Derivation.Custom) derivation;
    return custom.function().apply(row);
  }

  static String generation(int birthYear) {
    if (birthYear < 1946) {
      return "Silent";
    } else if (birthYear <= 1964) {
      return "Boomer";
    } else if (birthYear <= 1980) {
      return "GenX";
    } else if (birthYear <= 1996) {
      return "Millennial";
    } else if (birthYear <= 2012) {
      return "GenZ";
    }
    return "Alpha";
  }

  private static LocalDate date(Object value) {
    if (value instanceof OffsetDateTime timestamp) {
      return timestamp.toLocalDate();
    }
    return value instanceof LocalDate date ? date : null;
  }
}
