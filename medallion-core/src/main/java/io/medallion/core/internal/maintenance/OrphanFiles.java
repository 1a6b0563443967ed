package io.medallion.core.internal.maintenance;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.PartitionStatisticsFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Finds the files under a table's location that nothing references: not the current or a previous
 * metadata file, not a manifest list, manifest, data, delete or statistics file of any snapshot.
 * Such files are left by writers that failed before their commit, and by commits that lost a race.
 * Files younger than the grace period are never reported, since a writer may be about to commit
 * them.
 */
final class OrphanFiles {
  /** The Hadoop catalog's pointer to the current metadata file: referenced by name only. */
  private static final String VERSION_HINT = "version-hint.text";

  private OrphanFiles() {}

  static List<String> find(Table table, long olderThanMillis) {
    if (!(table.io() instanceof SupportsPrefixOperations listing)) {
      throw new MedallionException(
          "Cannot list the files of "
              + table.name()
              + ": its file system ("
              + table.io().getClass().getSimpleName()
              + ") cannot list a folder");
    }
    Set<String> referenced = referenced(table);
    List<String> orphans = new ArrayList<>();
    // The slash matters: on an object store "lake/users" is also a prefix of
    // "lake/users_quarantine".
    String folder = table.location().endsWith("/") ? table.location() : table.location() + "/";
    for (FileInfo file : listing.listPrefix(folder)) {
      String location = file.location();
      if (file.createdAtMillis() < olderThanMillis
          && !location.endsWith("/" + VERSION_HINT)
          && !referenced.contains(normalized(location))) {
        orphans.add(location);
      }
    }
    orphans.sort(null);
    return orphans;
  }

  static void delete(Table table, List<String> orphans) {
    orphans.forEach(table.io()::deleteFile);
  }

  private static Set<String> referenced(Table table) {
    FileIO io = table.io();
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Map<Integer, PartitionSpec> specs = table.specs();
    Set<String> paths = new HashSet<>();
    add(paths, metadata.metadataFileLocation());
    metadata.previousFiles().forEach(entry -> add(paths, entry.file()));
    table.statisticsFiles().stream().map(StatisticsFile::path).forEach(p -> add(paths, p));
    table.partitionStatisticsFiles().stream()
        .map(PartitionStatisticsFile::path)
        .forEach(p -> add(paths, p));
    Set<String> manifestsSeen = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      add(paths, snapshot.manifestListLocation());
      for (ManifestFile manifest : snapshot.allManifests(io)) {
        if (manifestsSeen.add(manifest.path())) {
          add(paths, manifest.path());
          addContents(paths, manifest, io, specs);
        }
      }
    }
    return paths;
  }

  private static void addContents(
      Set<String> paths, ManifestFile manifest, FileIO io, Map<Integer, PartitionSpec> specs) {
    try {
      if (manifest.content() == ManifestContent.DATA) {
        try (CloseableIterable<String> files = ManifestFiles.readPaths(manifest, io, specs)) {
          files.forEach(p -> add(paths, p));
        }
      } else {
        try (ManifestReader<DeleteFile> deletes =
            ManifestFiles.readDeleteManifest(manifest, io, specs)) {
          deletes.forEach(file -> add(paths, file.location()));
        }
      }
    } catch (IOException e) {
      throw new MedallionException(
          "Cannot read manifest " + manifest.path() + ": " + e.getMessage(), e);
    }
  }

  private static void add(Set<String> paths, String location) {
    if (location != null) {
      paths.add(normalized(location));
    }
  }

  /**
   * Local paths are written as {@code /x}, {@code file:/x} or {@code file:///x}: compare them as
   * one.
   */
  static String normalized(String location) {
    if (!location.startsWith("file:")) {
      return location;
    }
    String path = location.substring("file:".length());
    int start = 0;
    while (start + 1 < path.length() && path.charAt(start + 1) == '/') {
      start++;
    }
    return path.substring(start);
  }
}
