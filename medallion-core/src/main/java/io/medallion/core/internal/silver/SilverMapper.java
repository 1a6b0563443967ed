package io.medallion.core.internal.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.core.spi.contact.PhoneVerdict;
import io.medallion.quality.FailedRule;
import io.medallion.schema.Column;
import io.medallion.schema.ColumnType;
import io.medallion.table.ColumnMapping;
import io.medallion.table.DerivedColumn;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON record into a silver table's typed user columns: mapping (first path with a value,
 * converted to the column type), then standardizers in column order, then derived columns. Paths
 * are split once, here; mapping a record walks the tree without allocating paths.
 *
 * <pre>{@code
 * SilverMapper mapper = new SilverMapper(users, LocalDate.now(), new PhoneValidator());
 * MappedRow row = mapper.map(objectMapper.readTree(payload));
 * }</pre>
 */
public final class SilverMapper {
  private final List<ColumnMapping> mappings;
  private final String[][][] paths;
  private final List<DerivedColumn> derived;
  private final Map<String, Integer> index = new HashMap<>();
  private final int width;
  private final Derivations derivations;
  private final PhoneValidator phones;

  /**
   * Compiles a silver table's mapping.
   *
   * @param table the silver table
   * @param asOf the run's date, for derived ages and tenure
   * @param phones normalizes phones to E.164; its cache is shared with the phone rules
   */
  public SilverMapper(SilverTable table, LocalDate asOf, PhoneValidator phones) {
    this.phones = phones;
    this.mappings = table.mappings();
    this.derived = table.derivedColumns();
    this.paths = new String[mappings.size()][][];
    for (int i = 0; i < mappings.size(); i++) {
      ColumnMapping mapping = mappings.get(i);
      paths[i] = new String[mapping.paths().size()][];
      for (int p = 0; p < mapping.paths().size(); p++) {
        paths[i][p] = mapping.paths().get(p).segments().toArray(String[]::new);
      }
      index.put(mapping.column().name(), i);
    }
    for (int i = 0; i < derived.size(); i++) {
      index.put(derived.get(i).column().name(), mappings.size() + i);
    }
    this.width = mappings.size() + derived.size();
    this.derivations = new Derivations(asOf);
  }

  /**
   * Returns how many user columns a mapped row has.
   *
   * @return the number of mapped plus derived columns
   */
  public int width() {
    return width;
  }

  /**
   * Maps one record.
   *
   * @param record the JSON object
   * @return the typed row, with any conversion errors
   */
  public MappedRow map(JsonNode record) {
    Object[] values = new Object[width];
    List<FailedRule> errors = List.of();
    for (int i = 0; i < mappings.size(); i++) {
      ColumnMapping mapping = mappings.get(i);
      JsonNode node = firstValue(record, paths[i], mapping.column().type());
      if (node == null) {
        continue;
      }
      try {
        values[i] = JsonValues.convert(node, mapping.column().type(), mapping.epochUnit());
      } catch (ValueConversionException e) {
        if (errors.isEmpty()) {
          errors = new ArrayList<>();
        }
        errors.add(
            FailedRule.typeProblem(
                mapping.column().name(), e.getMessage() + " at " + pathOf(i, record)));
      }
    }
    MappedRow row = new MappedRow(values, errors, index);
    for (int i = 0; i < mappings.size(); i++) {
      if (values[i] instanceof String text) {
        values[i] = standardize(mappings.get(i).standardizers(), text, row);
      }
    }
    for (int i = 0; i < derived.size(); i++) {
      values[mappings.size() + i] = derivations.compute(derived.get(i).derivation(), row);
    }
    return row;
  }

  /**
   * Restores a row from the typed values a quarantine row keeps as JSON, to score it again under
   * the current rules. Values are converted back to their column types; nothing is re-mapped.
   *
   * @param stored the quarantine row's {@code record} JSON object
   * @return the typed row, with any values that no longer fit their column type
   */
  public MappedRow restore(JsonNode stored) {
    Object[] values = new Object[width];
    List<FailedRule> errors = List.of();
    List<Column> columns = columns();
    for (int i = 0; i < width; i++) {
      JsonNode node = stored.get(columns.get(i).name());
      if (node == null || node.isNull()) {
        continue;
      }
      try {
        values[i] = JsonValues.convert(node, columns.get(i).type());
      } catch (ValueConversionException e) {
        if (errors.isEmpty()) {
          errors = new ArrayList<>();
        }
        errors.add(FailedRule.typeProblem(columns.get(i).name(), e.getMessage()));
      }
    }
    return new MappedRow(values, errors, index);
  }

  private String standardize(List<Standardizer> standardizers, String value, MappedRow row) {
    String current = value;
    for (Standardizer standardizer : standardizers) {
      if (current == null) {
        return null;
      }
      if (standardizer instanceof Standardizer.Text text) {
        current = TextStandardizers.apply(text, current);
      } else {
        Standardizer.PhoneE164 phone = (Standardizer.PhoneE164) standardizer;
        Object region = row.get(phone.regionColumn());
        PhoneVerdict verdict = phones.validate(current, region == null ? null : region.toString());
        // An invalid number stays as given, trimmed, so the rules can say why.
        current = verdict.valid() ? verdict.e164() : current.strip();
      }
    }
    return current;
  }

  /**
   * The first candidate path that holds a value of the column's shape (a scalar, or an array for
   * lists); failing that, the first value of another shape, so that conversion reports it.
   */
  private static JsonNode firstValue(JsonNode record, String[][] candidates, ColumnType type) {
    boolean wantsArray = type instanceof ColumnType.ListOf;
    JsonNode wrongShape = null;
    for (String[] path : candidates) {
      JsonNode node = record;
      for (String segment : path) {
        node = node.isObject() ? node.get(segment) : null;
        if (node == null) {
          break;
        }
      }
      if (node == null || node.isNull()) {
        continue;
      }
      if (wantsArray ? node.isArray() : node.isValueNode()) {
        return node;
      }
      if (wrongShape == null) {
        wrongShape = node;
      }
    }
    // A value of the wrong shape is reported as a type error rather than read as missing.
    return wrongShape;
  }

  private String pathOf(int mapping, JsonNode record) {
    for (String[] path : paths[mapping]) {
      JsonNode node = record;
      for (String segment : path) {
        node = node.isObject() ? node.get(segment) : null;
        if (node == null) {
          break;
        }
      }
      if (node != null && !node.isNull()) {
        return "$." + String.join(".", path);
      }
    }
    return mappings.get(mapping).paths().get(0).toString();
  }

  /**
   * Returns the user columns in row order.
   *
   * @return the columns
   */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    mappings.forEach(m -> columns.add(m.column()));
    derived.forEach(d -> columns.add(d.column()));
    return columns;
  }
}
