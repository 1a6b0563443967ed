/**
 * Reading medallion tables: {@link io.medallion.core.MedallionRuntime#read} answers a {@link
 * io.medallion.read.ReadRequest} with a {@link io.medallion.core.read.TableRead}, whose rows come
 * as Arrow batches ({@link io.medallion.core.read.ArrowBatches}) or, for small results, as plain
 * rows. Deleted rows never appear; Arrow buffers are released when the batches are closed.
 *
 * <pre>{@code
 * ReadRequest request =
 *     ReadRequest.builder(TableId.of("silver", "users"))
 *         .columns("user_id", "country")
 *         .filter(Filter.eq("country", "FR"))
 *         .build();
 * try (ArrowBatches batches = runtime.read(request).arrow()) {
 *   while (batches.next()) {
 *     VectorSchemaRoot batch = batches.root();
 *     // use batch before the next call to next()
 *   }
 * }
 * }</pre>
 */
package io.medallion.core.read;
