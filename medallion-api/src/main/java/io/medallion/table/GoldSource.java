package io.medallion.table;

/**
 * A table a gold table may read: silver or gold (aggregates, dimensions and facts). The compiler
 * rejects bronze as a gold source.
 *
 * <pre>{@code
 * GoldSource source = users; // a SilverTable or a GoldTable
 * GoldTable byCountry = GoldTable.builder(TableId.of("gold", "by_country"), source)
 *     .groupBy("country").count("users").build();
 * }</pre>
 */
public sealed interface GoldSource extends TableDefinition
    permits SilverTable, GoldTable, DimensionTable, DateDimension, FactTable {}
