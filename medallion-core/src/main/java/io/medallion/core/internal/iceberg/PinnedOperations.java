package io.medallion.core.internal.iceberg;

import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * Table operations that keep answering with one version of a table's metadata until a commit
 * succeeds. Iceberg builds a snapshot on whatever version a refresh returns, so an update whose
 * summary was computed from that version (a source marker merged into what others recorded) would
 * otherwise land on a newer one unchecked. Pinned, the catalog's compare-and-swap refuses the
 * commit when the table moved, and the caller computes the update again.
 *
 * <pre>{@code
 * Table pinned = PinnedOperations.pin(table);
 * AppendFiles append = pinned.newAppend(); // built on, and committed against, that version only
 * }</pre>
 */
public final class PinnedOperations implements TableOperations {
  private final TableOperations delegate;
  private final TableMetadata pinned;
  private boolean committed;

  private PinnedOperations(TableOperations delegate, TableMetadata pinned) {
    this.delegate = delegate;
    this.pinned = pinned;
  }

  /**
   * Returns the table as it is now, pinned to this version for updates.
   *
   * @param table a table whose operations are reachable (every catalog's tables are)
   * @return a table whose updates commit only against the version read now
   */
  public static Table pin(Table table) {
    TableOperations operations = ((HasTableOperations) table).operations();
    TableMetadata now = operations.refresh();
    return new BaseTable(new PinnedOperations(operations, now), table.name());
  }

  @Override
  public TableMetadata current() {
    return committed ? delegate.current() : pinned;
  }

  @Override
  public TableMetadata refresh() {
    return committed ? delegate.refresh() : pinned;
  }

  @Override
  public void commit(TableMetadata base, TableMetadata metadata) {
    delegate.commit(base, metadata);
    committed = true;
  }

  @Override
  public FileIO io() {
    return delegate.io();
  }

  @Override
  public EncryptionManager encryption() {
    return delegate.encryption();
  }

  @Override
  public String metadataFileLocation(String fileName) {
    return delegate.metadataFileLocation(fileName);
  }

  @Override
  public LocationProvider locationProvider() {
    return delegate.locationProvider();
  }

  @Override
  public long newSnapshotId() {
    return delegate.newSnapshotId();
  }

  @Override
  public boolean requireStrictCleanup() {
    return delegate.requireStrictCleanup();
  }
}
