package io.medallion.snowflake;

import io.medallion.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ordered statements that build a pipeline's Snowflake layer, with what they still need: the
 * settings shown as placeholders, the tables the write-profile check refused, and the rules
 * Snowflake cannot check. {@link #script()} prints it as a script a Snowflake engineer runs as is
 * once the placeholders are filled in.
 *
 * <pre>{@code
 * SnowflakePlan plan = layer.plan();
 * Files.writeString(Path.of("snowflake.sql"), plan.script());
 * }</pre>
 *
 * @param pipeline the pipeline's name
 * @param database the Snowflake database the layer lives in
 * @param statements the statements, in the order they run
 * @param missingSettings each placeholder's name and what to give for it
 * @param refusals each table the write-profile check refused, with the reasons
 * @param notes what is left out and why (rules checked by medallion only, gold kinds not rendered)
 */
public record SnowflakePlan(
    String pipeline,
    String database,
    List<PlannedStatement> statements,
    Map<String, String> missingSettings,
    Map<TableId, List<String>> refusals,
    List<String> notes) {

  /**
   * Copies the collections.
   *
   * @param pipeline the pipeline
   * @param database the database
   * @param statements the statements
   * @param missingSettings the placeholders
   * @param refusals the refused tables
   * @param notes the notes
   */
  public SnowflakePlan {
    statements = List.copyOf(statements);
    missingSettings =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingSettings));
    refusals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refusals));
    notes = List.copyOf(notes);
  }

  /**
   * Renders the plan as a script: a header listing the placeholders, refusals and notes as
   * comments, then each statement after a comment naming it, each ending with a semicolon.
   *
   * @return the script
   */
  public String script() {
    StringBuilder out = new StringBuilder();
    comment(out, "Snowflake layer of medallion pipeline " + pipeline);
    comment(out, "Dry run: nothing runs until the plan is applied.");
    if (!missingSettings.isEmpty()) {
      comment(out, "");
      comment(out, "Settings to give before applying (placeholders in the script):");
      missingSettings.forEach(
          (name, what) -> comment(out, "  " + Placeholders.of(name) + ": " + what));
    }
    comment(out, "");
    comment(
        out, "Secrets appear only as <<secret env:NAME>>, read from the environment when applied.");
    if (!refusals.isEmpty()) {
      comment(out, "");
      comment(out, "Not exposed: these tables fail the write profile, so no statement reads them:");
      refusals.forEach(
          (table, reasons) -> reasons.forEach(r -> comment(out, "  " + table + ": " + r)));
    }
    if (!notes.isEmpty()) {
      comment(out, "");
      notes.forEach(note -> comment(out, note));
    }
    int number = 0;
    for (PlannedStatement statement : statements) {
      number++;
      out.append('\n');
      comment(
          out,
          number
              + ". "
              + statement.kind().label()
              + " "
              + statement.objectName()
              + (statement.destructive() ? " (replaces the existing object)" : ""));
      out.append(statement.sql()).append(";\n");
    }
    return out.toString();
  }

  /**
   * Lists the statements that still hold a placeholder for a missing setting.
   *
   * @return the statements that cannot run as they are
   */
  public List<PlannedStatement> incomplete() {
    List<PlannedStatement> incomplete = new ArrayList<>();
    for (PlannedStatement statement : statements) {
      if (statement.hasPlaceholder()) {
        incomplete.add(statement);
      }
    }
    return incomplete;
  }

  /** A comment line; text a user wrote can never end the comment and start a statement. */
  private static void comment(StringBuilder out, String text) {
    out.append("--");
    if (!text.isEmpty()) {
      out.append(' ').append(text.replaceAll("\\p{Cntrl}", " "));
    }
    out.append('\n');
  }
}
