package io.medallion.core.dqdl;

import io.medallion.Problems;
import io.medallion.ValidationException;
import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import java.util.List;
import java.util.Objects;
import software.amazon.glue.dqdl.exception.InvalidDataQualityRulesetException;
import software.amazon.glue.dqdl.model.DQAnalyzer;
import software.amazon.glue.dqdl.model.DQRule;
import software.amazon.glue.dqdl.model.DQRuleset;
import software.amazon.glue.dqdl.parser.DQDLParser;

/**
 * An AWS Glue Data Quality ruleset (DQDL) translated into medallion row rules and dataset rules, so
 * a Glue ruleset moves to a silver table unchanged. The text is parsed with AWS's own DQDL parser;
 * every rule is then mapped, and any rule that cannot be mapped is reported, never dropped.
 *
 * <pre>{@code
 * DqdlRuleset glue = DqdlRuleset.parse("""
 *     Rules = [ IsComplete "email", ColumnValues "age" between 0 and 120, IsUnique "user_id" ]
 *     """);
 * SilverTable.builder(TableId.of("silver", "users"), raw)
 *     .rules(glue.rules())
 *     .datasetRules(glue.datasetRules());
 * }</pre>
 *
 * <p>Generated rules use the checks of the factories below under names made of their position, type
 * and columns, e.g. {@code dqdl_1_is_complete_email}; parts of an {@code and} composite add their
 * own position, e.g. {@code dqdl_4_2_is_unique_id}. Row rules have weight 1 and severity warning,
 * dataset rules warn; adjust them with {@link Rule#critical()} or {@link DatasetRule#failBatch()}.
 *
 * <table class="striped">
 *   <caption>DQDL rules and their medallion translation</caption>
 *   <thead>
 *     <tr><th scope="col">DQDL</th><th scope="col">medallion</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>{@code IsComplete "c"}</td><td>{@link Rule#notNull}{@code ("c")}</td></tr>
 *     <tr><td>{@code Completeness "c" > x}</td>
 *         <td>{@link Rule#notNull}{@code ("c")} and {@link DatasetRule#passRate} of it</td></tr>
 *     <tr><td>{@code ColumnValues "c"} with {@code between}, {@code >}, {@code >=}, {@code <},
 *         {@code <=}, {@code =} and numbers</td><td>{@link Rule#range}</td></tr>
 *     <tr><td>{@code ColumnValues "c" in ["a", "b"]} or {@code = "a"}</td>
 *         <td>{@link Rule#allowedValues}</td></tr>
 *     <tr><td>{@code ColumnValues "c" matches "re"}</td><td>{@link Rule#matches}</td></tr>
 *     <tr><td>{@code ColumnValues "c" <= now()} (or {@code < now()})</td>
 *         <td>{@link Rule#notInFuture}</td></tr>
 *     <tr><td>{@code ColumnValues ... with threshold > x}</td>
 *         <td>the row rule and a {@link DatasetRule#passRate} of it</td></tr>
 *     <tr><td>{@code ColumnLength "c"} with a numeric condition</td>
 *         <td>{@link Rule#length}</td></tr>
 *     <tr><td>{@code IsUnique "c"}</td><td>{@link DatasetRule#unique}{@code ("c")}</td></tr>
 *     <tr><td>{@code IsPrimaryKey "a" "b"}</td>
 *         <td>{@link DatasetRule#unique}{@code ("a", "b")} and {@link Rule#notNull} per column</td>
 *     </tr>
 *     <tr><td>{@code Uniqueness "c" > x}</td><td>{@link DatasetRule#distinctRatio}</td></tr>
 *     <tr><td>{@code RowCount} with a numeric condition</td><td>{@link DatasetRule#rowCount}</td>
 *     </tr>
 *     <tr><td>{@code RowCount > avg(last(N))} (optionally {@code + k} or {@code - k})</td>
 *         <td>{@link DatasetRule#metricAtLeast} of {@code rows_read} with {@link
 *         io.medallion.quality.Threshold#historicalMean}</td></tr>
 *     <tr><td>{@code DataFreshness "c" <= N hours} (or {@code <}, minutes, days)</td>
 *         <td>{@link DatasetRule#freshness}</td></tr>
 *     <tr><td>{@code (A) and (B)}</td><td>the translations of A and B</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li>Bounds mean what they mean in DQDL, whose {@code between} excludes both ends (AWS's parser
 *       evaluates {@code value > a && value < b}). Medallion bounds are inclusive, so an exclusive
 *       bound becomes the nearest value inside: {@code Math.nextUp}/{@code Math.nextDown} for
 *       {@link Rule#range} (exact, as values are compared as doubles) and the next whole number for
 *       lengths and row counts (exact). {@code ColumnValues "age" between 0 and 120} accepts ages
 *       above 0 and below 120; to include the ends, widen the bounds, e.g. {@code between -1 and
 *       121} for whole ages.
 *   <li>Ratios (completeness, thresholds, uniqueness) can only be bounded from below: {@code >},
 *       {@code >=}, {@code = 1.0} and {@code between x and y} with {@code y > 1} are supported; an
 *       upper bound that can bind, including {@code between x and 1.0}, is reported.
 *   <li>Dynamic bounds {@code avg(last(N))}, optionally plus or minus a number, are supported as
 *       the minimum of {@code RowCount}, {@code Completeness} and {@code with threshold}; {@code >}
 *       is then checked as {@code >=}, since the mean is known only at run time.
 *   <li>DQDL rules without a threshold pass only when every row passes; medallion row rules act per
 *       row, under the table's quality policy. Add {@code with threshold} (or use {@code
 *       Completeness}) for a batch-level outcome.
 *   <li>Medallion value checks skip missing values (null, or blank text), which Glue's {@code
 *       ColumnValues} fails, so {@code NULL}, {@code EMPTY} and {@code WHITESPACES_ONLY} in an
 *       {@code in} list are implied and dropped, and pass rates count only the rows checked. Pair a
 *       value rule with {@code IsComplete} to require presence. Conversely, {@link Rule#notNull}
 *       also fails blank text, which Glue counts as complete.
 *   <li>{@code matches} uses Java regular expressions and must match the whole value.
 *   <li>{@code Uniqueness} (values occurring once over non-null rows) is approximated by the
 *       distinct ratio (distinct values over non-null rows), which is never lower: equal at 1.0,
 *       more lenient below, e.g. a column where every value appears twice has uniqueness 0 but a
 *       distinct ratio of 0.5.
 *   <li>{@code IsUnique} and {@code IsPrimaryKey} check the rows kept in the batch; {@code
 *       DataFreshness} checks the newest value of the batch, where Glue checks every row; {@code
 *       RowCount} counts the rows read in the batch.
 *   <li>Tags ({@code with key = "value"}), {@code Metadata} and {@code DataSources} carry no checks
 *       and are ignored.
 * </ul>
 *
 * <p>Not supported, and reported: other rule types (e.g. {@code CustomSql}, {@code
 * ReferentialIntegrity}, {@code DatasetMatch}, {@code Entropy}, {@code Mean}, {@code Sum}, {@code
 * StandardDeviation}, {@code DistinctValuesCount}, {@code UniqueValueRatio}, {@code ColumnExists},
 * {@code DetectAnomalies}), composite {@code or} rules, {@code where} clauses, negated conditions
 * ({@code not between}, {@code !=}, {@code not in}, {@code not matches}), numeric {@code in} lists,
 * date conditions other than {@code <= now()}, other dynamic expressions, and analyzers.
 */
public final class DqdlRuleset {
  /** The subject of every {@link ValidationException} thrown by {@link #parse}. */
  private static final String SUBJECT = "DQDL ruleset";

  private final String source;
  private final List<Rule> rules;
  private final List<DatasetRule> datasetRules;

  private DqdlRuleset(String source, List<Rule> rules, List<DatasetRule> datasetRules) {
    this.source = source;
    this.rules = List.copyOf(rules);
    this.datasetRules = List.copyOf(datasetRules);
  }

  /**
   * Parses a DQDL ruleset and translates every rule.
   *
   * <pre>{@code
   * DqdlRuleset ruleset = DqdlRuleset.parse("Rules = [ RowCount between 1 and 100000 ]");
   * ruleset.datasetRules(); // [dqdl_1_row_count: row count between 2 and 99999 (warns)]
   * }</pre>
   *
   * @param dqdl the ruleset text, e.g. {@code Rules = [ IsComplete "email" ]}
   * @return the translated ruleset
   * @throws ValidationException when the text is not valid DQDL (carrying the AWS parser's
   *     message), or listing every rule and analyzer that has no medallion equivalent, one problem
   *     each
   */
  public static DqdlRuleset parse(String dqdl) {
    Objects.requireNonNull(dqdl, "dqdl");
    DQRuleset parsed = parseWithAws(dqdl);
    RuleTranslator translator = new RuleTranslator();
    Problems problems = new Problems();
    List<DQRule> dqRules = parsed.getRules();
    for (int i = 0; i < dqRules.size(); i++) {
      try {
        translator.add(dqRules.get(i), "dqdl_" + (i + 1));
      } catch (UnsupportedRuleException | IllegalArgumentException e) {
        problems.add("rule " + (i + 1) + " '" + dqRules.get(i) + "': " + e.getMessage());
      }
    }
    List<DQAnalyzer> analyzers = parsed.getAnalyzers();
    for (int i = 0; i < analyzers.size(); i++) {
      problems.add(
          "analyzer "
              + (i + 1)
              + " '"
              + analyzers.get(i)
              + "': analyzers are not supported: they only gather statistics,"
              + " and medallion records its own metrics for every run");
    }
    problems.throwIfAny(SUBJECT);
    return new DqdlRuleset(dqdl, translator.rules(), translator.datasetRules());
  }

  /**
   * Returns the row rules, in ruleset order.
   *
   * <pre>{@code
   * DqdlRuleset.parse("Rules = [ IsComplete \"email\" ]").rules();
   * // [dqdl_1_is_complete_email: email is present (completeness, weight 1.0, warning)]
   * }</pre>
   *
   * @return the immutable list of rules for a silver table
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Returns the dataset rules, in ruleset order.
   *
   * <pre>{@code
   * DqdlRuleset.parse("Rules = [ IsUnique \"user_id\" ]").datasetRules();
   * // [dqdl_1_is_unique_user_id: unique on [user_id] (warns)]
   * }</pre>
   *
   * @return the immutable list of rules about each batch as a whole
   */
  public List<DatasetRule> datasetRules() {
    return datasetRules;
  }

  /**
   * Returns the DQDL text this ruleset was parsed from.
   *
   * <pre>{@code
   * DqdlRuleset.parse(text).source().equals(text); // true
   * }</pre>
   *
   * @return the text, unchanged
   */
  public String source() {
    return source;
  }

  private static DQRuleset parseWithAws(String dqdl) {
    try {
      return new DQDLParser().parse(dqdl);
    } catch (InvalidDataQualityRulesetException e) {
      throw invalid("the AWS DQDL parser rejected it: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // The parser throws NullPointerException on some invalid input, e.g. "= $variable".
      throw invalid("the AWS DQDL parser failed: " + e, e);
    }
  }

  private static ValidationException invalid(String problem, Exception cause) {
    ValidationException invalid = new ValidationException(SUBJECT, List.of(problem));
    invalid.initCause(cause);
    return invalid;
  }
}
