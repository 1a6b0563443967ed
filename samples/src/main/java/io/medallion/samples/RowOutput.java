package io.medallion.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the rows {@code show} reads, batch by batch, without holding more than one batch: an
 * aligned text table (column widths fixed by the header and the first batch, at most {@value
 * #MAX_WIDTH} characters, longer values cut), CSV (RFC 4180), or JSON (one object per line).
 */
abstract class RowOutput {
  /** The widest a table column gets. */
  static final int MAX_WIDTH = 40;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The output formats. */
  enum Format {
    /** An aligned text table. */
    TABLE,
    /** Comma-separated values with a header line. */
    CSV,
    /** One JSON object per line. */
    JSON
  }

  final PrintWriter out;
  final List<String> columns;

  private RowOutput(PrintWriter out, List<String> columns) {
    this.out = out;
    this.columns = columns;
  }

  /**
   * Starts an output.
   *
   * @param format the format
   * @param out where to print
   * @param columns the column names, in order
   * @return the output
   */
  static RowOutput of(Format format, PrintWriter out, List<String> columns) {
    switch (format) {
      case CSV:
        return new Csv(out, columns);
      case JSON:
        return new Json(out, columns);
      default:
        return new Table(out, columns);
    }
  }

  /**
   * Prints one batch of rows.
   *
   * @param rows each row's values by column, in column order (as the read API returns them)
   */
  abstract void batch(List<Map<String, Object>> rows);

  /** Prints what closes the output (a table's header when there were no rows). */
  void finish() {
    out.flush();
  }

  /** A value as text: JSON for lists and structs, ISO-8601 for times. */
  static String text(Object value) {
    if (value == null) {
      return "";
    } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  /** The aligned text table. */
  private static final class Table extends RowOutput {
    private int[] widths;

    Table(PrintWriter out, List<String> columns) {
      super(out, columns);
    }

    @Override
    void batch(List<Map<String, Object>> rows) {
      if (widths == null) {
        header(rows);
      }
      for (Map<String, Object> row : rows) {
        List<String> cells = new ArrayList<>();
        for (Object value : row.values()) {
          cells.add(value == null ? "null" : text(value));
        }
        line(cells);
      }
    }

    @Override
    void finish() {
      if (widths == null) {
        header(List.of());
      }
      super.finish();
    }

    private void header(List<Map<String, Object>> firstRows) {
      widths = new int[columns.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.min(MAX_WIDTH, columns.get(i).length());
      }
      for (Map<String, Object> row : firstRows) {
        for (int i = 0; i < widths.length; i++) {
          Object value = row.get(columns.get(i));
          int length = value == null ? 4 : text(value).length();
          widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], length));
        }
      }
      line(columns);
      List<String> rule = new ArrayList<>();
      for (int width : widths) {
        rule.add("-".repeat(width));
      }
      line(rule);
    }

    private void line(List<String> cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i).replace('\n', ' ');
        if (cell.length() > widths[i]) {
          cell = cell.substring(0, widths[i] - 1) + "~";
        }
        if (i > 0) {
          line.append(" | ");
        }
        line.append(cell).append(" ".repeat(widths[i] - cell.length()));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** RFC 4180 CSV with a header line; null is an empty field. */
  private static final class Csv extends RowOutput {
    Csv(PrintWriter out, List<String> columns) {
      super(out, columns);
      line(new ArrayList<>(columns));
    }

    @Override
    void batch(List<Map<String, Object>> rows) {
      rows.forEach(row -> line(new ArrayList<>(row.values())));
    }

    private void line(List<?> values) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        String field = text(values.get(i));
        boolean quote =
            field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        line.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
      }
      out.print(line);
      out.print("\r\n");
    }
  }

  /** One JSON object per line, keys in column order. */
  private static final class Json extends RowOutput {
    Json(PrintWriter out, List<String> columns) {
      super(out, columns);
    }

    @Override
    void batch(List<Map<String, Object>> rows) {
      for (Map<String, Object> row : rows) {
        try {
          out.println(JSON.writeValueAsString(row));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
