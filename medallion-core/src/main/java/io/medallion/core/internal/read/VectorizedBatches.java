package io.medallion.core.internal.read;

import io.medallion.MedallionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.arrow.ArrowSchemaUtil;
import org.apache.iceberg.arrow.vectorized.VectorHolder;
import org.apache.iceberg.arrow.vectorized.VectorizedReaderBuilder;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.deletes.PositionDeleteIndex;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.parquet.TypeWithSchemaVisitor;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * Batches from Iceberg's vectorized Parquet reader (iceberg-arrow), one planned data file after the
 * other. That reader applies no deletes and filters only row groups, so this applies the rest: a
 * file with positional deletes is read with its row positions and the deleted positions are left
 * out, and the part of the filter its partition does not settle is evaluated on each row. A batch
 * that keeps every row hands its buffers over without copying; otherwise the kept rows are copied.
 * Dictionary-encoded column chunks are decoded by {@link ParquetDictionaries}, straight into the
 * output, kept rows only.
 */
final class VectorizedBatches implements BatchSource {
  private final ReadPlan plan;
  private final Iterator<FileScanTask> tasks;
  private final int batchRows;

  /** For each output column, its position among the columns read. */
  private final int[] outputColumns;

  private final ParquetDictionaries dictionaries = new ParquetDictionaries();
  private CloseableIterable<VectorHolder[]> file = CloseableIterable.empty();
  private CloseableIterator<VectorHolder[]> batches = CloseableIterator.empty();
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
   * Tells whether the vectorized reader can read a plan's files: Parquet files, columns of the
   * primitive types {@link ParquetDictionaries} decodes, and deletes (if any) by position only.
   *
   * @param plan the plan
   * @param tasks its planned files
   * @return true when it can
   */
  static boolean canRead(ReadPlan plan, List<FileScanTask> tasks) {
    boolean primitive =
        plan.read().columns().stream()
            .allMatch(
                field ->
                    field.type().isPrimitiveType() && ParquetDictionaries.decodes(field.type()));
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
    Schema read = projection;
    file =
        Parquet.read(input)
            .project(read)
            .split(task.start(), task.length())
            .createBatchedReaderFunc(
                fileSchema ->
                    TypeWithSchemaVisitor.visit(
                        read.asStruct(),
                        fileSchema,
                        new VectorizedReaderBuilder(
                            read, fileSchema, true, Map.of(), HolderBatchReader::new)))
            .recordsPerBatch(batchRows)
            .caseSensitive(true)
            .filter(remaining)
            .build();
    batches = file.iterator();
  }

  /** Moves a batch's kept rows into the output; returns how many. */
  private int keep(VectorHolder[] batch, VectorSchemaRoot out) {
    Columns columns = new Columns(batch, plan.read().columns().size(), dictionaries);
    try {
      int rows = batch[0].numValues();
      int[] kept = select(batch, columns, rows);
      int count = kept == null ? rows : kept.length;
      out.clear();
      for (int i = 0; i < outputColumns.length; i++) {
        FieldVector target = out.getVector(i);
        VectorHolder holder = batch[outputColumns[i]];
        if (holder.isDictionaryEncoded()) {
          dictionaries.decode(holder, target, kept, count);
        } else if (kept == null && sameType(holder.vector(), target)) {
          holder.vector().makeTransferPair(target).transfer();
        } else {
          copy(holder.vector(), target, kept, count);
        }
      }
      out.setRowCount(count);
      return count;
    } finally {
      columns.close();
    }
  }

  private static boolean sameType(FieldVector source, FieldVector target) {
    return source.getField().getType().equals(target.getField().getType());
  }

  /** The rows to keep, or null when every row is kept. */
  private int[] select(VectorHolder[] batch, Columns columns, int rows) {
    if (deleted == null && residual == null) {
      return null;
    }
    BigIntVector positions =
        deleted == null ? null : (BigIntVector) batch[plan.read().columns().size()].vector();
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
   * A batch's columns as plain Arrow vectors, for the filter: dictionary-encoded ones are decoded
   * on first use into vectors of this read's own, closed with the batch.
   */
  private static final class Columns {
    private final VectorHolder[] batch;
    private final ParquetDictionaries dictionaries;
    private final FieldVector[] vectors;
    private final List<FieldVector> decoded = new ArrayList<>();

    Columns(VectorHolder[] batch, int count, ParquetDictionaries dictionaries) {
      this.batch = batch;
      this.dictionaries = dictionaries;
      this.vectors = new FieldVector[count];
    }

    FieldVector get(int index) {
      if (vectors[index] == null) {
        VectorHolder holder = batch[index];
        FieldVector values = holder.vector();
        if (holder.isDictionaryEncoded()) {
          values =
              ArrowSchemaUtil.convert(holder.icebergField()).createVector(values.getAllocator());
          decoded.add(values);
          dictionaries.decode(holder, values, null, holder.numValues());
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

  /** Copies the kept rows (all when {@code kept} is null), converting the type if it differs. */
  private static void copy(FieldVector source, FieldVector target, int[] kept, int count) {
    target.allocateNew();
    boolean sameType = sameType(source, target);
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
