/**
 * OpenLineage: a {@link io.medallion.core.lineage.LineageTarget} set on the runtime receives a run
 * event when each run starts and ends, with the tables read and written, their schemas and the
 * silver quality results as facets.
 *
 * <pre>{@code
 * MedallionRuntime.builder().lineage(LineageTarget.file(Path.of("lineage.jsonl"))).build();
 * }</pre>
 */
package io.medallion.core.lineage;
