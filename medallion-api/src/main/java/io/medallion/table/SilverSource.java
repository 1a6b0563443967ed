package io.medallion.table;

/**
 * A table a silver table may read: bronze or silver. The compiler rejects gold as a silver source.
 *
 * <pre>{@code
 * SilverSource source = bronze; // or another silver table
 * SilverTable users = SilverTable.builder(TableId.of("silver", "users"), source).build();
 * }</pre>
 */
public sealed interface SilverSource extends TableDefinition permits BronzeTable, SilverTable {}
