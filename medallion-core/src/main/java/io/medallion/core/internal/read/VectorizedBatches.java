package io.medallion.core.internal.read;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.arrow.vectorized.ColumnVector;
import org.apache.iceberg.arrow.vectorized.ColumnarBatch;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.deletes.PositionDeleteIndex;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.formats.FormatModelRegistry;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Batches from Iceberg's vectorized Parquet reader (iceberg-arrow), one planned data file after the
 * other. That reader applies no deletes and filters only row groups, so this applies the rest: a
 * file with positional deletes is read with its row positions and the deleted positions are left
 * out, and the part of the filter its partition does not settle is evaluated on each row. A batch
 * that keeps every row hands its buffers over without copying; otherwise the kept rows are copied.
 */
final class VectorizedBatches implements BatchSource {
  private final ReadPlan plan;
  private final Iterator<FileScanTask> tasks;
  private final int batchRows;

  /** For each output column, its position among the columns read. */
  private final int[] outputColumns;

  private CloseableIterable<ColumnarBatch> file = CloseableIterable.empty();
  private CloseableIterator<ColumnarBatch> batches = CloseableIterator.empty();
  private PositionDeleteIndex deleted;
  private Evaluator residual;

  VectorizedBatches(ReadPlan plan, List<FileScanTask> tasks, int batchRows) {
    this.plan = plan;
    this.tasks = tasks.iterator();
    this.batchRows = batchRows;
    List<Types.NestedField> read = plan.read().columns();
    this.outputColumns =
        plan.output().columns().stream().mapToInt(field -> read.indexOf(field)).toArray();
  }

  /**
   * Tells whether the vectorized reader can read a plan's files: Parquet files, columns of
   * primitive types, and deletes (if any) by position only.
   *
   * @param plan the plan
   * @param tasks its planned files
   * @return true when it can
   */
  static boolean canRead(ReadPlan plan, List<FileScanTask> tasks) {
    boolean primitive =
        plan.read().columns().stream().allMatch(field -> field.type().isPrimitiveType());
    return primitive
        && tasks.stream()
            .allMatch(
                task ->
                    task.file().format() == FileFormat.PARQUET
                        && task.deletes().stream()
                            .allMatch(delete -> delete.content() == FileContent.POSITION_DELETES));
  }

  @Override
  public int fill(VectorSchemaRoot out) {
    while (true) {
      if (batches.hasNext()) {
        int kept = keep(batches.next(), out);
        if (kept > 0) {
          return kept;
        }
      } else if (tasks.hasNext()) {
        closeFile();
        open(tasks.next());
      } else {
        out.setRowCount(0);
        return 0;
      }
    }
  }

  private void open(FileScanTask task) {
    Schema projection = plan.read();
    deleted = null;
    if (!task.deletes().isEmpty()) {
      deleted =
          new GenericDeleteFilter(plan.table().io(), task, plan.table().schema(), projection)
              .deletedRowPositions();
      projection = TypeUtil.join(projection, new Schema(MetadataColumns.ROW_POSITION));
    }
    Expression remaining = task.residual();
    residual =
        remaining.equals(Expressions.alwaysTrue())
            ? null
            : new Evaluator(plan.read().asStruct(), remaining, true);
    InputFile input =
        plan.table()
            .encryption()
            .decrypt(
                EncryptedFiles.encryptedInput(
                    plan.table().io().newInputFile(task.file().location()),
                    task.file().keyMetadata()));
    file =
        FormatModelRegistry.<ColumnarBatch, Object>readBuilder(
                FileFormat.PARQUET, ColumnarBatch.class, input)
            .project(projection)
            .split(task.start(), task.length())
            .recordsPerBatch(batchRows)
            .caseSensitive(true)
            .filter(remaining)
            .build();
    batches = file.iterator();
  }

  /** Moves a batch's kept rows into the output; returns how many. */
  private int keep(ColumnarBatch batch, VectorSchemaRoot out) {
    Columns columns = new Columns(batch, plan.read().columns().size());
    try {
      int rows = batch.numRows();
      int[] kept = select(batch, columns, rows);
      int count = kept == null ? rows : kept.length;
      out.clear();
      for (int i = 0; i < outputColumns.length; i++) {
        FieldVector target = out.getVector(i);
        FieldVector source = columns.get(outputColumns[i]);
        if (kept == null && source.getField().getType().equals(target.getField().getType())) {
          source.makeTransferPair(target).transfer();
        } else {
          copy(source, target, kept, count);
        }
      }
      out.setRowCount(count);
      return count;
    } finally {
      columns.close();
    }
  }

  /** The rows to keep, or null when every row is kept. */
  private int[] select(ColumnarBatch batch, Columns columns, int rows) {
    if (deleted == null && residual == null) {
      return null;
    }
    BigIntVector positions =
        deleted == null
            ? null
            : (BigIntVector) batch.column(plan.read().columns().size()).getFieldVector();
    ArrowRow row = residual == null ? null : new ArrowRow(columns.all());
    int[] kept = new int[rows];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if ((positions == null || !deleted.isDeleted(positions.get(i)))
          && (residual == null || residual.eval(row.at(i)))) {
        kept[count++] = i;
      }
    }
    if (count == rows) {
      return null;
    }
    int[] selected = new int[count];
    System.arraycopy(kept, 0, selected, 0, count);
    return selected;
  }

  /**
   * A batch's columns as plain Arrow vectors, decoded from their dictionaries on first use; the
   * decoded vectors are this read's own and are closed with it.
   */
  private static final class Columns {
    private final ColumnarBatch batch;
    private final FieldVector[] vectors;
    private final List<FieldVector> decoded = new ArrayList<>();

    Columns(ColumnarBatch batch, int count) {
      this.batch = batch;
      this.vectors = new FieldVector[count];
    }

    FieldVector get(int index) {
      if (vectors[index] == null) {
        ColumnVector column = batch.column(index);
        FieldVector values = column.getArrowVector();
        if (values != column.getFieldVector()) {
          decoded.add(values);
        }
        vectors[index] = values;
      }
      return vectors[index];
    }

    List<FieldVector> all() {
      List<FieldVector> all = new ArrayList<>(vectors.length);
      for (int i = 0; i < vectors.length; i++) {
        all.add(get(i));
      }
      return all;
    }

    void close() {
      decoded.forEach(FieldVector::close);
    }
  }

  /**
   * Copies rows; a column whose file type is narrower than the table's (an int column widened to
   * long) is converted value by value.
   */
  private static void copy(FieldVector source, FieldVector target, int[] kept, int count) {
    target.allocateNew();
    boolean sameType = source.getField().getType().equals(target.getField().getType());
    for (int i = 0; i < count; i++) {
      int from = kept == null ? i : kept[i];
      if (sameType) {
        target.copyFromSafe(from, i, source);
      } else {
        RecordWriter.write(target, i, ArrowValues.get(source, from));
      }
    }
    target.setValueCount(count);
  }

  private void closeFile() {
    try {
      batches.close();
      file.close();
    } catch (IOException e) {
      throw new MedallionException("Cannot close a data file: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeFile();
  }
}
