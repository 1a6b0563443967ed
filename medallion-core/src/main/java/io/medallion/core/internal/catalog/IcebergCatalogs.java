package io.medallion.core.internal.catalog;

import io.medallion.MedallionException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.catalog.GlueCatalogConfig;
import io.medallion.catalog.HadoopCatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.catalog.RestCatalogConfig;
import io.medallion.catalog.Secret;
import io.medallion.catalog.StorageConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.io.FileIO;

/**
 * Opens the Iceberg catalog a {@link CatalogConfig} describes, and checks at once that it answers,
 * so a wrong endpoint or credential fails at start-up with the setting named, not mid-run.
 *
 * <pre>{@code
 * Catalog catalog = IcebergCatalogs.open(
 *     RestCatalogConfig.builder(uri).token(Secret.fromEnv("TOKEN")).build());
 * }</pre>
 */
public final class IcebergCatalogs {
  private static final String CREDENTIALS_PREFIX = "client.credentials-provider.";

  private IcebergCatalogs() {}

  /**
   * Opens and probes a catalog.
   *
   * @param config the configuration; validated first
   * @return the initialized catalog; close it when it is {@link java.io.Closeable}
   * @throws io.medallion.ValidationException listing every configuration problem
   * @throws MedallionException when the catalog cannot be reached or refuses the credentials
   */
  public static Catalog open(CatalogConfig config) {
    return open(config, Map.of());
  }

  /**
   * Opens and probes a catalog with more Iceberg catalog properties; those the configuration sets
   * itself win.
   *
   * @param config the configuration; validated first
   * @param defaults further properties, e.g. a metrics reporter
   * @return the initialized catalog; close it when it is {@link java.io.Closeable}
   * @throws io.medallion.ValidationException listing every configuration problem
   * @throws MedallionException when the catalog cannot be reached or refuses the credentials
   */
  public static Catalog open(CatalogConfig config, Map<String, String> defaults) {
    config.validate();
    Map<String, String> properties = new LinkedHashMap<>(defaults);
    properties.putAll(properties(config));
    Optional<Path> sqlite = config.accept(new LocalFolders());
    Catalog catalog =
        sqlite.isPresent()
            ? SqliteFirstUse.holding(sqlite.get(), () -> build(config, properties))
            : build(config, properties);
    probe(config, catalog, properties);
    return catalog;
  }

  private static Catalog build(CatalogConfig config, Map<String, String> properties) {
    try {
      return CatalogUtil.buildIcebergCatalog(config.name(), properties, LocalFiles.configuration());
    } catch (RuntimeException e) {
      throw CatalogFailures.describe(config, "open", e);
    }
  }

  /**
   * Translates a configuration into Iceberg catalog properties.
   *
   * @param config the configuration
   * @return the properties, secrets included: never log them
   */
  public static Map<String, String> properties(CatalogConfig config) {
    Map<String, String> p = new LinkedHashMap<>();
    // Resolves s3:// to S3FileIO and paths to the Hadoop file system, so one lake may use both.
    p.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.io.ResolvingFileIO");
    config.accept(new KindProperties(p));
    storage(config.storage(), p);
    p.putAll(config.properties());
    return p;
  }

  /** The properties of each kind of catalog. */
  private record KindProperties(Map<String, String> into) implements CatalogConfig.Visitor<Void> {
    @Override
    public Void embedded(EmbeddedCatalogConfig config) {
      jdbc(config.url(), config.warehouse());
      return null;
    }

    @Override
    public Void jdbc(JdbcCatalogConfig config) {
      jdbc(config.url(), config.warehouse());
      config.user().ifPresent(user -> into.put("jdbc.user", user));
      config.password().ifPresent(secret -> into.put("jdbc.password", reveal(secret)));
      return null;
    }

    private void jdbc(String url, String warehouse) {
      into.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.jdbc.JdbcCatalog");
      into.put(CatalogProperties.URI, url);
      into.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
      into.put("jdbc.schema-version", "V1");
      if (url.startsWith("jdbc:sqlite:")) {
        // SQLite allows one writer at a time: one connection, and waits instead of failing.
        into.put(CatalogProperties.CLIENT_POOL_SIZE, "1");
        into.put("jdbc.busy_timeout", "30000");
      } else if (url.startsWith("jdbc:postgresql:")) {
        // admin_shutdown: the server ended the session (terminated, restarted, failed over) and
        // aborted what ran in it, so the pool reconnects and runs the statement again.
        into.put("retryable_status_codes", "57P01");
      }
    }

    @Override
    public Void rest(RestCatalogConfig config) {
      into.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.rest.RESTCatalog");
      into.put(CatalogProperties.URI, config.uri().toString());
      config.warehouse().ifPresent(w -> into.put(CatalogProperties.WAREHOUSE_LOCATION, w));
      restAuthentication(config, into);
      return null;
    }

    @Override
    public Void glue(GlueCatalogConfig config) {
      into.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.aws.glue.GlueCatalog");
      into.put(CatalogProperties.WAREHOUSE_LOCATION, config.warehouse());
      into.put("client.region", config.region());
      config.catalogId().ifPresent(id -> into.put("glue.id", id));
      config.endpoint().ifPresent(url -> into.put("glue.endpoint", url.toString()));
      return null;
    }

    @Override
    public Void hadoop(HadoopCatalogConfig config) {
      // Metadata lives beside the data; nothing else to configure.
      into.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.hadoop.HadoopCatalog");
      into.put(CatalogProperties.WAREHOUSE_LOCATION, config.warehouse());
      return null;
    }
  }

  /**
   * Creates the local folders a catalog needs before it opens, and finds the SQLite file whose
   * first use must be serialized.
   */
  private static final class LocalFolders implements CatalogConfig.Visitor<Optional<Path>> {
    @Override
    public Optional<Path> embedded(EmbeddedCatalogConfig config) {
      createFolder(config.lake().resolve("warehouse"));
      return Optional.of(config.lake().resolve("catalog.db"));
    }

    @Override
    public Optional<Path> jdbc(JdbcCatalogConfig config) {
      return SqliteFirstUse.databaseFile(config.url());
    }

    @Override
    public Optional<Path> rest(RestCatalogConfig config) {
      return Optional.empty();
    }

    @Override
    public Optional<Path> glue(GlueCatalogConfig config) {
      return Optional.empty();
    }

    @Override
    public Optional<Path> hadoop(HadoopCatalogConfig config) {
      localFolder(config.warehouse()).ifPresent(IcebergCatalogs::createFolder);
      return Optional.empty();
    }
  }

  private static void restAuthentication(RestCatalogConfig config, Map<String, String> p) {
    config
        .token()
        .ifPresent(
            token -> {
              p.put("rest.auth.type", "oauth2");
              p.put("token", reveal(token));
            });
    config
        .oauth()
        .ifPresent(
            oauth -> {
              p.put("rest.auth.type", "oauth2");
              p.put("credential", oauth.clientId() + ":" + reveal(oauth.clientSecret()));
              oauth.scope().ifPresent(scope -> p.put("scope", scope));
              oauth.serverUri().ifPresent(uri -> p.put("oauth2-server-uri", uri.toString()));
            });
    config
        .sigv4()
        .ifPresent(
            sigv4 -> {
              p.put("rest.auth.type", "sigv4");
              p.put("rest.auth.sigv4.delegate-auth-type", "none");
              p.put("rest.signing-name", sigv4.signingName());
              p.put("rest.signing-region", sigv4.region());
              config.storage().accessKeyId().ifPresent(key -> p.put("rest.access-key-id", key));
              config
                  .storage()
                  .secretAccessKey()
                  .ifPresent(secret -> p.put("rest.secret-access-key", reveal(secret)));
            });
  }

  private static void storage(StorageConfig storage, Map<String, String> p) {
    storage.endpoint().ifPresent(url -> p.put("s3.endpoint", url.toString()));
    if (storage.pathStyleAccess()) {
      p.put("s3.path-style-access", "true");
    }
    storage.region().ifPresent(region -> p.putIfAbsent("client.region", region));
    storage
        .accessKeyId()
        .ifPresent(
            key -> {
              String secret = reveal(storage.secretAccessKey().orElseThrow());
              p.put("s3.access-key-id", key);
              p.put("s3.secret-access-key", secret);
              // The same keys for Glue and STS clients, which do not read the s3.* ones.
              p.put("client.credentials-provider", StaticAwsCredentials.class.getName());
              p.put(CREDENTIALS_PREFIX + StaticAwsCredentials.ACCESS_KEY_ID, key);
              p.put(CREDENTIALS_PREFIX + StaticAwsCredentials.SECRET_ACCESS_KEY, secret);
            });
  }

  private static String reveal(Secret secret) {
    return secret.reveal().orElse("");
  }

  private static Optional<Path> localFolder(String location) {
    if (location.startsWith("/")) {
      return Optional.of(Path.of(location));
    }
    return location.startsWith("file:")
        ? Optional.of(Path.of(URI.create(location)))
        : Optional.empty();
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new MedallionException("Cannot create the folder " + folder + ": " + e, e);
    }
  }

  /**
   * Cheap reads that need the endpoints and the credentials, so a wrong one fails now, naming the
   * setting: a namespace listing, and for an S3 warehouse a look-up of one key in it.
   */
  private static void probe(CatalogConfig config, Catalog catalog, Map<String, String> properties) {
    try {
      if (catalog instanceof SupportsNamespaces namespaces) {
        namespaces.listNamespaces();
      }
    } catch (RuntimeException e) {
      CatalogFailures.closeQuietly(catalog);
      throw CatalogFailures.describe(config, "reach", e);
    }
    String warehouse = properties.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, "");
    if (warehouse.startsWith("s3://") || warehouse.startsWith("s3a://")) {
      try (FileIO io =
          CatalogUtil.loadFileIO(
              properties.get(CatalogProperties.FILE_IO_IMPL),
              properties,
              LocalFiles.configuration())) {
        io.newInputFile(warehouse.replaceAll("/+$", "") + "/.medallion-probe").exists();
      } catch (RuntimeException e) {
        CatalogFailures.closeQuietly(catalog);
        throw CatalogFailures.describeStorage(config, warehouse, e);
      }
    }
  }
}
