package io.medallion.core.internal.read;

import io.medallion.MedallionException;
import io.medallion.core.read.ArrowBatches;
import io.medallion.core.read.TableRead;
import io.medallion.read.ReadRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.arrow.ArrowAllocation;
import org.apache.iceberg.arrow.ArrowSchemaUtil;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link TableRead} over an Iceberg table: plans the files, then picks the reader. */
public final class IcebergTableRead implements TableRead {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergTableRead.class);

  private final ReadPlan plan;

  private IcebergTableRead(ReadPlan plan) {
    this.plan = plan;
  }

  /**
   * Resolves a request against its table.
   *
   * @param table the table, loaded from the catalog
   * @param request the request
   * @return the read
   * @throws io.medallion.ValidationException listing every problem of the request
   */
  public static IcebergTableRead of(Table table, ReadRequest request) {
    return new IcebergTableRead(ReadPlan.of(table, request));
  }

  @Override
  public OptionalLong snapshotId() {
    return plan.snapshotId() == null ? OptionalLong.empty() : OptionalLong.of(plan.snapshotId());
  }

  @Override
  public List<String> columns() {
    return ReadPlan.columnNames(plan.output());
  }

  @Override
  public ArrowBatches arrow(int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, got " + batchRows);
    }
    List<FileScanTask> tasks = plannedFiles();
    boolean vectorized = VectorizedBatches.canRead(plan, tasks);
    LOG.debug(
        "{}: {} data files, read {}",
        plan.request(),
        tasks.size(),
        vectorized ? "vectorized" : "row by row");
    BufferAllocator allocator =
        ArrowAllocation.rootAllocator()
            .newChildAllocator("medallion " + plan.request().table(), 0, Long.MAX_VALUE);
    VectorSchemaRoot root = null;
    try {
      root = VectorSchemaRoot.create(ArrowSchemaUtil.convert(plan.output()), allocator);
      BatchSource source =
          plan.snapshotId() == null
              ? new NoRows()
              : vectorized
                  ? new VectorizedBatches(plan, tasks, batchRows)
                  : new RecordBatches(plan, batchRows);
      return new TableBatches(
          source,
          allocator,
          root,
          tasks.size(),
          vectorized,
          plan.request().limit().orElse(Long.MAX_VALUE));
    } catch (RuntimeException e) {
      if (root != null) {
        root.close();
      }
      allocator.close();
      throw e;
    }
  }

  @Override
  public List<Map<String, Object>> rows() {
    boolean limited = plan.request().limit().isPresent();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ArrowBatches batches = arrow()) {
      while (batches.next()) {
        VectorSchemaRoot batch = batches.root();
        if (!limited && rows.size() + batch.getRowCount() > MAX_PLAIN_ROWS) {
          throw new MedallionException(
              plan.request()
                  + " matches more than "
                  + MAX_PLAIN_ROWS
                  + " rows, too many to return as plain rows: read them as Arrow batches, or set"
                  + " a limit");
        }
        rows.addAll(batches.batchRows());
      }
    }
    return rows;
  }

  private List<FileScanTask> plannedFiles() {
    List<FileScanTask> tasks = new ArrayList<>();
    if (plan.snapshotId() == null) {
      return tasks;
    }
    try (CloseableIterable<FileScanTask> planned = plan.scan().planFiles()) {
      planned.forEach(tasks::add);
    } catch (IOException e) {
      throw new MedallionException("Cannot plan " + plan.request() + ": " + e.getMessage(), e);
    }
    return tasks;
  }

  /** The read of a table without snapshots. */
  private static final class NoRows implements BatchSource {
    @Override
    public int fill(VectorSchemaRoot out) {
      out.setRowCount(0);
      return 0;
    }

    @Override
    public void close() {
      // holds nothing
    }
  }
}
