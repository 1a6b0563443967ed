package io.medallion.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import io.medallion.table.BronzeTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  @TempDir Path dir;

  @Test
  void create_withPermission_writesTheFileWithThoseBitsAndNoChecksumFile() throws IOException {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("a.bin").toUri());
    FileSystem files = file.getFileSystem(LocalFiles.configuration());
    try (OutputStream out =
        files.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write("payload".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(files).isInstanceOf(LocalFiles.class);
    assertThat(Files.readString(dir.resolve("a.bin"))).isEqualTo("payload");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.bin"))))
        .isEqualTo("rw-r-----");
    try (Stream<Path> listed = Files.list(dir)) {
      assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("a.bin");
    }
  }

  @Test
  void ingest_embeddedLake_writesNoChecksumSideFiles() throws IOException {
    Path input = dir.resolve("in.ndjson");
    Files.writeString(input, "{\"id\":1}\n{\"id\":2}\n");
    BronzeTable raw = BronzeTable.builder(TableId.of("bronze", "raw")).build();
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(dir.resolve("lake")).build()) {
      assertThat(runtime.ingest(raw, JsonSource.file(input)).written()).isEqualTo(2);
    }

    try (Stream<Path> tree = Files.walk(dir.resolve("lake"))) {
      List<String> names = tree.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(name -> name.endsWith(".parquet"));
      assertThat(names).noneMatch(name -> name.endsWith(".crc"));
    }
  }
}
