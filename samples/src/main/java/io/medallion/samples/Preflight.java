package io.medallion.samples;

import io.medallion.MedallionException;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.EmbeddedCatalogConfig;
import io.medallion.core.MedallionRuntime;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a command's paths before it creates anything, so that a command that cannot run leaves no
 * lake behind and says which path is wrong and what to do.
 *
 * <pre>{@code
 * Preflight.inputFile(Path.of("users.json"), "--input");
 * Preflight.writableLake(Path.of("lakehouse"));
 * }</pre>
 */
public final class Preflight {
  private Preflight() {}

  /**
   * Requires a readable regular file.
   *
   * <pre>{@code
   * Preflight.inputFile(Path.of("users.json"), "--input");
   * }</pre>
   *
   * @param file the file given on the command line
   * @param option the option that named it, for the message
   * @throws CliFailure with {@link ExitCode#INPUT} when it is missing, a folder or unreadable
   */
  public static void inputFile(Path file, String option) {
    String where = option + " " + file;
    if (!Files.exists(file)) {
      throw new CliFailure(
          ExitCode.INPUT,
          where
              + ": no such file; check the path (a file named like an option is given as ./-name)");
    }
    if (Files.isDirectory(file)) {
      throw new CliFailure(
          ExitCode.INPUT,
          where + ": is a folder, not a file; name the files in it, e.g. " + where + "/*.json");
    }
    if (!Files.isReadable(file)) {
      throw new CliFailure(
          ExitCode.INPUT, where + ": cannot be read; make it readable for this user");
    }
  }

  /**
   * Requires that the lake folder is, or can be created as, a writable folder: the lake itself or
   * its nearest existing parent must be a writable folder.
   *
   * <pre>{@code
   * Preflight.writableLake(Path.of("lakehouse"));
   * }</pre>
   *
   * @param lake the lake folder given with {@code --lake}
   * @throws CliFailure with {@link ExitCode#LAKE} when it is a file or read-only
   */
  public static void writableLake(Path lake) {
    Path existing = lake.toAbsolutePath().normalize();
    while (existing.getParent() != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String problem = null;
    if (!Files.isDirectory(existing)) {
      problem = existing + " is a file, not a folder; give --lake a new or existing folder";
    } else if (!Files.isWritable(existing)) {
      problem = "the folder " + existing + " is read-only; make it writable or use another --lake";
    }
    if (problem != null) {
      throw new CliFailure(ExitCode.LAKE, "--lake " + lake + ": " + problem);
    }
  }

  /**
   * Checks that a command that only reads or maintains a lake finds one, so that it never creates
   * an empty lake by mistake. Only the embedded catalog lives in the folder; another catalog is
   * checked when it is opened.
   *
   * <pre>{@code
   * Preflight.existingLake(Path.of("lakehouse"), catalog, "nothing to publish");
   * }</pre>
   *
   * @param lake the lake folder given with {@code --lake}
   * @param catalog the catalog the command will open
   * @param consequence what the command cannot do without it, e.g. "nothing to maintain"
   * @throws CliFailure with {@link ExitCode#LAKE} when an embedded lake's folder is missing
   */
  public static void existingLake(Path lake, CatalogConfig catalog, String consequence) {
    if (catalog instanceof EmbeddedCatalogConfig && !Files.isDirectory(lake)) {
      throw new CliFailure(
          ExitCode.LAKE, "--lake " + lake + ": there is no lake there, so " + consequence);
    }
  }

  /**
   * Opens a runtime, reporting a catalog that cannot be opened or reached as a lake problem.
   *
   * <pre>{@code
   * try (MedallionRuntime runtime = Preflight.open(MedallionRuntime.builder().lake(lake))) {
   *   runtime.run(pipeline);
   * }
   * }</pre>
   *
   * @param builder the configured runtime
   * @return the open runtime
   * @throws CliFailure with {@link ExitCode#LAKE} when the catalog cannot be opened
   */
  public static MedallionRuntime open(MedallionRuntime.Builder builder) {
    try {
      return builder.build();
    } catch (MedallionException e) {
      throw new CliFailure(
          ExitCode.LAKE,
          e.getMessage() + "; check --lake and the catalog settings (--catalog, --catalog-uri, -C)",
          e);
    }
  }
}
