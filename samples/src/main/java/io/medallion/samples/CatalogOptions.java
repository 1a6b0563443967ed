package io.medallion.samples;

import io.medallion.ValidationException;
import io.medallion.catalog.CatalogConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the lake's tables are registered and stored, as command-line options: the embedded default,
 * or a JDBC, REST, Glue or file-system catalog, with data on local disk or S3. Secrets belong in
 * the settings file or in {@code env:NAME} values, never on the command line.
 */
final class CatalogOptions {
  @Option(
      names = "--catalog",
      paramLabel = "TYPE",
      description =
          "Catalog type: embedded (default: SQLite in the lake folder), jdbc, rest, glue or"
              + " hadoop.")
  String type;

  @Option(
      names = "--catalog-uri",
      paramLabel = "URI",
      description = "JDBC URL of a jdbc catalog, or base URI of a rest catalog.")
  String uri;

  @Option(
      names = "--warehouse",
      paramLabel = "LOCATION",
      description =
          "Where table files go: s3://bucket/prefix or an absolute path; for rest catalogs, the"
              + " catalog name on the server.")
  String warehouse;

  @Option(
      names = "--catalog-config",
      paramLabel = "FILE",
      description =
          "A properties file of catalog settings (type, uri, warehouse, glue.region,"
              + " rest.oauth.client-id, s3.endpoint, ...; secrets as env:NAME). Options given on"
              + " the command line win.")
  Path settingsFile;

  @Option(
      names = {"-C", "--catalog-property"},
      paramLabel = "KEY=VALUE",
      description = "One catalog setting, e.g. -C glue.region=eu-west-1; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /**
   * Builds the configuration; the embedded default lives in the lake folder.
   *
   * @param spec the command, for usage errors
   * @param lake the lake folder
   * @return the validated configuration
   * @throws ParameterException listing every problem, without secret values
   */
  CatalogConfig toConfig(CommandSpec spec, Path lake) {
    return read(spec, lake, type, uri, warehouse, settingsFile, settings);
  }

  static CatalogConfig read(
      CommandSpec spec,
      Path lake,
      String type,
      String uri,
      String warehouse,
      Path settingsFile,
      Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>();
    if (settingsFile != null) {
      all.putAll(load(spec, settingsFile));
    }
    all.putAll(settings);
    putIfGiven(all, "type", type);
    putIfGiven(all, "uri", uri);
    putIfGiven(all, "warehouse", warehouse);
    all.putIfAbsent("type", "embedded");
    if ("embedded".equals(all.get("type"))) {
      all.putIfAbsent("lake", lake.toString());
    }
    try {
      return CatalogConfig.fromProperties(all);
    } catch (ValidationException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static void putIfGiven(Map<String, String> all, String key, String value) {
    if (value != null) {
      all.put(key, value);
    }
  }

  private static Map<String, String> load(CommandSpec spec, Path file) {
    Preflight.inputFile(file, "catalog settings file");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read the catalog settings file " + file + ": " + e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }
}
