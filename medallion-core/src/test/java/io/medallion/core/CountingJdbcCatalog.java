package io.medallion.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Iceberg's real JDBC catalog, counting the table round trips a run makes: every {@code loadTable}
 * (which {@code tableExists} also calls) and every {@code buildTable}. Iceberg creates it by name
 * from the {@code catalog-impl} property, so the counts are kept per table, across instances.
 */
public final class CountingJdbcCatalog extends JdbcCatalog {
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  /** Created by Iceberg from the catalog properties. */
  public CountingJdbcCatalog() {}

  static void reset() {
    COUNTS.clear();
  }

  static int loads(String table) {
    return count("load " + table);
  }

  static int creates(String table) {
    return count("create " + table);
  }

  /** Every count, for failure messages. */
  static Map<String, Integer> all() {
    Map<String, Integer> all = new TreeMap<>();
    COUNTS.forEach((key, count) -> all.put(key, count.get()));
    return all;
  }

  private static int count(String key) {
    AtomicInteger count = COUNTS.get(key);
    return count == null ? 0 : count.get();
  }

  @Override
  public Table loadTable(TableIdentifier identifier) {
    COUNTS.computeIfAbsent("load " + identifier, key -> new AtomicInteger()).incrementAndGet();
    return super.loadTable(identifier);
  }

  @Override
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema) {
    COUNTS.computeIfAbsent("create " + identifier, key -> new AtomicInteger()).incrementAndGet();
    return super.buildTable(identifier, schema);
  }
}
