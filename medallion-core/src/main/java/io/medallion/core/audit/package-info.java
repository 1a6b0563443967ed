/**
 * Write-audit-publish on Iceberg branches: {@link io.medallion.core.audit.WriteAuditPublish} says
 * which tables a runtime audits; an audited run writes them to the branch {@code audit-<runId>},
 * fast-forwards main when their checks pass, and otherwise leaves a {@link
 * io.medallion.core.audit.PendingAudit} that {@link io.medallion.core.audit.Audits} lists,
 * publishes anyway or discards.
 *
 * <pre>{@code
 * try (MedallionRuntime runtime =
 *     MedallionRuntime.builder().writeAuditPublish(WriteAuditPublish.everyTable()).build()) {
 *   runtime.run(pipeline);
 *   runtime.audits(pipeline).pending(); // runs whose checks failed, main untouched
 * }
 * }</pre>
 */
package io.medallion.core.audit;
