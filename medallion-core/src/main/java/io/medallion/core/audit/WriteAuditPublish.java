package io.medallion.core.audit;

import io.medallion.Pipeline;
import io.medallion.Problems;
import io.medallion.TableId;
import io.medallion.table.BronzeTable;
import io.medallion.table.TableDefinition;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which silver and gold tables a runtime writes, audits and publishes instead of committing to
 * their main branch directly. An audited table is written to the branch {@code audit-<runId>}; its
 * main branch is fast-forwarded only when its checks pass, otherwise the branch waits for {@link
 * Audits#publish} or {@link Audits#discard}. Every table that reads an audited one is audited too,
 * so nothing downstream ever reads rows that main does not have.
 *
 * <pre>{@code
 * MedallionRuntime.builder()
 *     .writeAuditPublish(WriteAuditPublish.tables(TableId.of("silver", "users")))
 *     .build();
 * }</pre>
 */
public final class WriteAuditPublish {
  private static final WriteAuditPublish OFF = new WriteAuditPublish(false, Set.of());
  private static final WriteAuditPublish EVERY_TABLE = new WriteAuditPublish(true, Set.of());

  private final boolean everyTable;
  private final Set<TableId> tables;

  private WriteAuditPublish(boolean everyTable, Set<TableId> tables) {
    this.everyTable = everyTable;
    this.tables = tables;
  }

  /**
   * Commits every table directly to its main branch: the default.
   *
   * @return the setting that audits nothing
   */
  public static WriteAuditPublish off() {
    return OFF;
  }

  /**
   * Audits every silver and gold table of every pipeline.
   *
   * <pre>{@code
   * MedallionRuntime.builder().writeAuditPublish(WriteAuditPublish.everyTable()).build();
   * }</pre>
   *
   * @return the setting that audits the whole pipeline
   */
  public static WriteAuditPublish everyTable() {
    return EVERY_TABLE;
  }

  /**
   * Audits some silver or gold tables, and every table downstream of them.
   *
   * <pre>{@code
   * WriteAuditPublish.tables(TableId.of("silver", "users"));
   * }</pre>
   *
   * @param audited the tables, at least one
   * @return the setting
   * @throws IllegalArgumentException when no table is given
   */
  public static WriteAuditPublish tables(TableId... audited) {
    if (audited.length == 0) {
      throw new IllegalArgumentException(
          "WriteAuditPublish.tables needs at least one table; use off() to audit none");
    }
    Set<TableId> named = new LinkedHashSet<>();
    for (TableId id : audited) {
      named.add(Objects.requireNonNull(id, "table"));
    }
    return new WriteAuditPublish(false, Set.copyOf(named));
  }

  /**
   * Returns the definitions of a pipeline this setting audits: those named (or all) and every one
   * that reads an audited one.
   *
   * <pre>{@code
   * List<TableDefinition> audited = WriteAuditPublish.everyTable().auditedIn(pipeline);
   * }</pre>
   *
   * @param pipeline the pipeline
   * @return its audited silver and gold definitions, in dependency order
   * @throws io.medallion.ValidationException naming every table given that is not a silver or gold
   *     table of the pipeline
   */
  public List<TableDefinition> auditedIn(Pipeline pipeline) {
    Set<TableId> known = new HashSet<>();
    Set<TableId> audited = new HashSet<>();
    for (TableDefinition definition : pipeline.tables()) {
      if (definition instanceof BronzeTable) {
        continue;
      }
      known.add(definition.id());
      boolean readsAudited =
          definition.reads().stream().anyMatch(read -> audited.contains(read.id()));
      if (everyTable || tables.contains(definition.id()) || readsAudited) {
        audited.add(definition.id());
      }
    }
    Problems problems = new Problems();
    for (TableId id : tables) {
      problems.check(
          known.contains(id),
          id
              + " is not a silver or gold table of pipeline "
              + pipeline.name()
              + "; allowed: "
              + known.stream().map(TableId::toString).sorted().toList());
    }
    problems.throwIfAny("Write-audit-publish for pipeline " + pipeline.name());
    return pipeline.tables().stream().filter(d -> audited.contains(d.id())).toList();
  }

  /**
   * Tells whether this setting audits anything.
   *
   * @return false for {@link #off()}
   */
  public boolean enabled() {
    return everyTable || !tables.isEmpty();
  }

  @Override
  public String toString() {
    return everyTable ? "every table" : enabled() ? "tables " + tables : "off";
  }
}
