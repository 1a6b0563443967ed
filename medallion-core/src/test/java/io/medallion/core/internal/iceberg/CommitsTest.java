package io.medallion.core.internal.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.catalog.CatalogConfig;
import io.medallion.core.CommitConflictException;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits on the embedded catalog racing for real, and with lost catalog answers. */
class CommitsTest {
  private static final TableIdentifier EVENTS = TableIdentifier.of("test", "events");
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir Path dir;
  private Catalog catalog;

  @BeforeEach
  void createTable() {
    catalog = IcebergCatalogs.open(CatalogConfig.embedded(dir));
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("test"));
    // No retries inside Iceberg: every lost race reaches Commits.
    catalog
        .buildTable(EVENTS, SCHEMA)
        .withPartitionSpec(PartitionSpec.unpartitioned())
        .withProperties(Map.of("commit.retry.num-retries", "0"))
        .create();
  }

  @AfterEach
  void closeCatalog() throws IOException {
    ((Closeable) catalog).close();
  }

  @Test
  void commit_concurrentAppends_everyAppendLandsExactlyOnce() throws Exception {
    int writers = 4;
    int appendsEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Long>>> results = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        results.add(
            pool.submit(
                () -> {
                  Table table = catalog.loadTable(EVENTS);
                  List<Long> snapshots = new ArrayList<>();
                  start.await();
                  for (int i = 0; i < appendsEach; i++) {
                    List<DataFile> files = write(table, writer * 100L + i);
                    snapshots.add(Commits.commit(table, () -> append(table, files)).snapshotId());
                  }
                  return snapshots;
                }));
      }
      start.countDown();
      Set<Long> landed = new HashSet<>();
      for (Future<List<Long>> result : results) {
        landed.addAll(result.get());
      }

      Table table = catalog.loadTable(EVENTS);
      assertThat(landed).hasSize(writers * appendsEach);
      assertThat(commitIds(table)).hasSize(writers * appendsEach).doesNotHaveDuplicates();
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "20");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void commit_otherWriterInvalidatesTheUpdate_conflictNamesTheTableAndWhatToDo() {
    Table mine = catalog.loadTable(EVENTS);
    Table theirs = catalog.loadTable(EVENTS);
    Commits.commit(theirs, () -> append(theirs, write(theirs, 1)));
    List<DataFile> files = write(mine, 2);

    // Started before their commit, and must not overlook rows added since: not retryable.
    assertThatThrownBy(
            () ->
                Commits.commit(
                    mine,
                    () -> {
                      var delta = mine.newRowDelta().validateNoConflictingDataFiles();
                      files.forEach(delta::addRows);
                      return delta;
                    }))
        .isInstanceOf(CommitConflictException.class)
        .hasMessageStartingWith("Cannot commit to medallion.test.events: another writer changed")
        .hasMessageContaining("run again to process what is still new")
        .hasMessageNotContaining(dir.toString())
        .satisfies(
            e ->
                assertThat(((CommitConflictException) e).table())
                    .isEqualTo("medallion.test.events"));
    assertThat(commitIds(catalog.loadTable(EVENTS))).hasSize(1);
  }

  @Test
  void commit_landedButAnswerLost_returnsTheSnapshotWithoutCommittingTwice() {
    Table table = lossy(Lost.ANSWER);
    List<DataFile> files = write(table, 7);

    Snapshot landed = Commits.commit(table, () -> append(table, files));

    Table reloaded = catalog.loadTable(EVENTS);
    assertThat(commitIds(reloaded)).hasSize(1);
    assertThat(reloaded.currentSnapshot().snapshotId()).isEqualTo(landed.snapshotId());
    assertThat(reloaded.currentSnapshot().summary()).containsEntry("total-records", "1");
  }

  @Test
  void commit_requestLostBeforeLanding_retriedAndLandsOnce() {
    Table table = lossy(Lost.REQUEST);
    List<DataFile> files = write(table, 8);

    Snapshot landed = Commits.commit(table, () -> append(table, files));

    Table reloaded = catalog.loadTable(EVENTS);
    assertThat(commitIds(reloaded)).hasSize(1);
    assertThat(reloaded.currentSnapshot().snapshotId()).isEqualTo(landed.snapshotId());
    assertThat(reloaded.currentSnapshot().summary()).containsEntry("total-records", "1");
  }

  private static AppendFiles append(Table table, List<DataFile> files) {
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    return append;
  }

  private static List<DataFile> write(Table table, long id) {
    try (RecordWriter writer = new RecordWriter(table)) {
      Record row = GenericRecord.create(table.schema());
      row.setField("id", id);
      writer.write(row);
      return writer.finish();
    }
  }

  private static List<String> commitIds(Table table) {
    List<String> ids = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      String id = snapshot.summary().get(Commits.COMMIT_ID);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The real table, through a connection that loses one catalog answer or request. */
  private Table lossy(Lost what) {
    TableOperations real = ((HasTableOperations) catalog.loadTable(EVENTS)).operations();
    return new BaseTable(new LossyOperations(real, what), "medallion.test.events");
  }

  private enum Lost {
    REQUEST,
    ANSWER
  }

  /**
   * Delegates to the catalog's real operations, except that the first commit's request (it never
   * reaches the catalog) or answer (it landed) is lost, as on a dropped connection.
   */
  private static final class LossyOperations implements TableOperations {
    private final TableOperations real;
    private final Lost what;
    private boolean lostOne;

    LossyOperations(TableOperations real, Lost what) {
      this.real = real;
      this.what = what;
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
      if (lostOne) {
        real.commit(base, metadata);
        return;
      }
      lostOne = true;
      if (what == Lost.ANSWER) {
        real.commit(base, metadata);
      }
      throw new CommitStateUnknownException(new IOException("connection reset"));
    }

    @Override
    public TableMetadata current() {
      return real.current();
    }

    @Override
    public TableMetadata refresh() {
      return real.refresh();
    }

    @Override
    public FileIO io() {
      return real.io();
    }

    @Override
    public EncryptionManager encryption() {
      return real.encryption();
    }

    @Override
    public String metadataFileLocation(String fileName) {
      return real.metadataFileLocation(fileName);
    }

    @Override
    public LocationProvider locationProvider() {
      return real.locationProvider();
    }

    @Override
    public long newSnapshotId() {
      return real.newSnapshotId();
    }
  }
}
