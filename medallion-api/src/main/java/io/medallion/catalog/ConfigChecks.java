package io.medallion.catalog;

import io.medallion.Problems;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks several kinds of catalog share, each message naming the setting. */
final class ConfigChecks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private ConfigChecks() {}

  /** Starts a catalog's problems with the checks every kind shares. */
  static Problems common(String name, StorageConfig storage) {
    Problems problems = new Problems();
    problems.check(
        NAME.matcher(name).matches(), "name '" + name + "' must be letters, digits, '_' or '-'");
    problems.addAll(storage.problems());
    return problems;
  }

  static void warehouse(Problems problems, String kind, String warehouse) {
    if (warehouse.isBlank()) {
      problems.add(
          "warehouse is required for a "
              + kind
              + " catalog, e.g. s3://bucket/prefix or /data/lake");
      return;
    }
    problems.check(
        warehouse.contains(":/") || warehouse.startsWith("/"),
        "warehouse '"
            + warehouse
            + "' must be an absolute path or a URI such as s3://bucket/prefix or file:/path");
  }

  static void secret(Problems problems, String setting, Optional<Secret> secret) {
    secret.ifPresent(
        value -> {
          if (!value.isSet()) {
            problems.add(
                "literal".equals(value.origin())
                    ? setting + " is empty"
                    : setting + " from " + value.origin() + " is not set");
          }
        });
  }

  /** Throws every problem of a configuration and its builder together. */
  static void throwIfAny(CatalogConfig config, List<String> builderProblems) {
    Problems problems = new Problems();
    problems.addAll(builderProblems);
    problems.addAll(config.problems());
    problems.throwIfAny("catalog '" + config.name() + "' (" + config.type().label() + ")");
  }
}
