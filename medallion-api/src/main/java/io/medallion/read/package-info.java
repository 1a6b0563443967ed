/**
 * What to read from a medallion table: a {@link io.medallion.read.ReadRequest} names the table, the
 * columns, a {@link io.medallion.read.Filter} on typed {@link io.medallion.read.Literal}s and a
 * point in time; medallion-core's read API answers it with Arrow batches or plain rows.
 *
 * <pre>{@code
 * ReadRequest request =
 *     ReadRequest.builder(TableId.of("silver", "users"))
 *         .columns("user_id", "email", "country")
 *         .filter(Filter.and(Filter.eq("country", "FR"), Filter.isNull("phone").not()))
 *         .asOfSnapshot(4242L)
 *         .build();
 * }</pre>
 */
package io.medallion.read;
