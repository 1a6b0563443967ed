package io.medallion.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.internal.quality.DefaultContactChecks;
import io.medallion.core.internal.quality.RowQuality;
import io.medallion.core.internal.quality.RuleEvaluator;
import io.medallion.core.internal.silver.MappedRow;
import io.medallion.core.internal.silver.SilverMapper;
import io.medallion.core.spi.contact.EmailValidator;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.schema.Column;
import io.medallion.table.SilverTable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps and scores single JSON records exactly as a silver table's run does, without a lake: for a
 * service that checks records before sending them, for a test of a definition, or to measure the
 * rules. Not thread-safe; use one per thread.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.of(users);
 * ValidatedRecord checked = validator.validate("{\"email\": \"ada@example.org\"}");
 * checked.score();
 * }</pre>
 */
public final class RecordValidator {
  private final SilverTable table;
  private final SilverMapper mapper;
  private final RuleEvaluator rules;
  private final List<Column> columns;
  private final ObjectMapper json = new ObjectMapper();

  private RecordValidator(SilverTable table, Clock clock, EmailValidator emails) {
    this.table = table;
    OffsetDateTime now = OffsetDateTime.now(clock);
    PhoneValidator phones = new PhoneValidator();
    this.mapper = new SilverMapper(table, now.toLocalDate(), phones);
    this.columns = mapper.columns();
    this.rules =
        new RuleEvaluator(
            table.rules(), table.policy(), now, new DefaultContactChecks(emails, phones));
  }

  /**
   * Creates a validator for a silver table's mapping, rules and policy, with the system clock and
   * the default email validator (syntax, domain, top-level domain, shipped disposable list).
   *
   * @param table the silver definition
   * @return the validator
   */
  public static RecordValidator of(SilverTable table) {
    return of(table, Clock.systemUTC(), EmailValidator.builder().build());
  }

  /**
   * Creates a validator with the settings a runtime would be given through {@code
   * MedallionRuntime.Builder.clock} and {@code emailValidator}.
   *
   * <pre>{@code
   * RecordValidator validator =
   *     RecordValidator.of(users, fixedClock, EmailValidator.builder().mxLookup(dns).build());
   * }</pre>
   *
   * @param table the silver definition
   * @param clock the clock for rules and derivations that depend on today (ages, tenure)
   * @param emails the validator behind {@code Rule.validEmail}
   * @return the validator
   */
  public static RecordValidator of(SilverTable table, Clock clock, EmailValidator emails) {
    return new RecordValidator(
        Objects.requireNonNull(table, "table"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(emails, "emails"));
  }

  /**
   * Validates one record given as JSON text.
   *
   * @param record one JSON object, as bronze would hold it
   * @return its silver columns, score, failures and the policy's verdict
   * @throws IllegalArgumentException when the text is not JSON, naming the parser's position
   */
  public ValidatedRecord validate(String record) {
    try {
      return validate(json.readTree(record));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a JSON record for " + table.id() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Validates one parsed record.
   *
   * @param record one JSON object
   * @return its silver columns, score, failures and the policy's verdict
   */
  public ValidatedRecord validate(JsonNode record) {
    MappedRow row = mapper.map(record);
    RowQuality quality = rules.evaluate(row, row.typeErrors());
    Map<String, Object> values = new LinkedHashMap<>();
    for (Column column : columns) {
      values.put(column.name(), row.get(column.name()));
    }
    return new ValidatedRecord(
        values,
        quality.score(),
        quality.failures(),
        Optional.ofNullable(quality.actionUnder(table.policy())));
  }
}
