package io.medallion.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.junit.jupiter.api.Test;

/**
 * Column names, descriptions and rule values holding quotes, semicolons, comment markers,
 * backslashes, unicode and reserved words render inert SQL: a SQL parser finds exactly the planned
 * statements, and each view's query selects exactly the planned columns under the given names.
 */
class IdentifierFuzzTest {
  private static final String[] PIECES = {
    "\"",
    "'",
    ";",
    "--",
    "/*",
    "*/",
    "\\",
    "\\'",
    "é",
    "名前",
    "😀",
    "select",
    "DROP TABLE x",
    "(",
    ")",
    " ",
    "$$",
    "from",
    "''",
    "\"\"",
    "\t",
    "a",
    "1",
  };

  @Test
  void plan_hostileNamesAndTexts_parseAsExactlyThePlannedStatements() throws JSQLParserException {
    Random random = new Random(20261203L);
    for (int round = 0; round < 60; round++) {
      List<String> names = names(random, 4);
      Pipeline pipeline = pipeline(names, hostile(random) + "\n" + hostile(random));
      SnowflakePlan plan =
          SnowflakeLayer.builder(
                  pipeline,
                  GlueCatalogConfig.builder("eu-west-1", "s3://lake/w").build(),
                  "s3://lake/w")
              .build()
              .plan();

      for (PlannedStatement statement : plan.statements()) {
        assertOneStatement(statement);
      }
      for (PlannedStatement statement : plan.statements()) {
        if (statement.kind() == ObjectKind.VIEW && statement.objectName().contains("\"GOLD\"")) {
          assertGoldView(statement, names);
        }
      }
    }
  }

  /**
   * A statement parses as itself and nothing more: a name or text that ended its quotes would leave
   * a second statement or a parse error. JSqlParser reads Snowflake's own DDL as unsupported
   * statements, which still honours quotes; it cannot read GRANT ... ON ALL at all, and grants name
   * only the database, the gold schema and the role: they match a strict pattern instead.
   */
  private static void assertOneStatement(PlannedStatement statement) {
    if (statement.kind() == ObjectKind.GRANT) {
      assertThat(statement.sql())
          .matches("GRANT [A-Z ]+ ON [A-Z ]+ (\"[A-Z_]+\"\\.?)+ TO ROLE \"[A-Z_]+\"");
      return;
    }
    String sql = statement.sql();
    int body = sql.indexOf("\n  AS\n");
    if (body < 0) {
      assertThat(parse(sql, true).size()).as(sql).isEqualTo(1);
      return;
    }
    // A view: JSqlParser reads the query itself strictly, and Snowflake's head as unsupported.
    assertThat(parse(sql.substring(0, body), true).size()).as(sql).isEqualTo(1);
    Statements query = parse(sql.substring(body + "\n  AS\n".length()), false);
    assertThat(query.size()).as(sql).isEqualTo(1);
    assertThat(query.get(0)).as(sql).isInstanceOf(PlainSelect.class);
  }

  private static Statements parse(String sql, boolean unsupported) {
    try {
      return CCJSqlParserUtil.parseStatements(
          sql, p -> p.withUnsupportedStatements(unsupported).withBackslashEscapeCharacter(true));
    } catch (JSQLParserException e) {
      throw new AssertionError("Cannot parse:\n" + sql, e);
    }
  }

  @Test
  void identifier_controlCharacter_isRefusedWithTheNameShown() {
    assertThatThrownBy(() -> SqlDialect.SNOWFLAKE.identifier("a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Identifier 'a?b' holds a control character");
  }

  @Test
  void literal_quotesAndBackslashes_areEscapedPerDialect() {
    assertThat(SqlDialect.SNOWFLAKE.literal("it's a \\' trap"))
        .isEqualTo("'it\\'s a \\\\\\' trap'");
    assertThat(SqlDialect.DUCKDB.literal("it's a \\' trap")).isEqualTo("'it''s a \\'' trap'");
    assertThat(SqlDialect.SNOWFLAKE.identifier("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  private static void assertGoldView(PlannedStatement view, List<String> names)
      throws JSQLParserException {
    String query = view.sql().substring(view.sql().indexOf("\nSELECT") + 1);
    Statement statement = CCJSqlParserUtil.parse(query, p -> p.withBackslashEscapeCharacter(true));
    PlainSelect select = (PlainSelect) statement;
    List<String> aliases = new ArrayList<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      String shown =
          item.getAlias() == null ? item.getExpression().toString() : item.getAlias().getName();
      aliases.add(unquote(shown));
    }
    assertThat(aliases)
        .containsExactly(names.get(0), "rows " + names.get(1), "distinct " + names.get(2));
    assertThat(select.getFromItem().toString()).isEqualTo("\"MEDALLION\".\"SILVER\".\"PEOPLE\"");
  }

  private static String unquote(String identifier) {
    return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
  }

  private static Pipeline pipeline(List<String> names, String description) {
    BronzeTable raw = BronzeTable.builder(TableId.of("bronze", "raw")).build();
    SilverTable.Builder silver =
        SilverTable.builder(TableId.of("silver", "people"), raw).description(description);
    for (int i = 0; i < names.size(); i++) {
      silver.map(names.get(i), ColumnType.STRING, "f" + i);
    }
    silver
        .personal(names.get(1))
        .rules(
            Rule.notNull(names.get(0)),
            Rule.allowedValues(names.get(1), Set.of(description, names.get(2))),
            Rule.length(names.get(3), 1, 9));
    SilverTable people = silver.build();
    GoldTable gold =
        GoldTable.builder(TableId.of("gold", "by_name"), people)
            .description(description)
            .groupBy(names.get(0))
            .count("rows " + names.get(1))
            .countDistinct("distinct " + names.get(2), names.get(2))
            .build();
    return Pipeline.builder("fuzz").tables(raw, people, gold).build();
  }

  private static List<String> names(Random random, int count) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      String name = hostile(random).strip();
      if (!name.isEmpty() && name.chars().noneMatch(Character::isISOControl)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static String hostile(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(5);
    for (int i = 0; i < parts; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }
}
