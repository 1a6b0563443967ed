package io.medallion.core.internal.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The file system behind lakes in local folders: Hadoop's raw local file system, without the {@code
 * .crc} side file Hadoop's default writes next to every file (Parquet pages and Iceberg metadata
 * carry their own checks), and setting permissions through java.nio instead of starting a {@code
 * chmod} process for every file created, which cost more than writing a small file.
 */
public final class LocalFiles extends RawLocalFileSystem {
  /**
   * Returns a Hadoop configuration whose {@code file:} scheme is this file system. Its instances
   * are not cached, since Hadoop's cache would hand out whichever local file system another part of
   * the application created first.
   *
   * @return a new configuration
   */
  public static Configuration configuration() {
    Configuration configuration = new Configuration();
    configuration.set("fs.file.impl", LocalFiles.class.getName());
    configuration.setBoolean("fs.file.impl.disable.cache", true);
    return configuration;
  }

  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    java.nio.file.Path file = pathToFile(path).toPath();
    try {
      Files.setPosixFilePermissions(
          file,
          PosixFilePermissions.fromString(
              permission.getUserAction().SYMBOL
                  + permission.getGroupAction().SYMBOL
                  + permission.getOtherAction().SYMBOL));
    } catch (UnsupportedOperationException notPosix) {
      super.setPermission(path, permission);
    }
  }
}
