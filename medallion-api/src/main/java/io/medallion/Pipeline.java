package io.medallion;

import io.medallion.quality.DatasetRule;
import io.medallion.quality.Rule;
import io.medallion.table.BronzeTable;
import io.medallion.table.ColumnMapping;
import io.medallion.table.DateDimension;
import io.medallion.table.DerivedColumn;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.TableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named set of bronze, silver and gold tables, in dependency order. Defining a pipeline is
 * separate from running it: a pipeline is an immutable value that a runtime executes.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("randomuser")
 *     .tables(raw, users, byCountry, monthly)
 *     .build();
 * log.info(pipeline.describe());
 * }</pre>
 */
public final class Pipeline {
  private final String name;
  private final List<TableDefinition> tables;
  private final String owner;
  private final Map<String, String> namespaceDescriptions;
  // The tables in the order given, so that toBuilder() rebuilds the same pipeline.
  private final List<TableDefinition> tablesAsGiven;

  private Pipeline(Builder builder, List<TableDefinition> tables) {
    this.name = builder.name;
    this.tables = List.copyOf(tables);
    this.owner = builder.owner;
    this.namespaceDescriptions = Map.copyOf(builder.namespaceDescriptions);
    this.tablesAsGiven = List.copyOf(builder.tables);
  }

  /**
   * Starts a pipeline definition.
   *
   * @param name the pipeline's name, used in logs and table properties
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Starts a builder holding this pipeline's tables, owner and namespace descriptions, to derive a
   * changed copy. Built unchanged it gives an equal pipeline; the owner and each namespace's
   * description may be set once more, and tables are added to, or emptied first with {@link
   * Builder#clearTables()}.
   *
   * <pre>{@code
   * Pipeline withGold = pipeline.toBuilder().tables(byCountry).build();
   * }</pre>
   *
   * @return a builder with this pipeline's values
   */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.tables.addAll(tablesAsGiven);
    builder.owner = owner;
    builder.namespaceDescriptions.putAll(namespaceDescriptions);
    return builder;
  }

  /**
   * Returns the pipeline's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the owner recorded on every table, e.g. a team or an email address.
   *
   * @return the owner, or empty
   */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /**
   * Returns the description of a namespace (a Glue database), as registered in catalogs.
   *
   * @param namespace the namespace, e.g. {@code silver}
   * @return the description given, or one naming the pipeline and its layers there
   */
  public String namespaceDescription(String namespace) {
    String given = namespaceDescriptions.get(namespace);
    if (given != null) {
      return given;
    }
    List<String> layers =
        tables.stream()
            .filter(t -> t.id().namespace().equals(namespace))
            .map(t -> t.layer().label())
            .distinct()
            .toList();
    return "Medallion " + String.join(" and ", layers) + " tables of pipeline " + name;
  }

  /**
   * Tells whether the pipeline describes a namespace itself, rather than by default.
   *
   * @param namespace the namespace
   * @return true when {@link Builder#describeNamespace(String, String)} described it
   */
  public boolean describesNamespace(String namespace) {
    return namespaceDescriptions.containsKey(namespace);
  }

  /**
   * Returns every table, upstream tables before the tables that read them.
   *
   * @return the tables in dependency order
   */
  public List<TableDefinition> tables() {
    return tables;
  }

  /**
   * Finds a table by id.
   *
   * @param id the table id
   * @return the table, or empty
   */
  public Optional<TableDefinition> table(TableId id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Returns the tables that read a given table directly.
   *
   * @param upstream the table read
   * @return the downstream tables, in dependency order
   */
  public List<TableDefinition> downstreamOf(TableDefinition upstream) {
    return tables.stream()
        .filter(t -> t.upstream().map(u -> u.id().equals(upstream.id())).orElse(false))
        .toList();
  }

  /**
   * Renders the whole flow: each table with its columns, rules, policy and downstream tables.
   *
   * @return a multi-line description
   */
  public String describe() {
    StringBuilder out = new StringBuilder("pipeline ").append(name).append('\n');
    for (TableDefinition table : tables) {
      if (table.upstream().isEmpty()) {
        describe(out, table, 1);
      }
    }
    return out.toString();
  }

  private void describe(StringBuilder out, TableDefinition table, int depth) {
    String indent = "  ".repeat(depth);
    out.append(indent)
        .append(table.upstream().isPresent() ? "-> " : "")
        .append(table.layer().label())
        .append(' ')
        .append(table.id());
    if (!table.description().isEmpty()) {
      out.append(": ").append(table.description());
    }
    out.append('\n');
    String detail = indent + "     ";
    if (!table.partitioning().isEmpty()) {
      out.append(detail).append("partitioned by ").append(table.partitioning()).append('\n');
    }
    if (table instanceof BronzeTable bronze) {
      out.append(detail).append("dead letters -> ").append(bronze.deadLetterId()).append('\n');
      if (!bronze.secretPaths().isEmpty()) {
        out.append(detail).append("secrets (never in silver): ").append(bronze.secretPaths());
        out.append('\n');
      }
    } else if (table instanceof SilverTable silver) {
      for (ColumnMapping mapping : silver.mappings()) {
        out.append(detail).append("map ").append(mapping).append('\n');
      }
      for (DerivedColumn derived : silver.derivedColumns()) {
        out.append(detail).append("derive ").append(derived).append('\n');
      }
      for (Rule rule : silver.rules()) {
        out.append(detail).append("rule ").append(rule).append('\n');
      }
      for (DatasetRule rule : silver.datasetRules()) {
        out.append(detail).append("dataset rule ").append(rule).append('\n');
      }
      out.append(detail).append("policy: ").append(silver.policy());
      out.append(", quarantine -> ").append(silver.quarantineId()).append('\n');
      silver
          .deduplication()
          .ifPresent(d -> out.append(detail).append("deduplicate ").append(d).append('\n'));
    } else if (table instanceof GoldTable gold) {
      out.append(detail).append(gold.describeAggregation()).append('\n');
      gold.describeSeries().ifPresent(series -> out.append(detail).append(series).append('\n'));
    } else if (table instanceof DimensionTable dimension) {
      out.append(detail).append(dimension.describeDimension()).append('\n');
    } else if (table instanceof DateDimension dates) {
      out.append(detail).append(dates.describeRange()).append('\n');
    } else if (table instanceof FactTable fact) {
      out.append(detail).append(fact.describeGrain()).append('\n');
      for (FactTable.DimensionKey key : fact.dimensionKeys()) {
        out.append(detail).append("key ").append(key).append('\n');
      }
      for (FactTable.DateKey key : fact.dateKeys()) {
        out.append(detail).append("key ").append(key).append('\n');
      }
    }
    for (TableDefinition downstream : downstreamOf(table)) {
      describe(out, downstream, depth + 1);
    }
  }

  /**
   * Tells whether another pipeline has the same name, tables, owner and namespace descriptions.
   *
   * @param other the other object
   * @return true when both define the same pipeline
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Pipeline that
        && name.equals(that.name)
        && tables.equals(that.tables)
        && Objects.equals(owner, that.owner)
        && namespaceDescriptions.equals(that.namespaceDescriptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, tables, owner, namespaceDescriptions);
  }

  @Override
  public String toString() {
    return "pipeline " + name + " " + tables.stream().map(TableDefinition::id).toList();
  }

  /**
   * Builds a {@link Pipeline}; {@link #build()} checks the tables together. The owner and each
   * namespace's description are set once: setting one again is a validation problem naming both
   * values. {@link #tables} adds to the tables; {@link #clearTables()} and {@link
   * #clearNamespaceDescriptions()} empty what was given.
   */
  public static final class Builder {
    private final String name;
    private final List<TableDefinition> tables = new ArrayList<>();
    private final Map<String, String> namespaceDescriptions = new LinkedHashMap<>();
    private String owner;
    private final SetOnce given = new SetOnce();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds tables to those already given, in any order.
     *
     * @param added the table definitions
     * @return this builder
     */
    public Builder tables(TableDefinition... added) {
      return tables(List.of(added));
    }

    /**
     * Adds tables to those already given, in any order.
     *
     * @param added the table definitions
     * @return this builder
     */
    public Builder tables(List<? extends TableDefinition> added) {
      for (TableDefinition table : added) {
        tables.add(Objects.requireNonNull(table, "table"));
      }
      return this;
    }

    /**
     * Forgets the tables given so far, so that the ones given next replace them.
     *
     * <pre>{@code
     * Pipeline bronzeOnly = pipeline.toBuilder().clearTables().tables(raw).build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearTables() {
      tables.clear();
      return this;
    }

    /**
     * Records an owner on every table (the {@code owner} table property).
     *
     * @param team a team name or email address
     * @return this builder
     */
    public Builder owner(String team) {
      this.owner = given.set("owner", Objects.requireNonNull(team, "team"));
      return this;
    }

    /**
     * Describes a namespace (a Glue database) for catalogs; the default names the pipeline.
     *
     * @param namespace the namespace, e.g. {@code gold}
     * @param description what the namespace holds
     * @return this builder
     */
    public Builder describeNamespace(String namespace, String description) {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(description, "description");
      namespaceDescriptions.put(
          namespace, given.set("describeNamespace('" + namespace + "')", description));
      return this;
    }

    /**
     * Forgets the namespace descriptions given so far, so that those namespaces are described by
     * default again.
     *
     * <pre>{@code
     * Pipeline plain = pipeline.toBuilder().clearNamespaceDescriptions().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearNamespaceDescriptions() {
      namespaceDescriptions.clear();
      return this;
    }

    /**
     * Validates the tables together and builds the pipeline.
     *
     * @return the pipeline, its tables in dependency order
     * @throws ValidationException listing every problem: blank name, no tables, duplicate ids,
     *     upstream tables missing from the pipeline, cycles
     */
    public Pipeline build() {
      Problems problems = given.problems();
      problems.check(
          name.matches("[A-Za-z0-9_-]+"),
          "pipeline name '" + name + "' must be letters, digits, '_' or '-'");
      problems.check(!tables.isEmpty(), "a pipeline needs at least one table");
      Map<TableId, TableDefinition> byId = new LinkedHashMap<>();
      Set<TableId> derivedIds = new HashSet<>();
      for (TableDefinition table : tables) {
        if (byId.putIfAbsent(table.id(), table) != null) {
          problems.add("table id " + table.id() + " is used by more than one table");
        }
        if (table instanceof BronzeTable bronze) {
          derivedIds.add(bronze.deadLetterId());
        } else if (table instanceof SilverTable silver) {
          derivedIds.add(silver.quarantineId());
          derivedIds.add(silver.metricsId());
        }
      }
      for (TableId derived : derivedIds) {
        problems.check(
            !byId.containsKey(derived),
            "table id " + derived + " clashes with a dead-letter, quarantine or metrics table");
      }
      for (TableDefinition table : tables) {
        for (TableDefinition up : table.reads()) {
          TableDefinition known = byId.get(up.id());
          if (known == null) {
            problems.add(
                table.layer().label()
                    + " table "
                    + table.id()
                    + " reads "
                    + up.id()
                    + ", which is not in the pipeline; add it");
          } else if (!known.equals(up)) {
            problems.add(
                table.layer().label()
                    + " table "
                    + table.id()
                    + " reads a different definition of "
                    + up.id()
                    + " than the one in the pipeline");
          }
        }
      }
      problems.check(owner == null || !owner.isBlank(), "owner must not be blank");
      for (String namespace : namespaceDescriptions.keySet()) {
        problems.check(
            byId.keySet().stream().anyMatch(id -> id.namespace().equals(namespace)),
            "namespace '" + namespace + "' is described but no table of the pipeline is in it");
      }
      List<TableDefinition> ordered = order(problems, byId);
      problems.throwIfAny("pipeline '" + name + "'");
      return new Pipeline(this, ordered);
    }

    /** Orders tables upstream-first; a cycle among ids is a problem. */
    private static List<TableDefinition> order(
        Problems problems, Map<TableId, TableDefinition> byId) {
      List<TableDefinition> ordered = new ArrayList<>();
      Map<TableId, Integer> state = new HashMap<>();
      for (TableDefinition table : byId.values()) {
        visit(table, byId, state, ordered, new ArrayList<>(), problems);
      }
      return ordered;
    }

    private static void visit(
        TableDefinition table,
        Map<TableId, TableDefinition> byId,
        Map<TableId, Integer> state,
        List<TableDefinition> ordered,
        List<TableId> path,
        Problems problems) {
      Integer seen = state.get(table.id());
      if (seen != null) {
        if (seen == 1) {
          List<TableId> cycle =
              new ArrayList<>(path.subList(path.indexOf(table.id()), path.size()));
          cycle.add(table.id());
          problems.add("tables form a cycle: " + cycle);
        }
        return;
      }
      state.put(table.id(), 1);
      path.add(table.id());
      for (TableDefinition read : table.reads()) {
        TableDefinition up = byId.get(read.id());
        if (up != null) {
          visit(up, byId, state, ordered, path, problems);
        }
      }
      path.remove(path.size() - 1);
      state.put(table.id(), 2);
      ordered.add(table);
    }
  }
}
